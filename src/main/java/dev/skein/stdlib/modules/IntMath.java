package dev.skein.stdlib.modules;

import dev.skein.runtime.Arith;
import dev.skein.runtime.BigMath;
import dev.skein.runtime.Errors;
import dev.skein.runtime.ThreadState;
import dev.skein.runtime.Values;

import java.math.BigInteger;

/**
 * Exact integer functions of the math module: factorial, comb, perm, gcd, isqrt. Products of
 * long runs of numbers use binary splitting, so the big multiplications happen between operands
 * of similar size, where BigInteger's Karatsuba and Toom-Cook pay off.
 */
final class IntMath {
    private IntMath() {}

    /** Below this many factors a range product is multiplied out directly. */
    private static final int LEAF = 16;

    /** An int argument (bools count as ints) as a BigInteger; TypeError for anything else. */
    static BigInteger integer(Object o) {
        if (Arith.isInt(o)) return Arith.big(o);
        throw Errors.type("'" + Values.typeName(o) + "' object cannot be interpreted as an integer");
    }

    /**
     * n! = (odd parts of 3..n multiplied by binary splitting) * 2**(n - popcount(n)): the
     * power of two is a shift, and the splitting keeps the multiplications balanced.
     */
    static Object factorial(ThreadState ts, Object arg) {
        BigInteger n = integer(arg);
        if (n.signum() < 0) throw Errors.value("factorial() not defined for negative values");
        if (n.bitLength() >= 64) throw Errors.overflow("factorial() argument should not exceed " + Long.MAX_VALUE);
        long m = n.longValue();
        if (m <= 20) return smallFactorial((int) m);
        return Arith.norm(oddPartProduct(ts, 3, m).shiftLeft((int) (m - Long.bitCount(m))));
    }

    private static long smallFactorial(int n) {
        long f = 1;
        for (int i = 2; i <= n; i++) f *= i;
        return f;
    }

    /** The product of the odd parts (v with its factors of two removed) of lo..hi, binary split. */
    private static BigInteger oddPartProduct(ThreadState ts, long lo, long hi) {
        if (hi - lo < LEAF * 2) {
            ts.poll();
            BigInteger result = BigInteger.ONE;
            long acc = 1;
            for (long v = lo; v <= hi; v++) {
                long odd = v >>> Long.numberOfTrailingZeros(v);
                if (acc > Long.MAX_VALUE / odd) {
                    result = result.multiply(BigInteger.valueOf(acc));
                    acc = 1;
                }
                acc *= odd;
            }
            return result.multiply(BigInteger.valueOf(acc));
        }
        long mid = lo + (hi - lo) / 2;
        return BigMath.multiply(oddPartProduct(ts, lo, mid), oddPartProduct(ts, mid + 1, hi), ts);
    }

    /** lo * (lo+1) * … * hi for 1 <= lo, by binary splitting; 1 when lo > hi. */
    static BigInteger product(ThreadState ts, long lo, long hi) {
        if (lo > hi) return BigInteger.ONE;
        if (hi - lo < LEAF) {
            ts.poll();
            BigInteger result = BigInteger.ONE;
            long acc = 1;
            for (long v = lo; v <= hi; v++) {
                if (acc > Long.MAX_VALUE / v) {
                    result = result.multiply(BigInteger.valueOf(acc));
                    acc = 1;
                }
                acc *= v;
            }
            return result.multiply(BigInteger.valueOf(acc));
        }
        long mid = lo + (hi - lo) / 2;
        return BigMath.multiply(product(ts, lo, mid), product(ts, mid + 1, hi), ts);
    }

    /** lo * (lo+1) * … * (lo+count-1) for any positive lo (possibly huge). */
    static BigInteger product(ThreadState ts, BigInteger lo, long count) {
        if (count <= 0) return BigInteger.ONE;
        if (lo.bitLength() < 62 && lo.longValue() <= Long.MAX_VALUE / 2 - count) {
            return product(ts, lo.longValue(), lo.longValue() + count - 1);
        }
        if (count <= 4) {
            ts.poll();
            BigInteger r = lo;
            for (long i = 1; i < count; i++) r = r.multiply(lo.add(BigInteger.valueOf(i)));
            return r;
        }
        long half = count / 2;
        return BigMath.multiply(product(ts, lo, half), product(ts, lo.add(BigInteger.valueOf(half)), count - half), ts);
    }

    private static long nonNegativeCount(BigInteger k, String name) {
        if (k.signum() < 0) throw Errors.value(name + " must be a non-negative integer");
        if (k.bitLength() >= 63) throw Errors.overflow(name + " must not exceed " + Long.MAX_VALUE);
        return k.longValue();
    }

    /** comb(n, k): the number of ways to choose k of n items without order. */
    static Object comb(ThreadState ts, Object nArg, Object kArg) {
        BigInteger n = integer(nArg);
        BigInteger kb = integer(kArg);
        if (n.signum() < 0) throw Errors.value("n must be a non-negative integer");
        if (kb.signum() < 0) throw Errors.value("k must be a non-negative integer");
        if (kb.compareTo(n) > 0) return 0L;
        BigInteger other = n.subtract(kb);
        if (other.compareTo(kb) < 0) kb = other;   // C(n, k) == C(n, n-k): use the smaller one
        long k = nonNegativeCount(kb, "min(n - k, k)");
        if (k == 0) return 1L;
        BigInteger top = product(ts, n.subtract(BigInteger.valueOf(k - 1)), k);
        return Arith.norm(top.divide(product(ts, 1, k)));
    }

    /** perm(n, k=None): the number of ordered arrangements of k of n items. */
    static Object perm(ThreadState ts, Object nArg, Object kArg) {
        if (Args.absent(kArg)) kArg = nArg;
        BigInteger n = integer(nArg);
        BigInteger kb = integer(kArg);
        if (n.signum() < 0) throw Errors.value("n must be a non-negative integer");
        if (kb.signum() < 0) throw Errors.value("k must be a non-negative integer");
        if (kb.compareTo(n) > 0) return 0L;
        long k = nonNegativeCount(kb, "k");
        if (k == 0) return 1L;
        return Arith.norm(product(ts, n.subtract(BigInteger.valueOf(k - 1)), k));
    }

    static Object gcd(Object[] values) {
        BigInteger g = BigInteger.ZERO;
        for (Object v : values) g = g.gcd(integer(v));
        return Arith.norm(g);
    }

    static Object lcm(Object[] values) {
        BigInteger l = BigInteger.ONE;
        for (Object v : values) {
            BigInteger b = integer(v);
            if (b.signum() == 0) l = BigInteger.ZERO;
            else if (l.signum() != 0) l = l.divide(l.gcd(b)).multiply(b).abs();
        }
        return Arith.norm(l);
    }

    static Object isqrt(Object arg) {
        BigInteger n = integer(arg);
        if (n.signum() < 0) throw Errors.value("isqrt() argument must be nonnegative");
        return Arith.norm(n.sqrt());
    }
}
