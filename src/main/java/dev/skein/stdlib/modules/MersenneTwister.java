package dev.skein.stdlib.modules;

import java.math.BigInteger;

/**
 * MT19937, the generator behind CPython's random module, with CPython's seeding
 * ({@code init_by_array} over the seed's 32-bit words) and its derived draws ({@code random()},
 * {@code getrandbits}). Not thread-safe: {@link RandomModule} guards it with a lock.
 */
final class MersenneTwister {
    private static final int N = 624;
    private static final int M = 397;
    private static final int MATRIX_A = 0x9908b0df;
    private static final int UPPER_MASK = 0x80000000;
    private static final int LOWER_MASK = 0x7fffffff;

    private final int[] mt = new int[N];
    private int mti = N + 1;

    private void initGenrand(int s) {
        mt[0] = s;
        for (mti = 1; mti < N; mti++) {
            mt[mti] = 1812433253 * (mt[mti - 1] ^ (mt[mti - 1] >>> 30)) + mti;
        }
    }

    /** Seeds from 32-bit words, least significant first (CPython's init_by_array). */
    void seed(int[] key) {
        initGenrand(19650218);
        int i = 1, j = 0;
        for (int k = Math.max(N, key.length); k > 0; k--) {
            mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >>> 30)) * 1664525)) + key[j] + j;
            i++;
            j++;
            if (i >= N) { mt[0] = mt[N - 1]; i = 1; }
            if (j >= key.length) j = 0;
        }
        for (int k = N - 1; k > 0; k--) {
            mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >>> 30)) * 1566083941)) - i;
            i++;
            if (i >= N) { mt[0] = mt[N - 1]; i = 1; }
        }
        mt[0] = 0x80000000;
    }

    /** Seeds from a non-negative integer, using all of its bits (CPython's random_seed). */
    void seed(BigInteger n) {
        int words = n.signum() == 0 ? 1 : (n.bitLength() + 31) / 32;
        int[] key = new int[words];
        for (int w = 0; w < words; w++) key[w] = n.shiftRight(32 * w).intValue();
        seed(key);
    }

    /** The next 32 random bits. */
    int next32() {
        if (mti >= N) twist();
        int y = mt[mti++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >>> 18;
        return y;
    }

    private void twist() {
        int kk;
        for (kk = 0; kk < N - M; kk++) {
            int y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
            mt[kk] = mt[kk + M] ^ (y >>> 1) ^ ((y & 1) != 0 ? MATRIX_A : 0);
        }
        for (; kk < N - 1; kk++) {
            int y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
            mt[kk] = mt[kk + (M - N)] ^ (y >>> 1) ^ ((y & 1) != 0 ? MATRIX_A : 0);
        }
        int y = (mt[N - 1] & UPPER_MASK) | (mt[0] & LOWER_MASK);
        mt[N - 1] = mt[M - 1] ^ (y >>> 1) ^ ((y & 1) != 0 ? MATRIX_A : 0);
        mti = 0;
    }

    /** A float in [0, 1) with 53 random bits, exactly as CPython's random(). */
    double nextDouble() {
        int a = next32() >>> 5;
        int b = next32() >>> 6;
        return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
    }

    /** k random bits (k >= 0) as a non-negative BigInteger, words filled least significant first. */
    BigInteger bits(int k) {
        if (k <= 63) return BigInteger.valueOf(bitsLong(k));
        int words = (k - 1) / 32 + 1;
        byte[] be = new byte[words * 4 + 1];   // big-endian with a leading zero byte: non-negative
        int left = k;
        for (int w = 0; w < words; w++, left -= 32) {
            int r = next32();
            if (left < 32) r >>>= 32 - left;
            int at = be.length - 4 * (w + 1);
            be[at] = (byte) (r >>> 24);
            be[at + 1] = (byte) (r >>> 16);
            be[at + 2] = (byte) (r >>> 8);
            be[at + 3] = (byte) r;
        }
        return new BigInteger(be);
    }

    /** k random bits for 0 <= k <= 63, the same values {@link #bits} would give. */
    long bitsLong(int k) {
        if (k == 0) return 0;
        if (k <= 32) return (next32() >>> (32 - k)) & 0xffffffffL;
        long lo = next32() & 0xffffffffL;
        long hi = (next32() >>> (64 - k)) & 0xffffffffL;
        return (hi << 32) | lo;
    }

    /** A uniform value in [0, n) for n > 0 by rejection sampling (CPython's _randbelow). */
    long below(long n) {
        int k = 64 - Long.numberOfLeadingZeros(n);
        long r = bitsLong(k);
        while (r >= n) r = bitsLong(k);
        return r;
    }

    BigInteger below(BigInteger n) {
        if (n.bitLength() < 63) return BigInteger.valueOf(below(n.longValue()));
        int k = n.bitLength();
        BigInteger r = bits(k);
        while (r.compareTo(n) >= 0) r = bits(k);
        return r;
    }
}
