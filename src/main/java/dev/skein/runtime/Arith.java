package dev.skein.runtime;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Skein's arithmetic, Python-faithful: ints that never overflow (a {@code long} fast path that
 * falls to {@link BigInteger} exactly where needed), true and floor division, Python's signs for
 * {@code %}, powers and shifts with bounded results, bit operations, and sequence repetition.
 */
public final class Arith {
    private Arith() {}

    static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);

    static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

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

    static double bigToDouble(BigInteger b) {
        double d = b.doubleValue();
        if (Double.isInfinite(d)) throw Errors.overflow("int too large to convert to float");
        return d;
    }

    public static Object add(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            long r = x + y;
            if (((x ^ r) & (y ^ r)) < 0) return BigInteger.valueOf(x).add(BigInteger.valueOf(y));
            return r;
        }
        if (a instanceof Double x && b instanceof Double y) return x + y;
        if (a instanceof String x && b instanceof String y) {
            if ((long) x.length() + y.length() > Allocation.MAX_LENGTH) throw Allocation.tooBig("a str", (long) x.length() + y.length());
            return x.concat(y);
        }
        if (isNumber(a) && isNumber(b)) {
            if (a instanceof Double || b instanceof Double) return Convert.toDouble(a, "") + Convert.toDouble(b, "");
            return norm(big(a).add(big(b)));
        }
        if (a instanceof SkeinList x && b instanceof SkeinList y) {
            Object[] xs = x.snapshot(), ys = y.snapshot();
            Object[] out = Allocation.objects((long) xs.length + ys.length, "a list");
            System.arraycopy(xs, 0, out, 0, xs.length);
            System.arraycopy(ys, 0, out, xs.length, ys.length);
            return SkeinList.wrap(out);
        }
        if (a instanceof Bytes x && b instanceof Bytes y) {
            byte[] out = Allocation.bytes((long) x.length() + y.length(), "a bytes");
            System.arraycopy(x.unsafeArray(), 0, out, 0, x.length());
            System.arraycopy(y.unsafeArray(), 0, out, x.length(), y.length());
            return Bytes.wrap(out);
        }
        if (a instanceof String && !(b instanceof String)) {
            throw Errors.type("can only concatenate str (not \"" + Values.typeName(b) + "\") to str");
        }
        if (a instanceof SkeinList && !(b instanceof SkeinList)) {
            throw Errors.type("can only concatenate list (not \"" + Values.typeName(b) + "\") to list");
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
            if (a instanceof Double || b instanceof Double) return Convert.toDouble(a, "") - Convert.toDouble(b, "");
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
        return mul(a, b, null);
    }

    /** a * b; a huge int product polls {@code ts} (when not null) so a time limit can stop it. */
    public static Object mul(Object a, Object b, ThreadState ts) {
        if (a instanceof Long x && b instanceof Long y) {
            long hi = Math.multiplyHigh(x, y), lo = x * y;
            if ((hi == 0 && lo >= 0) || (hi == -1 && lo < 0)) return lo;
            return BigInteger.valueOf(x).multiply(BigInteger.valueOf(y));
        }
        if (a instanceof Double x && b instanceof Double y) return x * y;
        if (isNumber(a) && isNumber(b)) {
            if (a instanceof Double || b instanceof Double) return Convert.toDouble(a, "") * Convert.toDouble(b, "");
            BigInteger x = big(a), y = big(b);
            if ((long) x.bitLength() + y.bitLength() > Integer.MAX_VALUE - 1) throw Errors.memory("integer multiplication result too large");
            try {
                return norm(BigMath.multiply(x, y, ts));
            } catch (OutOfMemoryError e) {
                throw Allocation.outOfMemory("an int");
            }
        }
        if (isSequence(a)) return repeat(a, b);
        if (isSequence(b)) return repeat(b, a);
        throw binaryTypeError("*", a, b);
    }

    static boolean isSequence(Object o) {
        return o instanceof String || o instanceof SkeinList || o instanceof Bytes;
    }

    static Object repeat(Object seq, Object times) {
        if (!isInt(times)) throw Errors.type("can't multiply sequence by non-int of type '" + Values.typeName(times) + "'");
        if (times instanceof BigInteger t) {
            if (t.signum() < 0) return repeat(seq, 0L);
            throw Errors.overflow("cannot fit 'int' into an index-sized integer");
        }
        long n = Math.max(0, Convert.toLong(times, "repeat count"));
        if (seq instanceof String s) {
            Allocation.length(Allocation.times(s.length(), n), 1, "a str");
            try {
                return s.repeat((int) n);
            } catch (OutOfMemoryError e) {
                throw Allocation.outOfMemory("a str");
            }
        }
        if (seq instanceof SkeinList l) {
            Object[] xs = l.snapshot();
            Object[] out = Allocation.objects(Allocation.times(xs.length, n), "a list");
            for (int i = 0; i < n && xs.length > 0; i++) System.arraycopy(xs, 0, out, i * xs.length, xs.length);
            return SkeinList.wrap(out);
        }
        Bytes bs = (Bytes) seq;
        byte[] out = Allocation.bytes(Allocation.times(bs.length(), n), "a bytes");
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
            double y = Convert.toDouble(b, "");
            if (y == 0.0) throw Errors.zeroDivision("float division by zero");
            return Convert.toDouble(a, "") / y;
        }
        BigInteger y = big(b);
        if (y.signum() == 0) throw Errors.zeroDivision("division by zero");
        return intTrueDivide(big(a), y);
    }

    /** 2^53: ints up to this size convert to double exactly. */
    static final long EXACT_LIMIT = 1L << 53;

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
            double x = Convert.toDouble(a, ""), y = Convert.toDouble(b, "");
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
            double x = Convert.toDouble(a, ""), y = Convert.toDouble(b, "");
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
        return pow(a, b, null);
    }

    /** a ** b; a huge int power polls {@code ts} (when not null) so a time limit can stop it. */
    public static Object pow(Object a, Object b, ThreadState ts) {
        if (a instanceof Double x && b instanceof Double y) return floatPow(x, y);
        if (!isNumber(a) || !isNumber(b)) throw binaryTypeError("**", a, b);
        if (b instanceof Boolean e) b = e ? 1L : 0L;
        if (isInt(a) && isInt(b)) {
            if (b instanceof Long e && e >= 0) {
                if (a instanceof Long x) {
                    Object r = smallPow(x, e);
                    if (r != null) return r;
                }
                return bigPow(big(a), e, ts);
            }
            if (b instanceof BigInteger e && e.signum() > 0) {
                BigInteger base = big(a);
                if (base.signum() == 0 || base.equals(BigInteger.ONE)) return norm(base);
                if (base.equals(BigInteger.ONE.negate())) return e.testBit(0) ? -1L : 1L;
                throw Errors.overflow("integer power result too large");
            }
            // a negative exponent: the result is a float, computed as Python does, in floats
            return floatPow(Convert.toDouble(a, ""), Convert.toDouble(b, ""));
        }
        return floatPow(Convert.toDouble(a, ""), Convert.toDouble(b, ""));
    }

    /** x ** e for longs by repeated squaring, or null when the result leaves the long range. */
    static Object smallPow(long x, long e) {
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

    static Object bigPow(BigInteger base, long e, ThreadState ts) {
        if (base.signum() == 0) return e == 0 ? 1L : 0L;
        BigInteger abs = base.abs();
        if (abs.equals(BigInteger.ONE)) return base.signum() < 0 && (e & 1) != 0 ? -1L : 1L;
        // estimated result size: e * log2|base|
        int lead = Math.max(0, abs.bitLength() - 53);
        double log2 = lead + Math.log(abs.shiftRight(lead).doubleValue()) / Math.log(2);
        if (e * log2 > MAX_POW_BITS) {
            throw Errors.overflow("integer power result too large (about " + (long) (e * log2 * 0.30103) + " digits)");
        }
        return norm(BigMath.pow(base, (int) e, ts, e * log2));
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

    static boolean isOddInteger(double d) {
        return Math.abs(d) < 0x1p53 && d == Math.rint(d) && ((long) d & 1) != 0;
    }

    public static Object neg(Object a) {
        if (a instanceof Long x) return x == Long.MIN_VALUE ? BigInteger.valueOf(x).negate() : (Object) (-x);
        if (a instanceof Double d) return -d;
        if (a instanceof BigInteger b) return norm(b.negate());
        if (a instanceof Boolean b) return b ? -1L : 0L;
        throw Errors.type("bad operand type for unary -: '" + Values.typeName(a) + "'");
    }

    public static Object pos(Object a) {
        if (a instanceof Boolean b) return b ? 1L : 0L;
        if (isNumber(a)) return a;
        throw Errors.type("bad operand type for unary +: '" + Values.typeName(a) + "'");
    }

    public static Object invert(Object a) {
        if (a instanceof Long x) return ~x;
        if (a instanceof BigInteger b) return norm(b.not());
        if (a instanceof Boolean b) return b ? -2L : -1L;
        throw Errors.type("bad operand type for unary ~: '" + Values.typeName(a) + "'");
    }

    /** {@code abs(x)} for numbers. */
    public static Object abs(Object a) {
        if (a instanceof Long x) return x >= 0 ? x : x == Long.MIN_VALUE ? BigInteger.valueOf(x).negate() : (Object) (-x);
        if (a instanceof Double d) return Math.abs(d);
        if (a instanceof BigInteger b) return b.abs();
        if (a instanceof Boolean b) return b ? 1L : 0L;
        throw Errors.type("bad operand type for abs(): '" + Values.typeName(a) + "'");
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
        long n = Convert.toLong(b, "shift count");
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
        long n = Convert.toLong(b, "shift count");
        if (n < 0) throw Errors.value("negative shift count");
        if (a instanceof Long x) return x >> Math.min(n, 63);
        if (a instanceof Boolean x) return n == 0 && x ? 1L : 0L;
        return norm(big(a).shiftRight((int) Math.min(n, Integer.MAX_VALUE)));
    }

    static SkeinError binaryTypeError(String op, Object a, Object b) {
        return Errors.type("unsupported operand type(s) for " + op + ": '" + Values.typeName(a) + "' and '" + Values.typeName(b) + "'");
    }
}
