package dev.skein.stdlib.modules;

import dev.skein.runtime.Arith;
import dev.skein.runtime.Containers;
import dev.skein.runtime.Convert;
import dev.skein.runtime.Errors;
import dev.skein.runtime.SkeinIterator;
import dev.skein.runtime.ThreadState;
import dev.skein.runtime.Values;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.function.DoubleUnaryOperator;

/**
 * Floating-point functions of the math module that need more than a libm call: CPython's error
 * rules (domain vs range errors), logarithms of ints too big for a double, exact summation.
 */
final class FloatMath {
    private FloatMath() {}

    private static final double LN2 = Math.log(2.0);

    /** A real-number argument as a double, with Python's message for other types. */
    static double real(Object o) {
        if (!Arith.isNumber(o)) throw Errors.type("must be real number, not " + Values.typeName(o));
        return Convert.toDouble(o, "x");
    }

    static RuntimeException domainError() { return Errors.value("math domain error"); }

    static RuntimeException rangeError() { return Errors.overflow("math range error"); }

    /**
     * Applies a one-argument libm function the way CPython's math_1 does: a NaN from a non-NaN
     * input is a domain error; an infinity from a finite input is a range error when the
     * function can overflow (exp, sinh…) and a domain error otherwise (log(0), atanh(1)).
     */
    static double apply(double x, DoubleUnaryOperator f, boolean canOverflow) {
        double r = f.applyAsDouble(x);
        if (Double.isNaN(r) && !Double.isNaN(x)) throw domainError();
        if (Double.isInfinite(r) && Double.isFinite(x)) throw canOverflow ? rangeError() : domainError();
        return r;
    }

    /** A float rounded to an integral value as a Skein int (exact, big when needed). */
    static Object toInt(double d) {
        if (Double.isNaN(d)) throw Errors.value("cannot convert float NaN to integer");
        if (Double.isInfinite(d)) throw Errors.overflow("cannot convert float infinity to integer");
        if (Math.abs(d) < 9.0e18) return (long) d;
        return Arith.norm(new BigDecimal(d).toBigInteger());
    }

    /** floor, ceil or trunc: ints pass through unchanged, floats are rounded by {@code f}. */
    static Object rounding(Object x, DoubleUnaryOperator f) {
        if (Arith.isInt(x)) return Arith.norm(Arith.big(x));
        if (x instanceof Double d) return toInt(f.applyAsDouble(d));
        throw Errors.type("must be real number, not " + Values.typeName(x));
    }

    /**
     * The logarithm of a number with {@code f} (log, log2 or log10). Like CPython, an int too
     * large for a double is split as m * 2**e first, so log(10**10000) works.
     */
    static double log(Object x, DoubleUnaryOperator f) {
        if (x instanceof BigInteger || x instanceof Long || x instanceof Boolean) {
            BigInteger b = Arith.big(x);
            if (b.signum() <= 0) throw domainError();
            double d = b.doubleValue();
            if (!Double.isInfinite(d)) return apply(d, f, false);
            // m in [0.5, 1], correctly rounded: keep 64 bits plus a sticky bit for the rest.
            int e = b.bitLength();
            int shift = e - 64;
            BigInteger top = b.shiftRight(shift);
            if (b.getLowestSetBit() < shift) top = top.setBit(0);
            double m = Math.scalb(top.doubleValue(), -64);
            if (m == 1.0) { m = 0.5; e++; }   // rounding carried: renormalize like frexp
            return f.applyAsDouble(m) + f.applyAsDouble(2.0) * e;
        }
        return apply(real(x), f, false);
    }

    /** log2 with exact results for powers of two. */
    static double log2(double x) {
        if (!(x > 0) || Double.isInfinite(x)) return Math.log(x) / LN2;   // NaN, inf and domain cases
        int e = Math.getExponent(x);
        if (e < Double.MIN_EXPONENT) {   // subnormal: scale into the normal range first
            return log2(x * 0x1p54) - 54;
        }
        double m = Math.scalb(x, -e);    // in [1, 2)
        return m == 1.0 ? e : e + Math.log(m) / LN2;
    }

    /** math.pow with CPython's special cases and errors. */
    static double pow(double x, double y) {
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            if (Double.isNaN(x)) return y == 0.0 ? 1.0 : x;
            if (Double.isNaN(y)) return x == 1.0 ? 1.0 : y;
            if (Double.isInfinite(x)) {
                boolean oddY = Double.isFinite(y) && Math.abs(y) % 2.0 == 1.0;
                if (y > 0) return oddY ? x : Math.abs(x);
                if (y == 0) return 1.0;
                return oddY ? Math.copySign(0.0, x) : 0.0;
            }
            if (Math.abs(x) == 1.0) return 1.0;
            if (y > 0 && Math.abs(x) > 1.0) return y;
            if (y < 0 && Math.abs(x) < 1.0) return -y;
            return 0.0;
        }
        double r = Math.pow(x, y);
        if (Double.isNaN(r)) throw domainError();
        if (Double.isInfinite(r)) throw x == 0.0 ? domainError() : rangeError();
        return r;
    }

    static double fmod(double x, double y) {
        if (Double.isInfinite(y) && Double.isFinite(x)) return x;
        double r = x % y;   // Java's % on doubles is C's fmod (truncating)
        if (Double.isNaN(r) && !Double.isNaN(x) && !Double.isNaN(y)) throw domainError();
        return r;
    }

    /** hypot(*coords): Math.hypot for two, an exact sum of squares rounded once for more. */
    static double hypot(Object[] coords) {
        if (coords.length == 2) return Math.hypot(real(coords[0]), real(coords[1]));
        boolean nan = false, inf = false;
        BigDecimal sum = BigDecimal.ZERO;
        for (Object c : coords) {
            double x = real(c);
            if (Double.isNaN(x)) nan = true;
            else if (Double.isInfinite(x)) inf = true;
            else if (x != 0) {
                BigDecimal b = new BigDecimal(x);
                sum = sum.add(b.multiply(b));
            }
        }
        if (inf) return Double.POSITIVE_INFINITY;
        if (nan) return Double.NaN;
        return sum.sqrt(new java.math.MathContext(40)).doubleValue();
    }

    static boolean isclose(double a, double b, double relTol, double absTol) {
        if (relTol < 0 || absTol < 0) throw Errors.value("tolerances must be non-negative");
        if (a == b) return true;
        if (Double.isInfinite(a) || Double.isInfinite(b)) return false;
        double diff = Math.abs(b - a);
        return diff <= Math.abs(relTol * b) || diff <= Math.abs(relTol * a) || diff <= absTol;
    }

    /** math.fsum: Shewchuk's exact partial sums, ported from CPython (same results, same errors). */
    static double fsum(ThreadState ts, Object iterable) {
        double[] p = new double[32];
        int n = 0;
        double specialSum = 0.0, infSum = 0.0;
        SkeinIterator it = Containers.iter(iterable);
        for (Object item = it.next(); item != SkeinIterator.DONE; item = it.next()) {
            ts.poll();
            double x = real(item);
            double xsave = x;
            int i = 0;
            for (int j = 0; j < n; j++) {
                double y = p[j];
                if (Math.abs(x) < Math.abs(y)) { double t = x; x = y; y = t; }
                double hi = x + y;
                double yr = hi - x;
                double lo = y - yr;
                if (lo != 0.0) p[i++] = lo;
                x = hi;
            }
            n = i;
            if (x != 0.0) {
                if (!Double.isFinite(x)) {
                    if (Double.isFinite(xsave)) throw Errors.overflow("intermediate overflow in fsum");
                    if (Double.isInfinite(xsave)) infSum += xsave;
                    specialSum += xsave;
                    n = 0;
                } else {
                    if (n == p.length) p = java.util.Arrays.copyOf(p, n * 2);
                    p[n++] = x;
                }
            }
        }
        if (specialSum != 0.0) {
            if (Double.isNaN(infSum)) throw Errors.value("-inf + inf in fsum");
            return specialSum;
        }
        double hi = 0.0;
        if (n > 0) {
            hi = p[--n];
            double lo = 0.0;
            while (n > 0) {
                double x = hi;
                double y = p[--n];
                hi = x + y;
                double yr = hi - x;
                lo = y - yr;
                if (lo != 0.0) break;
            }
            // Half-even rounding across partials, so fsum([1e-16, 1, 1e16]) rounds up correctly.
            if (n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0))) {
                double y = lo * 2.0;
                double x = hi + y;
                double yr = x - hi;
                if (y == yr) hi = x;
            }
        }
        return hi;
    }
}
