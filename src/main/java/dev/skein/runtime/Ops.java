package dev.skein.runtime;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.IdentityHashMap;

/**
 * The semantics of Skein's operators on its values, Python-faithful: ints that never overflow,
 * true and floor division, Python's signs for {@code %}, deep equality, truthiness, repr.
 * Evaluator nodes inline the {@code long} fast paths and call here for everything else.
 */
public final class Ops {
    private Ops() {}

    static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    // ---------------------------------------------------------------- ints

    /** A BigInteger result in canonical form: a Long when it fits. */
    public static Object norm(BigInteger b) {
        return b.bitLength() < 64 ? (Object) b.longValue() : b;
    }

    public static BigInteger big(Object o) {
        if (o instanceof Long l) return BigInteger.valueOf(l);
        if (o instanceof BigInteger b) return b;
        if (o instanceof Boolean b) return b ? BigInteger.ONE : BigInteger.ZERO;
        throw new IllegalArgumentException("not an int: " + o);
    }

    public static boolean isInt(Object o) {
        return o instanceof Long || o instanceof BigInteger || o instanceof Boolean;
    }

    public static boolean isNumber(Object o) {
        return o instanceof Long || o instanceof Double || o instanceof BigInteger || o instanceof Boolean;
    }

    /** An int argument as a Java long; TypeError when not an int, OverflowError when too big. */
    public static long toLong(Object o, String what) {
        if (o instanceof Long l) return l;
        if (o instanceof Boolean b) return b ? 1 : 0;
        if (o instanceof BigInteger) throw Errors.overflow(what + " is too large");
        throw Errors.type(what + " must be an int, not " + typeName(o));
    }

    /** An int argument as a Java int (sizes, counts, indices). */
    public static int toInt(Object o, String what) {
        long l = toLong(o, what);
        if (l > Integer.MAX_VALUE || l < Integer.MIN_VALUE) throw Errors.overflow(what + " is too large");
        return (int) l;
    }

    /** A number argument as a double (ints converted exactly where possible). */
    public static double toDouble(Object o, String what) {
        if (o instanceof Double d) return d;
        if (o instanceof Long l) return l;
        if (o instanceof BigInteger b) return bigToDouble(b);
        if (o instanceof Boolean b) return b ? 1 : 0;
        throw Errors.type(what + " must be a number, not " + typeName(o));
    }

    static double bigToDouble(BigInteger b) {
        double d = b.doubleValue();
        if (Double.isInfinite(d)) throw Errors.overflow("int too large to convert to float");
        return d;
    }

    // ---------------------------------------------------------------- type names, truthiness

    public static String typeName(Object o) {
        if (o == null) return "none";
        if (o instanceof Boolean) return "bool";
        if (o instanceof Long || o instanceof BigInteger) return "int";
        if (o instanceof Double) return "float";
        if (o instanceof String) return "str";
        if (o instanceof Bytes) return "bytes";
        if (o instanceof SkeinList) return "list";
        if (o instanceof SkeinDict) return "dict";
        if (o instanceof SkeinSet) return "set";
        if (o instanceof RangeValue) return "range";
        if (o instanceof RecordValue r) return r.type().name();
        if (o instanceof RecordType) return "record";
        if (o instanceof ErrorValue) return "error";
        if (o instanceof ErrorKind) return "error_kind";
        if (o instanceof ModuleValue) return "module";
        if (o instanceof SkeinIterator) return "iterator";
        if (o instanceof SliceValue) return "slice";
        if (o instanceof Named n) return n.typeName();
        if (o instanceof Callable) return "function";
        return o.getClass().getSimpleName();
    }

    /** Implemented by runtime values of later layers (futures, pools, locks) to name their type. */
    public interface Named {
        String typeName();
    }

    public static boolean truthy(Object o) {
        if (o instanceof Boolean b) return b;
        if (o == null) return false;
        if (o instanceof Long l) return l != 0;
        if (o instanceof String s) return !s.isEmpty();
        if (o instanceof Double d) return d != 0.0;
        if (o instanceof BigInteger) return true;  // canonical form: never zero
        if (o instanceof SkeinList l) return l.size() != 0;
        if (o instanceof SkeinDict d) return d.size() != 0;
        if (o instanceof SkeinSet s) return s.size() != 0;
        if (o instanceof Bytes b) return b.length() != 0;
        if (o instanceof RangeValue r) return r.length() != 0;
        return true;
    }

    // ---------------------------------------------------------------- equality and ordering

    /** Deep equality, {@code ==}. */
    public static boolean eq(Object a, Object b) {
        if (a == b) return true;
        if (a == null || b == null) return false;
        if (a instanceof Long x && b instanceof Long y) return x.longValue() == y.longValue();
        if (a instanceof String x && b instanceof String y) return x.equals(y);
        if (isNumber(a) && isNumber(b)) return compareNumbers(a, b) == 0 && !isNaN(a) && !isNaN(b);
        if (a instanceof SkeinList x && b instanceof SkeinList y) {
            Object[] xs = x.snapshot(), ys = y.snapshot();
            if (xs.length != ys.length) return false;
            for (int i = 0; i < xs.length; i++) if (!eq(xs[i], ys[i])) return false;
            return true;
        }
        if (a instanceof SkeinDict x && b instanceof SkeinDict y) {
            Object[] kv = x.entriesSnapshot();
            if (kv.length / 2 != y.size()) return false;
            for (int i = 0; i < kv.length; i += 2) {
                Object other = y.getOr(kv[i], Missing.MISSING);
                if (other == Missing.MISSING || !eq(kv[i + 1], other)) return false;
            }
            return true;
        }
        if (a instanceof SkeinSet x && b instanceof SkeinSet y) {
            Object[] xs = x.snapshot();
            if (xs.length != y.size()) return false;
            for (Object v : xs) if (!y.contains(v)) return false;
            return true;
        }
        if (a instanceof SkeinList || a instanceof SkeinDict || a instanceof SkeinSet) return false;
        return a.equals(b);
    }

    private static boolean isNaN(Object o) { return o instanceof Double d && d.isNaN(); }

    /** Three-way comparison of two numbers of any numeric type (NaN compares as unordered: 2). */
    static int compareNumbers(Object a, Object b) {
        if (a instanceof Boolean x) a = x ? 1L : 0L;
        if (b instanceof Boolean y) b = y ? 1L : 0L;
        if (a instanceof Long x && b instanceof Long y) return Long.compare(x, y);
        if (a instanceof Double || b instanceof Double) {
            double x = a instanceof Double d ? d : Double.NaN, y = b instanceof Double d ? d : Double.NaN;
            if (a instanceof Double && b instanceof Double) return x < y ? -1 : x > y ? 1 : x == y ? 0 : 2;
            // one int, one float: compare exactly
            double f = a instanceof Double ? x : y;
            Object i = a instanceof Double ? b : a;
            if (Double.isNaN(f)) return 2;
            int c;
            if (Double.isInfinite(f)) c = f > 0 ? -1 : 1;
            else c = new BigDecimal(big(i)).compareTo(new BigDecimal(f));
            return a instanceof Double ? -c : c;
        }
        return big(a).compareTo(big(b));
    }

    /** Ordering for {@code < <= > >=} and sorting. */
    public static int compare(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) return Long.compare(x, y);
        if (isNumber(a) && isNumber(b)) {
            int c = compareNumbers(a, b);
            if (c == 2) throw new NaNComparison();
            return c;
        }
        if (a instanceof String x && b instanceof String y) return Integer.signum(x.compareTo(y));
        if (a instanceof SkeinList x && b instanceof SkeinList y) {
            Object[] xs = x.snapshot(), ys = y.snapshot();
            for (int i = 0; i < Math.min(xs.length, ys.length); i++) {
                if (!eq(xs[i], ys[i])) return compare(xs[i], ys[i]);
            }
            return Integer.compare(xs.length, ys.length);
        }
        if (a instanceof Bytes x && b instanceof Bytes y) return Integer.signum(x.compareTo(y));
        if (a instanceof RecordValue x && b instanceof RecordValue y && x.type() == y.type()) {
            for (int i = 0; i < x.size(); i++) {
                if (!eq(x.get(i), y.get(i))) return compare(x.get(i), y.get(i));
            }
            return 0;
        }
        throw Errors.type("'<' not supported between instances of '" + typeName(a) + "' and '" + typeName(b) + "'");
    }

    /** Thrown by {@link #compare} when a NaN is involved: every ordering test is then false. */
    static final class NaNComparison extends RuntimeException {
        NaNComparison() { super(null, null, false, false); }
    }

    public static boolean lt(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) return x < y;
        try { return compare(a, b) < 0; } catch (NaNComparison e) { return false; }
    }

    public static boolean le(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) return x <= y;
        try { return compare(a, b) <= 0; } catch (NaNComparison e) { return false; }
    }

    public static boolean gt(Object a, Object b) { return lt(b, a); }

    public static boolean ge(Object a, Object b) { return le(b, a); }

    public static int hash(Object o) {
        if (o == null) return 0;
        if (o instanceof Double d && d == Math.rint(d) && !d.isInfinite() && Math.abs(d) < 9e18) return Long.hashCode(d.longValue());
        return o.hashCode();
    }

    // ---------------------------------------------------------------- arithmetic

    public static Object add(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            long r = x + y;
            if (((x ^ r) & (y ^ r)) < 0) return BigInteger.valueOf(x).add(BigInteger.valueOf(y));
            return r;
        }
        if (a instanceof String x && b instanceof String y) return x.concat(y);
        if (a instanceof Double x && b instanceof Double y) return x + y;
        if (isNumber(a) && isNumber(b)) {
            if (a instanceof Double || b instanceof Double) return toDouble(a, "") + toDouble(b, "");
            return norm(big(a).add(big(b)));
        }
        if (a instanceof SkeinList x && b instanceof SkeinList y) {
            Object[] xs = x.snapshot(), ys = y.snapshot();
            Object[] out = java.util.Arrays.copyOf(xs, xs.length + ys.length);
            System.arraycopy(ys, 0, out, xs.length, ys.length);
            return SkeinList.wrap(out);
        }
        if (a instanceof Bytes x && b instanceof Bytes y) {
            byte[] out = java.util.Arrays.copyOf(x.unsafeArray(), x.length() + y.length());
            System.arraycopy(y.unsafeArray(), 0, out, x.length(), y.length());
            return Bytes.wrap(out);
        }
        throw binaryTypeError("+", a, b);
    }

    public static Object sub(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            long r = x - y;
            if (((x ^ y) & (x ^ r)) < 0) return BigInteger.valueOf(x).subtract(BigInteger.valueOf(y));
            return r;
        }
        if (a instanceof Double x && b instanceof Double y) return x - y;
        if (isNumber(a) && isNumber(b)) {
            if (a instanceof Double || b instanceof Double) return toDouble(a, "") - toDouble(b, "");
            return norm(big(a).subtract(big(b)));
        }
        if (a instanceof SkeinSet x && b instanceof SkeinSet y) {
            SkeinSet out = new SkeinSet();
            for (Object v : x.snapshot()) if (!y.contains(v)) out.add(v);
            return out;
        }
        throw binaryTypeError("-", a, b);
    }

    public static Object mul(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            long hi = Math.multiplyHigh(x, y), lo = x * y;
            if ((hi == 0 && lo >= 0) || (hi == -1 && lo < 0)) return lo;
            return BigInteger.valueOf(x).multiply(BigInteger.valueOf(y));
        }
        if (a instanceof Double x && b instanceof Double y) return x * y;
        if (isNumber(a) && isNumber(b)) {
            if (a instanceof Double || b instanceof Double) return toDouble(a, "") * toDouble(b, "");
            return norm(big(a).multiply(big(b)));
        }
        if (isInt(b) && !isInt(a)) return repeat(a, b);
        if (isInt(a) && !isInt(b)) return repeat(b, a);
        throw binaryTypeError("*", a, b);
    }

    private static Object repeat(Object seq, Object times) {
        long n = Math.max(0, toLong(times, "repeat count"));
        if (seq instanceof String s) {
            if ((long) s.length() * n > Integer.MAX_VALUE - 8) throw Errors.overflow("repeated string is too long");
            return s.repeat((int) n);
        }
        if (seq instanceof SkeinList l) {
            Object[] xs = l.snapshot();
            if ((long) xs.length * n > Integer.MAX_VALUE - 8) throw Errors.overflow("repeated list is too long");
            Object[] out = new Object[(int) (xs.length * n)];
            for (int i = 0; i < n; i++) System.arraycopy(xs, 0, out, i * xs.length, xs.length);
            return SkeinList.wrap(out);
        }
        if (seq instanceof Bytes b) {
            if ((long) b.length() * n > Integer.MAX_VALUE - 8) throw Errors.overflow("repeated bytes are too long");
            byte[] out = new byte[(int) (b.length() * n)];
            for (int i = 0; i < n; i++) System.arraycopy(b.unsafeArray(), 0, out, i * b.length(), b.length());
            return Bytes.wrap(out);
        }
        throw binaryTypeError("*", seq, times);
    }

    /** True division {@code /}: always a float for numbers. */
    public static Object truediv(Object a, Object b) {
        if (!isNumber(a) || !isNumber(b)) throw binaryTypeError("/", a, b);
        if (a instanceof Double || b instanceof Double) {
            double y = toDouble(b, "");
            if (y == 0.0) throw Errors.zeroDivision("float division by zero");
            return toDouble(a, "") / y;
        }
        if (a instanceof Long x && b instanceof Long y && Math.abs(x) < (1L << 53) && Math.abs(y) < (1L << 53)) {
            if (y == 0) throw Errors.zeroDivision("division by zero");
            return (double) x / (double) y;
        }
        BigInteger x = big(a), y = big(b);
        if (y.signum() == 0) throw Errors.zeroDivision("division by zero");
        double d = new BigDecimal(x).divide(new BigDecimal(y), MathContext.DECIMAL128).doubleValue();
        if (Double.isInfinite(d)) throw Errors.overflow("integer division result too large for a float");
        return d;
    }

    /** Floor division {@code //}, rounding toward negative infinity like Python. */
    public static Object floordiv(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            if (y == 0) throw Errors.zeroDivision("integer division or modulo by zero");
            if (x == Long.MIN_VALUE && y == -1) return BigInteger.valueOf(x).negate();
            return Math.floorDiv(x, y);
        }
        if (!isNumber(a) || !isNumber(b)) throw binaryTypeError("//", a, b);
        if (a instanceof Double || b instanceof Double) {
            double x = toDouble(a, ""), y = toDouble(b, "");
            if (y == 0.0) throw Errors.zeroDivision("float floor division by zero");
            return floatDivmod(x, y)[0];
        }
        BigInteger y = big(b);
        if (y.signum() == 0) throw Errors.zeroDivision("integer division or modulo by zero");
        BigInteger[] qr = big(a).divideAndRemainder(y);
        BigInteger q = qr[0];
        if (qr[1].signum() != 0 && qr[1].signum() != y.signum()) q = q.subtract(BigInteger.ONE);
        return norm(q);
    }

    /** Modulo {@code %}: the result has the sign of the divisor, like Python. Also str % args. */
    public static Object mod(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            if (y == 0) throw Errors.zeroDivision("integer division or modulo by zero");
            return Math.floorMod(x, y);
        }
        if (a instanceof String s) return PercentFormat.format(s, b);
        if (!isNumber(a) || !isNumber(b)) throw binaryTypeError("%", a, b);
        if (a instanceof Double || b instanceof Double) {
            double x = toDouble(a, ""), y = toDouble(b, "");
            if (y == 0.0) throw Errors.zeroDivision("float modulo");
            return floatDivmod(x, y)[1];
        }
        BigInteger y = big(b);
        if (y.signum() == 0) throw Errors.zeroDivision("integer division or modulo by zero");
        BigInteger r = big(a).mod(y.abs());
        if (y.signum() < 0 && r.signum() != 0) r = r.add(y);
        return norm(r);
    }

    /** CPython's float_divmod: returns {floor quotient, remainder with the divisor's sign}. */
    static double[] floatDivmod(double vx, double wx) {
        double mod = vx % wx;
        double div = (vx - mod) / wx;
        if (mod != 0) {
            if ((wx < 0) != (mod < 0)) {
                mod += wx;
                div -= 1.0;
            }
        } else {
            mod = Math.copySign(0.0, wx);
        }
        double floordiv;
        if (div != 0) {
            floordiv = Math.floor(div);
            if (div - floordiv > 0.5) floordiv += 1.0;
        } else {
            floordiv = Math.copySign(0.0, vx / wx);
        }
        return new double[] {floordiv, mod};
    }

    public static Object pow(Object a, Object b) {
        if (!isNumber(a) || !isNumber(b)) throw binaryTypeError("**", a, b);
        if (isInt(a) && isInt(b)) {
            BigInteger e = big(b);
            if (e.signum() >= 0) {
                BigInteger base = big(a);
                if (base.equals(BigInteger.ONE) || base.signum() == 0) return norm(e.signum() == 0 ? BigInteger.ONE : base);
                if (base.equals(BigInteger.ONE.negate())) return e.testBit(0) ? -1L : 1L;
                if (e.bitLength() > 31) throw Errors.overflow("exponent too large");
                long bits = (long) base.bitLength() * e.intValue();
                if (bits > 1L << 31) throw Errors.overflow("result of ** is too large");
                return norm(base.pow(e.intValue()));
            }
            double x = toDouble(a, "");
            if (x == 0.0) throw Errors.zeroDivision("0 cannot be raised to a negative power");
            return Math.pow(x, toDouble(b, ""));
        }
        double x = toDouble(a, ""), y = toDouble(b, "");
        if (x == 0.0 && y < 0) throw Errors.zeroDivision("0.0 cannot be raised to a negative power");
        if (x < 0 && y != Math.rint(y) && !Double.isInfinite(y)) throw Errors.value("a negative number raised to a fractional power has no real value");
        double r = Math.pow(x, y);
        if (Double.isInfinite(r) && !Double.isInfinite(x) && !Double.isInfinite(y)) throw Errors.overflow("numerical result out of range");
        return r;
    }

    public static Object neg(Object a) {
        if (a instanceof Long x) return x == Long.MIN_VALUE ? BigInteger.valueOf(x).negate() : (Object) (-x);
        if (a instanceof Double d) return -d;
        if (a instanceof BigInteger b) return norm(b.negate());
        if (a instanceof Boolean b) return b ? -1L : 0L;
        throw Errors.type("bad operand type for unary -: '" + typeName(a) + "'");
    }

    public static Object pos(Object a) {
        if (a instanceof Boolean b) return b ? 1L : 0L;
        if (isNumber(a)) return a;
        throw Errors.type("bad operand type for unary +: '" + typeName(a) + "'");
    }

    public static Object invert(Object a) {
        if (isInt(a)) return norm(big(a).not());
        throw Errors.type("bad operand type for unary ~: '" + typeName(a) + "'");
    }

    public static Object bitand(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) return x & y;
        if (isInt(a) && isInt(b)) return a instanceof Boolean && b instanceof Boolean ? (Object) ((Boolean) a & (Boolean) b) : norm(big(a).and(big(b)));
        if (a instanceof SkeinSet x && b instanceof SkeinSet y) {
            SkeinSet out = new SkeinSet();
            for (Object v : x.snapshot()) if (y.contains(v)) out.add(v);
            return out;
        }
        throw binaryTypeError("&", a, b);
    }

    public static Object bitor(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) return x | y;
        if (isInt(a) && isInt(b)) return a instanceof Boolean && b instanceof Boolean ? (Object) ((Boolean) a | (Boolean) b) : norm(big(a).or(big(b)));
        if (a instanceof SkeinSet x && b instanceof SkeinSet y) {
            SkeinSet out = x.copy();
            out.addAll(y.snapshot());
            return out;
        }
        if (a instanceof SkeinDict x && b instanceof SkeinDict y) {
            SkeinDict out = x.copy();
            out.putAll(y);
            return out;
        }
        throw binaryTypeError("|", a, b);
    }

    public static Object bitxor(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) return x ^ y;
        if (isInt(a) && isInt(b)) return a instanceof Boolean && b instanceof Boolean ? (Object) ((Boolean) a ^ (Boolean) b) : norm(big(a).xor(big(b)));
        if (a instanceof SkeinSet x && b instanceof SkeinSet y) {
            SkeinSet out = new SkeinSet();
            for (Object v : x.snapshot()) if (!y.contains(v)) out.add(v);
            for (Object v : y.snapshot()) if (!x.contains(v)) out.add(v);
            return out;
        }
        throw binaryTypeError("^", a, b);
    }

    public static Object shl(Object a, Object b) {
        if (!isInt(a) || !isInt(b)) throw binaryTypeError("<<", a, b);
        long n = toLong(b, "shift count");
        if (n < 0) throw Errors.value("negative shift count");
        if (n > Integer.MAX_VALUE) throw Errors.overflow("shift count too large");
        return norm(big(a).shiftLeft((int) n));
    }

    public static Object shr(Object a, Object b) {
        if (!isInt(a) || !isInt(b)) throw binaryTypeError(">>", a, b);
        long n = toLong(b, "shift count");
        if (n < 0) throw Errors.value("negative shift count");
        if (a instanceof Long x) return x >> Math.min(n, 63);
        return norm(big(a).shiftRight((int) Math.min(n, Integer.MAX_VALUE)));
    }

    static SkeinError binaryTypeError(String op, Object a, Object b) {
        return Errors.type("unsupported operand type(s) for " + op + ": '" + typeName(a) + "' and '" + typeName(b) + "'");
    }

    // ---------------------------------------------------------------- containers

    public static long len(Object o) {
        if (o instanceof String s) return s.length();
        if (o instanceof SkeinList l) return l.size();
        if (o instanceof SkeinDict d) return d.size();
        if (o instanceof SkeinSet s) return s.size();
        if (o instanceof Bytes b) return b.length();
        if (o instanceof RangeValue r) return r.length();
        if (o instanceof RecordValue r) return r.size();
        throw Errors.type("object of type '" + typeName(o) + "' has no len()");
    }

    /** {@code item in container}. */
    public static boolean contains(Object container, Object item) {
        if (container instanceof SkeinList l) {
            for (Object v : l.snapshot()) if (eq(v, item)) return true;
            return false;
        }
        if (container instanceof SkeinDict d) return isHashable(item) && d.containsKey(item);
        if (container instanceof SkeinSet s) return isHashable(item) && s.contains(item);
        if (container instanceof String s) {
            if (item instanceof String sub) return s.contains(sub);
            throw Errors.type("'in <string>' requires string as left operand, not " + typeName(item));
        }
        if (container instanceof RangeValue r) {
            if (item instanceof Long l) return r.contains(l);
            if (item instanceof Double d && d == Math.rint(d)) return r.contains(d.longValue());
            return false;
        }
        if (container instanceof Bytes b) {
            if (item instanceof Long l) {
                for (int i = 0; i < b.length(); i++) if (b.get(i) == l) return true;
                return false;
            }
            if (item instanceof Bytes sub) return indexOf(b.unsafeArray(), sub.unsafeArray(), 0) >= 0;
        }
        if (container instanceof SkeinIterator || container instanceof RecordValue) {
            SkeinIterator it = iter(container);
            for (Object v = it.next(); v != SkeinIterator.DONE; v = it.next()) if (eq(v, item)) return true;
            return false;
        }
        throw Errors.type("argument of type '" + typeName(container) + "' is not iterable");
    }

    private static boolean isHashable(Object o) {
        return !(o instanceof SkeinList || o instanceof SkeinDict || o instanceof SkeinSet);
    }

    public static int indexOf(byte[] hay, byte[] needle, int from) {
        outer:
        for (int i = Math.max(0, from); i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) if (hay[i + j] != needle[j]) continue outer;
            return i;
        }
        return -1;
    }

    public static SkeinIterator iter(Object o) {
        if (o instanceof SkeinList l) {
            return new SkeinIterator() {
                int i;
                @Override public Object next() {
                    Object v = l.getOr(i, DONE);
                    if (v != DONE) i++;
                    return v;
                }
            };
        }
        if (o instanceof RangeValue r) return r.iterator();
        if (o instanceof SkeinIterator it) return it;
        if (o instanceof SkeinDict d) return SkeinIterator.over(d.keysSnapshot());
        if (o instanceof SkeinSet s) return SkeinIterator.over(s.snapshot());
        if (o instanceof String s) {
            return new SkeinIterator() {
                int i;
                @Override public Object next() {
                    if (i >= s.length()) return DONE;
                    int cp = s.codePointAt(i);
                    int n = Character.charCount(cp);
                    String ch = s.substring(i, i + n);
                    i += n;
                    return ch;
                }
            };
        }
        if (o instanceof Bytes b) {
            return new SkeinIterator() {
                int i;
                @Override public Object next() { return i < b.length() ? (Object) (long) b.get(i++) : DONE; }
            };
        }
        if (o instanceof RecordValue r) {
            Object[] vs = new Object[r.size()];
            for (int i = 0; i < vs.length; i++) vs[i] = r.get(i);
            return SkeinIterator.over(vs);
        }
        if (o instanceof Iterable<?> it) {
            java.util.Iterator<?> j = it.iterator();
            return () -> j.hasNext() ? j.next() : SkeinIterator.DONE;
        }
        throw Errors.type("'" + typeName(o) + "' object is not iterable");
    }

    /** All elements of an iterable, as an array (consumes iterators). */
    public static Object[] toArray(Object o) {
        if (o instanceof SkeinList l) return l.snapshot();
        if (o instanceof SkeinSet s) return s.snapshot();
        if (o instanceof SkeinDict d) return d.keysSnapshot();
        java.util.ArrayList<Object> out = new java.util.ArrayList<>();
        SkeinIterator it = iter(o);
        for (Object v = it.next(); v != SkeinIterator.DONE; v = it.next()) out.add(v);
        return out.toArray();
    }

    public static Object getIndex(Object o, Object index) {
        if (o instanceof SkeinList l) {
            if (index instanceof Long i) return l.getPy(i);
            if (index instanceof SliceValue s) return SkeinList.wrap(sliceArray(l.snapshot(), s));
            if (index instanceof Boolean b) return l.getPy(b ? 1 : 0);
            if (index instanceof BigInteger) throw Errors.index("list index out of range");
            throw Errors.type("list indices must be integers or slices, not " + typeName(index));
        }
        if (o instanceof SkeinDict d) return d.get(index);
        if (o instanceof String s) {
            if (index instanceof Long i) {
                long j = i < 0 ? i + s.length() : i;
                if (j < 0 || j >= s.length()) throw Errors.index("string index out of range");
                return String.valueOf(s.charAt((int) j));
            }
            if (index instanceof SliceValue sl) {
                long[] ix = sl.indices(s.length());
                if (ix[2] == 1) return s.substring((int) ix[0], (int) Math.max(ix[0], ix[1]));
                StringBuilder sb = new StringBuilder();
                for (long k = 0, p = ix[0]; k < ix[3]; k++, p += ix[2]) sb.append(s.charAt((int) p));
                return sb.toString();
            }
            throw Errors.type("string indices must be integers, not " + typeName(index));
        }
        if (o instanceof Bytes b) {
            if (index instanceof Long i) {
                long j = i < 0 ? i + b.length() : i;
                if (j < 0 || j >= b.length()) throw Errors.index("index out of range");
                return (long) b.get((int) j);
            }
            if (index instanceof SliceValue sl) {
                long[] ix = sl.indices(b.length());
                byte[] out = new byte[(int) ix[3]];
                for (int k = 0; k < out.length; k++) out[k] = b.unsafeArray()[(int) (ix[0] + k * ix[2])];
                return Bytes.wrap(out);
            }
            throw Errors.type("byte indices must be integers or slices, not " + typeName(index));
        }
        if (o instanceof RangeValue r) {
            if (index instanceof Long i) {
                long n = r.length();
                long j = i < 0 ? i + n : i;
                if (j < 0 || j >= n) throw Errors.index("range object index out of range");
                return r.at(j);
            }
            if (index instanceof SliceValue sl) {
                long[] ix = sl.indices(r.length());
                long start = r.at(ix[0]);
                long step = r.step() * ix[2];
                return new RangeValue(start, start + step * ix[3], step);
            }
        }
        if (o instanceof RecordValue r && index instanceof Long i) {
            long j = i < 0 ? i + r.size() : i;
            if (j < 0 || j >= r.size()) throw Errors.index("record index out of range");
            return r.get((int) j);
        }
        throw Errors.type("'" + typeName(o) + "' object is not subscriptable");
    }

    static Object[] sliceArray(Object[] xs, SliceValue s) {
        long[] ix = s.indices(xs.length);
        Object[] out = new Object[(int) ix[3]];
        if (ix[2] == 1) {
            System.arraycopy(xs, (int) ix[0], out, 0, out.length);
        } else {
            for (int k = 0; k < out.length; k++) out[k] = xs[(int) (ix[0] + k * ix[2])];
        }
        return out;
    }

    public static void setIndex(Object o, Object index, Object value) {
        if (o instanceof SkeinList l) {
            if (index instanceof Long i) { l.setPy(i, value); return; }
            if (index instanceof SliceValue s) { assignSlice(l, s, value); return; }
            throw Errors.type("list indices must be integers or slices, not " + typeName(index));
        }
        if (o instanceof SkeinDict d) { d.put(index, value); return; }
        throw Errors.type("'" + typeName(o) + "' object does not support item assignment");
    }

    private static void assignSlice(SkeinList l, SliceValue s, Object value) {
        Object[] xs = l.snapshot();
        Object[] vs = toArray(value);
        long[] ix = s.indices(xs.length);
        if (ix[2] != 1) {
            if (vs.length != ix[3]) throw Errors.value("attempt to assign sequence of size " + vs.length + " to extended slice of size " + ix[3]);
            for (int k = 0; k < vs.length; k++) xs[(int) (ix[0] + k * ix[2])] = vs[k];
            l.replaceAll(xs);
            return;
        }
        int from = (int) ix[0], to = (int) Math.max(ix[0], ix[1]);
        Object[] out = new Object[xs.length - (to - from) + vs.length];
        System.arraycopy(xs, 0, out, 0, from);
        System.arraycopy(vs, 0, out, from, vs.length);
        System.arraycopy(xs, to, out, from + vs.length, xs.length - to);
        l.replaceAll(out);
    }

    // ---------------------------------------------------------------- calls and attributes

    public static Object call(ThreadState ts, Object callee, Object[] args, String[] kwNames) {
        if (callee instanceof Callable c) return c.call(ts, args, kwNames);
        throw Errors.type("'" + typeName(callee) + "' object is not callable");
    }

    /**
     * {@code recv.name(args…)}: a method of a built-in type (found by {@link dev.skein.stdlib.TypeMethods}),
     * a method of a runtime object ({@link MethodHost}), or a callable field or module member.
     */
    public static Object callMethod(ThreadState ts, Object recv, String name, Object[] args, String[] kwNames) {
        if (recv instanceof MethodHost h) {
            Callable m = h.method(name);
            if (m != null) return m.call(ts, args, kwNames);
        }
        Builtin m = dev.skein.stdlib.TypeMethods.find(recv, name);
        if (m != null) {
            Object[] withSelf = new Object[args.length + 1];
            withSelf[0] = recv;
            System.arraycopy(args, 0, withSelf, 1, args.length);
            return m.call(ts, withSelf, kwNames);
        }
        return call(ts, getAttr(recv, name), args, kwNames);
    }

    /** Implemented by runtime objects of later layers (futures, pools) that have methods. */
    public interface MethodHost {
        /** The method bound to this object, or null when it has none by that name. */
        Callable method(String name);
    }

    /** {@code obj.name} for fields, module members and error attributes (not methods). */
    public static Object getAttr(Object o, String name) {
        if (o instanceof RecordValue r) {
            Object v = r.field(name);
            if (v != Missing.MISSING) return v;
        } else if (o instanceof ModuleValue m) {
            Object v = m.member(name);
            if (v != Missing.MISSING) return v;
            throw Errors.attribute("module '" + m.moduleName() + "' has no member '" + name + "'");
        } else if (o instanceof ErrorValue e) {
            switch (name) {
                case "kind": return e.kind().name();
                case "message": return e.message();
                case "cause": return e.cause();
                case "trace": {
                    SkeinList out = new SkeinList();
                    for (TraceEntry t : e.trace()) out.append(t.toString());
                    return out;
                }
                default: break;
            }
        } else if (o instanceof Attributes a) {
            Object v = a.attribute(name);
            if (v != Missing.MISSING) return v;
        } else if (o instanceof Callable c && name.equals("name")) {
            return c.name();
        } else if (o instanceof RangeValue r) {
            switch (name) {
                case "start": return r.start();
                case "stop": return r.stop();
                case "step": return r.step();
                default: break;
            }
        }
        throw Errors.attribute("'" + typeName(o) + "' object has no attribute '" + name + "'");
    }

    /** Implemented by runtime values with read-only attributes ({@code pool.size}). */
    public interface Attributes {
        /** The attribute's value, or {@link Missing#MISSING}. */
        Object attribute(String name);
    }

    // ---------------------------------------------------------------- str and repr

    /** {@code str(v)}: what {@code print} shows. */
    public static String str(Object o) {
        if (o instanceof String s) return s;
        if (o instanceof Long l) return l.toString();
        if (o instanceof ErrorValue e) return e.message();
        return repr(o);
    }

    /** {@code repr(v)}: the literal-like form, used inside containers. */
    public static String repr(Object o) {
        StringBuilder sb = new StringBuilder();
        repr(o, sb, null);
        return sb.toString();
    }

    private static void repr(Object o, StringBuilder sb, IdentityHashMap<Object, Boolean> active) {
        if (o == null) { sb.append("none"); return; }
        if (o instanceof Boolean b) { sb.append(b ? "true" : "false"); return; }
        if (o instanceof Long || o instanceof BigInteger) { sb.append(o); return; }
        if (o instanceof Double d) { sb.append(FloatRepr.repr(d)); return; }
        if (o instanceof String s) { quote(s, sb); return; }
        if (o instanceof Bytes b) { bytesRepr(b, sb); return; }
        if (o instanceof SkeinList || o instanceof SkeinDict || o instanceof SkeinSet || o instanceof RecordValue) {
            if (active == null) active = new IdentityHashMap<>();
            if (active.containsKey(o)) {
                sb.append(o instanceof SkeinList ? "[...]" : o instanceof RecordValue ? "..." : "{...}");
                return;
            }
            active.put(o, Boolean.TRUE);
            containerRepr(o, sb, active);
            active.remove(o);
            return;
        }
        if (o instanceof ErrorValue e) {
            sb.append(e.kind().name()).append('(');
            quote(e.message(), sb);
            sb.append(')');
            return;
        }
        if (o instanceof RecordType t) { sb.append("<record ").append(t.name()).append('>'); return; }
        if (o instanceof ErrorKind k) { sb.append("<error kind ").append(k.name()).append('>'); return; }
        if (o instanceof ModuleValue m) { sb.append("<module ").append(m.moduleName()).append('>'); return; }
        if (o instanceof Callable c && !(o instanceof Named)) { sb.append("<fn ").append(c.name()).append('>'); return; }
        sb.append(o);
    }

    private static void containerRepr(Object o, StringBuilder sb, IdentityHashMap<Object, Boolean> active) {
        if (o instanceof SkeinList l) {
            sb.append('[');
            Object[] xs = l.snapshot();
            for (int i = 0; i < xs.length; i++) {
                if (i > 0) sb.append(", ");
                repr(xs[i], sb, active);
            }
            sb.append(']');
        } else if (o instanceof SkeinDict d) {
            sb.append('{');
            Object[] kv = d.entriesSnapshot();
            for (int i = 0; i < kv.length; i += 2) {
                if (i > 0) sb.append(", ");
                repr(kv[i], sb, active);
                sb.append(": ");
                repr(kv[i + 1], sb, active);
            }
            sb.append('}');
        } else if (o instanceof SkeinSet s) {
            Object[] xs = s.snapshot();
            if (xs.length == 0) { sb.append("set()"); return; }
            sb.append('{');
            for (int i = 0; i < xs.length; i++) {
                if (i > 0) sb.append(", ");
                repr(xs[i], sb, active);
            }
            sb.append('}');
        } else if (o instanceof RecordValue r) {
            sb.append(r.type().name()).append('(');
            for (int i = 0; i < r.size(); i++) {
                if (i > 0) sb.append(", ");
                sb.append(r.type().field(i)).append('=');
                repr(r.get(i), sb, active);
            }
            sb.append(')');
        }
    }

    /** Python's string repr: single quotes unless the text has a single quote and no double one. */
    public static void quote(String s, StringBuilder sb) {
        char q = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        sb.append(q);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c == q) sb.append('\\').append(c);
                    else if (c < 0x20 || c == 0x7f) sb.append(String.format("\\x%02x", (int) c));
                    else sb.append(c);
                }
            }
        }
        sb.append(q);
    }

    private static void bytesRepr(Bytes b, StringBuilder sb) {
        byte[] data = b.unsafeArray();
        boolean hasSingle = false, hasDouble = false;
        for (byte x : data) { hasSingle |= x == '\''; hasDouble |= x == '"'; }
        char q = hasSingle && !hasDouble ? '"' : '\'';
        sb.append('b').append(q);
        for (byte x : data) {
            int c = x & 0xff;
            if (c == '\\') sb.append("\\\\");
            else if (c == q) sb.append('\\').append((char) c);
            else if (c == '\n') sb.append("\\n");
            else if (c == '\r') sb.append("\\r");
            else if (c == '\t') sb.append("\\t");
            else if (c < 0x20 || c >= 0x7f) sb.append(String.format("\\x%02x", c));
            else sb.append((char) c);
        }
        sb.append(q);
    }
}
