package dev.skein.runtime;

import java.math.BigInteger;

/**
 * Products and powers of huge ints that a time limit or cancellation can stop. One
 * {@link BigInteger#multiply} of two 10-million-bit numbers runs for seconds and cannot be
 * interrupted, so above {@link #SPLIT_BITS} a product is split (Karatsuba over BigInteger halves,
 * or the larger operand cut in two when the sizes differ) into pieces no larger than that, with a
 * poll of the thread's stop flag before each piece. Below it both take BigInteger's own path,
 * exactly as fast as before. Results are exact either way.
 */
public final class BigMath {
    private BigMath() {}

    /** Operands up to this many bits are multiplied in one piece (about 30 ms here at the bound). */
    static final int SPLIT_BITS = 1 << 19;

    /** x * y, polling {@code ts} (when not null) between pieces of a huge product. */
    public static BigInteger multiply(BigInteger x, BigInteger y, ThreadState ts) {
        return multiply(x, y, ts, SPLIT_BITS);
    }

    /** x * y in pieces of at most {@code leaf} bits (a parameter so tests can split small numbers). */
    static BigInteger multiply(BigInteger x, BigInteger y, ThreadState ts, int leaf) {
        if (ts == null || Math.max(x.bitLength(), y.bitLength()) <= leaf) return x.multiply(y);
        BigInteger ax = x.abs(), r = split(ax, x == y ? ax : y.abs(), ts, leaf);
        return x.signum() * y.signum() < 0 ? r.negate() : r;
    }

    /** |x| * |y| for non-negative operands, in pieces of at most SPLIT_BITS bits each. */
    private static BigInteger split(BigInteger x, BigInteger y, ThreadState ts, int leaf) {
        ts.poll();
        if (x.bitLength() < y.bitLength()) { BigInteger t = x; x = y; y = t; }
        int bits = x.bitLength();
        if (bits <= leaf) return x.multiply(y);
        int k = (bits / 2) & ~31;
        BigInteger x1 = x.shiftRight(k), x0 = low(x, k);
        if (y.bitLength() <= k) {
            // unbalanced: (x1 * 2^k + x0) * y, each half against the whole of y
            return split(x1, y, ts, leaf).shiftLeft(k).add(split(x0, y, ts, leaf));
        }
        boolean square = x == y;   // keeps BigInteger's faster squaring in the pieces
        BigInteger y1 = square ? x1 : y.shiftRight(k), y0 = square ? x0 : low(y, k);
        BigInteger z2 = split(x1, y1, ts, leaf), z0 = split(x0, y0, ts, leaf);
        BigInteger xs = x1.add(x0), ys = square ? xs : y1.add(y0);
        BigInteger z1 = split(xs, ys, ts, leaf).subtract(z2).subtract(z0);
        return z2.shiftLeft(2 * k).add(z1.shiftLeft(k)).add(z0);
    }

    /** The low k bits of a non-negative x. */
    private static BigInteger low(BigInteger x, int k) {
        return x.and(BigInteger.ONE.shiftLeft(k).subtract(BigInteger.ONE));
    }

    /**
     * base ** e (e >= 0) by squaring, polling {@code ts} between multiplications when the result
     * is large (BigInteger.pow below that, or without a thread state). Powers of two in the base
     * become one shift, as BigInteger.pow does.
     */
    public static BigInteger pow(BigInteger base, int e, ThreadState ts, double resultBits) {
        return pow(base, e, ts, resultBits, SPLIT_BITS);
    }

    static BigInteger pow(BigInteger base, int e, ThreadState ts, double resultBits, int leaf) {
        if (ts == null || resultBits <= 2.0 * leaf) return base.pow(e);
        boolean negative = base.signum() < 0 && (e & 1) != 0;
        BigInteger b = base.abs();
        int twos = b.getLowestSetBit();
        b = b.shiftRight(twos);
        BigInteger r = BigInteger.ONE;
        for (int i = 31 - Integer.numberOfLeadingZeros(e); i >= 0; i--) {
            r = multiply(r, r, ts, leaf);
            if ((e >>> i & 1) != 0) r = multiply(r, b, ts, leaf);
            ts.poll();
        }
        r = r.shiftLeft(Math.toIntExact((long) twos * e));
        return negative ? r.negate() : r;
    }
}
