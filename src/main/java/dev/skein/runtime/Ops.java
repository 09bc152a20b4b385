package dev.skein.runtime;

import java.math.BigDecimal;
import java.math.BigInteger;
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

    /** Deep equality, {@code ==}. Numbers compare by value across int, float and bool. */
    public static boolean eq(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) return x.longValue() == y.longValue();
        if (a == b) return !(a instanceof Double d && d.isNaN());
        if (a == null || b == null) return false;
        if (a instanceof String x && b instanceof String y) return x.equals(y);
        if (a instanceof Double x && b instanceof Double y) return x.doubleValue() == y.doubleValue();
        if (isNumber(a) && isNumber(b)) return compareNumbers(a, b) == 0;
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

    /**
     * Exact three-way comparison of two numbers of any numeric type: -1, 0 or 1, or 2 when a
     * NaN makes them unordered. Never rounds: {@code 2**53 + 1 > 2.0**53} holds.
     */
    static int compareNumbers(Object a, Object b) {
        if (a instanceof Boolean x) a = x ? 1L : 0L;
        if (b instanceof Boolean y) b = y ? 1L : 0L;
        if (a instanceof Long x && b instanceof Long y) return Long.compare(x, y);
        if (a instanceof Double x && b instanceof Double y) {
            double p = x, q = y;
            return p < q ? -1 : p > q ? 1 : p == q ? 0 : 2;
        }
        if (a instanceof Double x) {
            int c = compareIntFloat(b, x);
            return c == 2 ? 2 : -c;
        }
        if (b instanceof Double y) return compareIntFloat(a, y);
        return big(a).compareTo(big(b));
    }

    /** An int (Long or BigInteger) against a double, exactly. */
    private static int compareIntFloat(Object i, double d) {
        if (d != d) return 2;
        if (i instanceof Long l) {
            if (d >= 0x1p63) return -1;
            if (d < -0x1p63) return 1;
            long t = (long) d;                    // exact truncation: |d| < 2^63
            if (l != t) return l < t ? -1 : 1;
            double frac = d - t;                  // exact: the fractional part of a double
            return frac > 0 ? -1 : frac < 0 ? 1 : 0;
        }
        BigInteger b = (BigInteger) i;           // canonical: |b| >= 2^63
        if (Double.isInfinite(d)) return d > 0 ? -1 : 1;
        if (Math.abs(d) < 0x1p63) return b.signum();
        return b.compareTo(new BigDecimal(d).toBigInteger());   // such doubles are integral
    }

    /** Ordering for sorting: {@code <} decides, as in Python's sort. */
    public static int compare(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) return Long.compare(x, y);
        if (a instanceof String x && b instanceof String y) return compareStrings(x, y);
        if (isNumber(a) && isNumber(b)) {
            int c = compareNumbers(a, b);
            return c == 2 ? 0 : c;
        }
        if (richCompare(a, b, LT)) return -1;
        if (richCompare(b, a, LT)) return 1;
        return 0;
    }

    /** Strings order by code point, as in Python (String.compareTo orders UTF-16 units). */
    static int compareStrings(String x, String y) {
        int n = Math.min(x.length(), y.length());
        for (int i = 0; i < n; i++) {
            char c = x.charAt(i), d = y.charAt(i);
            if (c != d) {
                if (c >= 0xD800 && d >= 0xD800) {
                    // surrogates (D800-DFFF) encode code points above every BMP char (E000-FFFF)
                    c = fixUp(c);
                    d = fixUp(d);
                }
                return c < d ? -1 : 1;
            }
        }
        return Integer.compare(x.length(), y.length());
    }

    private static char fixUp(char c) {
        return (char) (c >= 0xE000 ? c - 0x800 : c + 0x2000);
    }

    static final int LT = 0, LE = 1, GT = 2, GE = 3;
    private static final String[] OP_NAMES = {"<", "<=", ">", ">="};

    private static boolean outcome(int c, int op) {
        return switch (op) {
            case LT -> c < 0;
            case LE -> c <= 0;
            case GT -> c > 0;
            default -> c >= 0;
        };
    }

    /**
     * {@code a op b} for the orderings, as Python does it: numbers by value (NaN: always
     * false), strings and bytes lexicographically, lists and same-type records by their first
     * differing element, sets by inclusion.
     */
    static boolean richCompare(Object a, Object b, int op) {
        if (isNumber(a) && isNumber(b)) {
            int c = compareNumbers(a, b);
            return c != 2 && outcome(c, op);
        }
        if (a instanceof String x && b instanceof String y) return outcome(compareStrings(x, y), op);
        if (a instanceof SkeinList x && b instanceof SkeinList y) return sequenceCompare(x.snapshot(), y.snapshot(), op);
        if (a instanceof Bytes x && b instanceof Bytes y) return outcome(x.compareTo(y), op);
        if (a instanceof RecordValue x && b instanceof RecordValue y && x.type() == y.type()) {
            Object[] xs = new Object[x.size()], ys = new Object[y.size()];
            for (int i = 0; i < xs.length; i++) xs[i] = x.get(i);
            for (int i = 0; i < ys.length; i++) ys[i] = y.get(i);
            return sequenceCompare(xs, ys, op);
        }
        if (a instanceof SkeinSet x && b instanceof SkeinSet y) {
            return switch (op) {
                case LT -> x.size() < y.size() && subset(x, y);
                case LE -> subset(x, y);
                case GT -> y.size() < x.size() && subset(y, x);
                default -> subset(y, x);
            };
        }
        throw Errors.type("'" + OP_NAMES[op] + "' not supported between instances of '" + typeName(a) + "' and '" + typeName(b) + "'");
    }

    private static boolean sequenceCompare(Object[] xs, Object[] ys, int op) {
        int n = Math.min(xs.length, ys.length);
        for (int i = 0; i < n; i++) {
            if (!eq(xs[i], ys[i])) return richCompare(xs[i], ys[i], op);
        }
        return outcome(Integer.compare(xs.length, ys.length), op);
    }

    private static boolean subset(SkeinSet x, SkeinSet y) {
        for (Object v : x.snapshot()) if (!y.contains(v)) return false;
        return true;
    }

    public static boolean lt(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) return x < y;
        if (a instanceof Double x && b instanceof Double y) return x < y;
        return richCompare(a, b, LT);
    }

    public static boolean le(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) return x <= y;
        if (a instanceof Double x && b instanceof Double y) return x <= y;
        return richCompare(a, b, LE);
    }

    public static boolean gt(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) return x > y;
        if (a instanceof Double x && b instanceof Double y) return x > y;
        return richCompare(a, b, GT);
    }

    public static boolean ge(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) return x >= y;
        if (a instanceof Double x && b instanceof Double y) return x >= y;
        return richCompare(a, b, GE);
    }

    /**
     * A hash consistent with {@link #eq} for numbers: equal ints, floats and bools hash alike
     * ({@code hash(1) == hash(1.0) == hash(true)}).
     */
    public static int hash(Object o) {
        if (o == null) return 0;
        if (o instanceof Long l) return Long.hashCode(l);
        if (o instanceof Double d) {
            double v = d;
            if (v == Math.rint(v) && !Double.isInfinite(v)) {
                if (Math.abs(v) < 0x1p63) return Long.hashCode((long) v);
                return new BigDecimal(v).toBigInteger().hashCode();
            }
            return Double.hashCode(v);
        }
        if (o instanceof Boolean b) return b ? 1 : 0;
        return o.hashCode();
    }

    /**
     * The canonical dict/set key for a value: bools and integral floats become the equal int
     * (Long or BigInteger), so that {@code d[1]}, {@code d[1.0]} and {@code d[true]} find the
     * same entry. Everything else is returned unchanged; Long and String keys cost one check each.
     */
    public static Object canonicalKey(Object k) {
        if (k instanceof Long || k instanceof String) return k;
        if (k instanceof Boolean b) return b ? 1L : 0L;
        if (k instanceof Double d) {
            double v = d;
            if (v == Math.rint(v) && !Double.isInfinite(v)) {
                if (Math.abs(v) < 0x1p63) return (long) v;
                return norm(new BigDecimal(v).toBigInteger());
            }
        }
        return k;
    }

    // ---------------------------------------------------------------- arithmetic

    public static Object add(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            long r = x + y;
            if (((x ^ r) & (y ^ r)) < 0) return BigInteger.valueOf(x).add(BigInteger.valueOf(y));
            return r;
        }
        if (a instanceof Double x && b instanceof Double y) return x + y;
        if (a instanceof String x && b instanceof String y) return x.concat(y);
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
        if (a instanceof String && !(b instanceof String)) {
            throw Errors.type("can only concatenate str (not \"" + typeName(b) + "\") to str");
        }
        if (a instanceof SkeinList && !(b instanceof SkeinList)) {
            throw Errors.type("can only concatenate list (not \"" + typeName(b) + "\") to list");
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
        if (isSequence(a)) return repeat(a, b);
        if (isSequence(b)) return repeat(b, a);
        throw binaryTypeError("*", a, b);
    }

    private static boolean isSequence(Object o) {
        return o instanceof String || o instanceof SkeinList || o instanceof Bytes;
    }

    private static Object repeat(Object seq, Object times) {
        if (!isInt(times)) throw Errors.type("can't multiply sequence by non-int of type '" + typeName(times) + "'");
        if (times instanceof BigInteger t) {
            if (t.signum() < 0) return repeat(seq, 0L);
            throw Errors.overflow("cannot fit 'int' into an index-sized integer");
        }
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
        Bytes bs = (Bytes) seq;
        if ((long) bs.length() * n > Integer.MAX_VALUE - 8) throw Errors.overflow("repeated bytes are too long");
        byte[] out = new byte[(int) (bs.length() * n)];
        for (int i = 0; i < n; i++) System.arraycopy(bs.unsafeArray(), 0, out, i * bs.length(), bs.length());
        return Bytes.wrap(out);
    }

    /** True division {@code /}: always a float for numbers, correctly rounded for ints of any size. */
    public static Object truediv(Object a, Object b) {
        if (a instanceof Double x && b instanceof Double y) {
            if (y == 0.0) throw Errors.zeroDivision("float division by zero");
            return x / y;
        }
        if (a instanceof Long x && b instanceof Long y) {
            if (y == 0) throw Errors.zeroDivision("division by zero");
            if (-EXACT_LIMIT <= x && x <= EXACT_LIMIT && -EXACT_LIMIT <= y && y <= EXACT_LIMIT) {
                return (double) x / (double) y;   // both exact as doubles: one correct rounding
            }
            return intTrueDivide(BigInteger.valueOf(x), BigInteger.valueOf(y));
        }
        if (!isNumber(a) || !isNumber(b)) throw binaryTypeError("/", a, b);
        if (a instanceof Double || b instanceof Double) {
            double y = toDouble(b, "");
            if (y == 0.0) throw Errors.zeroDivision("float division by zero");
            return toDouble(a, "") / y;
        }
        BigInteger y = big(b);
        if (y.signum() == 0) throw Errors.zeroDivision("division by zero");
        return intTrueDivide(big(a), y);
    }

    /** 2^53: ints up to this size convert to double exactly. */
    private static final long EXACT_LIMIT = 1L << 53;

    /**
     * a / b for ints, correctly rounded (round-half-even), a port of CPython's long_true_divide:
     * scale a so that the quotient has 55 significant bits, divide, fold the remainder into a
     * sticky bit, round to 53 bits (fewer for subnormal results) and scale back.
     */
    static double intTrueDivide(BigInteger a, BigInteger b) {
        boolean negate = (a.signum() < 0) != (b.signum() < 0);
        a = a.abs();
        b = b.abs();
        if (a.signum() == 0) return negate ? -0.0 : 0.0;
        int aBits = a.bitLength(), bBits = b.bitLength();
        if (aBits <= 53 && bBits <= 53) {
            double r = a.doubleValue() / b.doubleValue();
            return negate ? -r : r;
        }
        final int mantDig = 53, minExp = -1021, maxExp = 1024;
        long diff = (long) aBits - bBits;
        if (diff > maxExp) throw Errors.overflow("integer division result too large for a float");
        if (diff < minExp - mantDig - 1) return negate ? -0.0 : 0.0;
        int shift = (int) Math.max(diff, minExp) - mantDig - 2;
        boolean inexact = false;
        BigInteger x;
        if (shift <= 0) {
            x = a.shiftLeft(-shift);
        } else {
            x = a.shiftRight(shift);
            inexact = a.getLowestSetBit() < shift;
        }
        BigInteger[] qr = x.divideAndRemainder(b);
        x = qr[0];
        if (qr[1].signum() != 0) inexact = true;
        int xBits = x.bitLength();
        int extraBits = Math.max(xBits, minExp - shift) - mantDig;
        long q = x.longValue();   // at most 55 bits
        long mask = 1L << (extraBits - 1);
        long low = q | (inexact ? 1 : 0);
        if ((low & mask) != 0 && (low & (3 * mask - 1)) != 0) low += mask;
        q = low & ~(2 * mask - 1);
        double dx = (double) q;   // exact: at most 53 significant bits remain
        if ((long) shift + xBits >= maxExp
                && ((long) shift + xBits > maxExp || dx == Math.scalb(1.0, xBits))) {
            throw Errors.overflow("integer division result too large for a float");
        }
        double r = Math.scalb(dx, shift);
        return negate ? -r : r;
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
            return floatFloorDiv(x, y);
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
            if (y == 0) throw Errors.zeroDivision("integer modulo by zero");
            return Math.floorMod(x, y);
        }
        if (a instanceof String s) return PercentFormat.format(s, b);
        if (!isNumber(a) || !isNumber(b)) throw binaryTypeError("%", a, b);
        if (a instanceof Double || b instanceof Double) {
            double x = toDouble(a, ""), y = toDouble(b, "");
            if (y == 0.0) throw Errors.zeroDivision("float modulo");
            return floatMod(x, y);
        }
        BigInteger y = big(b);
        if (y.signum() == 0) throw Errors.zeroDivision("integer modulo by zero");
        BigInteger r = big(a).mod(y.abs());
        if (y.signum() < 0 && r.signum() != 0) r = r.add(y);
        return norm(r);
    }

    /** CPython's float_rem: fmod, moved to the divisor's sign. */
    static double floatMod(double vx, double wx) {
        double mod = vx % wx;
        if (mod != 0) {
            if ((wx < 0) != (mod < 0)) mod += wx;
        } else {
            mod = Math.copySign(0.0, wx);
        }
        return mod;
    }

    /** CPython's float_divmod quotient: the floor of vx / wx, snapped to an integral value. */
    static double floatFloorDiv(double vx, double wx) {
        double mod = vx % wx;
        double div = (vx - mod) / wx;
        if (mod != 0 && (wx < 0) != (mod < 0)) div -= 1.0;
        if (div != 0) {
            double floordiv = Math.floor(div);
            if (div - floordiv > 0.5) floordiv += 1.0;
            return floordiv;
        }
        return Math.copySign(0.0, vx / wx);
    }

    /** Ints whose ** result would exceed this many bits raise OverflowError instead of computing for minutes. */
    static final long MAX_POW_BITS = 1L << 25;
    /** Ints from {@code <<} may have at most this many bits. */
    static final long MAX_SHIFT_BITS = 1L << 28;

    public static Object pow(Object a, Object b) {
        if (a instanceof Double x && b instanceof Double y) return floatPow(x, y);
        if (!isNumber(a) || !isNumber(b)) throw binaryTypeError("**", a, b);
        if (b instanceof Boolean e) b = e ? 1L : 0L;
        if (isInt(a) && isInt(b)) {
            if (b instanceof Long e && e >= 0) {
                if (a instanceof Long x) {
                    Object r = smallPow(x, e);
                    if (r != null) return r;
                }
                return bigPow(big(a), e);
            }
            if (b instanceof BigInteger e && e.signum() > 0) {
                BigInteger base = big(a);
                if (base.signum() == 0 || base.equals(BigInteger.ONE)) return norm(base);
                if (base.equals(BigInteger.ONE.negate())) return e.testBit(0) ? -1L : 1L;
                throw Errors.overflow("integer power result too large");
            }
            // a negative exponent: the result is a float, computed as Python does, in floats
            return floatPow(toDouble(a, ""), toDouble(b, ""));
        }
        return floatPow(toDouble(a, ""), toDouble(b, ""));
    }

    /** x ** e for longs by repeated squaring, or null when the result leaves the long range. */
    private static Object smallPow(long x, long e) {
        long result = 1, base = x;
        while (true) {
            if ((e & 1) != 0) {
                long hi = Math.multiplyHigh(result, base), lo = result * base;
                if (!((hi == 0 && lo >= 0) || (hi == -1 && lo < 0))) return null;
                result = lo;
            }
            e >>= 1;
            if (e == 0) return result;
            long hi = Math.multiplyHigh(base, base), lo = base * base;
            if (!((hi == 0 && lo >= 0) || (hi == -1 && lo < 0))) return null;
            base = lo;
        }
    }

    private static Object bigPow(BigInteger base, long e) {
        if (base.signum() == 0) return e == 0 ? 1L : 0L;
        BigInteger abs = base.abs();
        if (abs.equals(BigInteger.ONE)) return base.signum() < 0 && (e & 1) != 0 ? -1L : 1L;
        // estimated result size: e * log2|base|
        int lead = Math.max(0, abs.bitLength() - 53);
        double log2 = lead + Math.log(abs.shiftRight(lead).doubleValue()) / Math.log(2);
        if (e * log2 > MAX_POW_BITS) {
            throw Errors.overflow("integer power result too large (about " + (long) (e * log2 * 0.30103) + " digits)");
        }
        return norm(base.pow((int) e));
    }

    /** CPython's float_pow: its special cases, then the platform pow. */
    static double floatPow(double iv, double iw) {
        if (iw == 0) return 1.0;
        if (Double.isNaN(iv)) return iv;
        if (Double.isNaN(iw)) return iv == 1.0 ? 1.0 : iw;
        if (Double.isInfinite(iw)) {
            double av = Math.abs(iv);
            if (av == 1.0) return 1.0;
            return (iw > 0) == (av > 1.0) ? Double.POSITIVE_INFINITY : 0.0;
        }
        if (Double.isInfinite(iv)) {
            boolean odd = isOddInteger(iw);
            if (iw > 0) return odd ? iv : Math.abs(iv);
            return odd ? Math.copySign(0.0, iv) : 0.0;
        }
        if (iv == 0.0) {
            if (iw < 0) throw Errors.zeroDivision("0.0 cannot be raised to a negative power");
            return isOddInteger(iw) ? iv : 0.0;
        }
        boolean negate = false;
        if (iv < 0) {
            if (iw != Math.floor(iw)) {
                // Python answers with a complex number here; Skein has none.
                throw Errors.value("a negative number raised to a fractional power has no real value");
            }
            iv = -iv;
            negate = isOddInteger(iw);
        }
        if (iv == 1.0) return negate ? -1.0 : 1.0;
        double r = Math.pow(iv, iw);
        if (Double.isInfinite(r)) throw Errors.overflow("(34, 'Numerical result out of range')");
        return negate ? -r : r;
    }

    private static boolean isOddInteger(double d) {
        return Math.abs(d) < 0x1p53 && d == Math.rint(d) && ((long) d & 1) != 0;
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
        if (a instanceof Long x) return ~x;
        if (a instanceof BigInteger b) return norm(b.not());
        if (a instanceof Boolean b) return b ? -2L : -1L;
        throw Errors.type("bad operand type for unary ~: '" + typeName(a) + "'");
    }

    /** {@code abs(x)} for numbers. */
    public static Object abs(Object a) {
        if (a instanceof Long x) return x >= 0 ? x : x == Long.MIN_VALUE ? BigInteger.valueOf(x).negate() : (Object) (-x);
        if (a instanceof Double d) return Math.abs(d);
        if (a instanceof BigInteger b) return b.abs();
        if (a instanceof Boolean b) return b ? 1L : 0L;
        throw Errors.type("bad operand type for abs(): '" + typeName(a) + "'");
    }

    /**
     * {@code int(x)} of a float: truncation toward zero, exact for any magnitude;
     * OverflowError for infinities, ValueError for NaN.
     */
    public static Object floatToInt(double d) {
        if (Double.isNaN(d)) throw Errors.value("cannot convert float NaN to integer");
        if (Double.isInfinite(d)) throw Errors.overflow("cannot convert float infinity to integer");
        if (Math.abs(d) < 0x1p63) return (long) d;
        return norm(new BigDecimal(d).toBigInteger());
    }

    public static Object bitand(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) return x & y;
        if (isInt(a) && isInt(b)) return a instanceof Boolean x && b instanceof Boolean y ? (Object) (x & y) : norm(big(a).and(big(b)));
        if (a instanceof SkeinSet x && b instanceof SkeinSet y) {
            SkeinSet out = new SkeinSet();
            for (Object v : x.snapshot()) if (y.contains(v)) out.add(v);
            return out;
        }
        throw binaryTypeError("&", a, b);
    }

    public static Object bitor(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) return x | y;
        if (isInt(a) && isInt(b)) return a instanceof Boolean x && b instanceof Boolean y ? (Object) (x | y) : norm(big(a).or(big(b)));
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
        if (isInt(a) && isInt(b)) return a instanceof Boolean x && b instanceof Boolean y ? (Object) (x ^ y) : norm(big(a).xor(big(b)));
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
        if (b instanceof BigInteger n) {
            if (n.signum() < 0) throw Errors.value("negative shift count");
            if (big(a).signum() == 0) return 0L;
            throw Errors.overflow("integer shift result too large");
        }
        long n = toLong(b, "shift count");
        if (n < 0) throw Errors.value("negative shift count");
        if (a instanceof Long x) {
            if (x == 0) return 0L;
            if (n < 63) {
                long r = x << n;
                if (r >> n == x) return r;
            }
        }
        BigInteger x = big(a);
        if (x.signum() == 0) return 0L;
        if (x.bitLength() + n > MAX_SHIFT_BITS) throw Errors.overflow("integer shift result too large");
        return norm(x.shiftLeft((int) n));
    }

    public static Object shr(Object a, Object b) {
        if (!isInt(a) || !isInt(b)) throw binaryTypeError(">>", a, b);
        if (b instanceof BigInteger n) {
            if (n.signum() < 0) throw Errors.value("negative shift count");
            return big(a).signum() < 0 ? -1L : 0L;
        }
        long n = toLong(b, "shift count");
        if (n < 0) throw Errors.value("negative shift count");
        if (a instanceof Long x) return x >> Math.min(n, 63);
        if (a instanceof Boolean x) return n == 0 && x ? 1L : 0L;
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
            if (item instanceof Boolean b) return r.contains(b ? 1L : 0L);
            if (item instanceof Double d && d == Math.rint(d) && Math.abs(d) < 0x1p63) return r.contains(d.longValue());
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
        if (recv instanceof RecordValue r && name.equals("with")) {
            int npos = args.length - (kwNames == null ? 0 : kwNames.length);
            if (npos > 0) throw Errors.type("with() takes only keyword arguments, like p.with(x=1)");
            Object[] values = java.util.Arrays.copyOfRange(args, npos, args.length);
            return r.with(kwNames == null ? new String[0] : kwNames, values);
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

    /**
     * Python's string repr: single quotes unless the text has a single quote and no double one;
     * backslash escapes for quotes, backslashes and characters that are not printable
     * (controls, format characters, separators other than the space, surrogates, private use,
     * unassigned); every printable character, ASCII or not, is kept as is.
     */
    public static void quote(String s, StringBuilder sb) {
        char q = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        sb.append(q);
        int n = s.length();
        for (int i = 0; i < n; ) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0x7f) {
                if (c == q || c == '\\') sb.append('\\');
                sb.append(c);
                i++;
                continue;
            }
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            switch (cp) {
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (cp < 0x7f || !isPrintable(cp)) appendEscape(sb, cp);
                    else sb.appendCodePoint(cp);
                }
            }
        }
        sb.append(q);
    }

    /** Python's str.isprintable for one non-ASCII code point. */
    static boolean isPrintable(int cp) {
        return switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
                 Character.UNASSIGNED, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                 Character.SPACE_SEPARATOR -> false;
            default -> true;
        };
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /** Appends a backslash escape (x and 2, u and 4, or U and 8 hex digits), as Python's repr escapes a code point. */
    static void appendEscape(StringBuilder sb, int cp) {
        int digits;
        if (cp <= 0xff) { sb.append("\\x"); digits = 2; }
        else if (cp <= 0xffff) { sb.append("\\u"); digits = 4; }
        else { sb.append("\\U"); digits = 8; }
        for (int k = digits - 1; k >= 0; k--) sb.append(HEX[(cp >>> (4 * k)) & 0xf]);
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
            else if (c < 0x20 || c >= 0x7f) appendEscape(sb, c);
            else sb.append((char) c);
        }
        sb.append(q);
    }
}
