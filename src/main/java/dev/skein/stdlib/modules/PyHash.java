package dev.skein.stdlib.modules;

import java.math.BigInteger;

/** CPython's hash of a float (needed to seed the random module from a float like Python does). */
final class PyHash {
    private PyHash() {}

    static final BigInteger UINT64_MASK = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private static final int BITS = 61;
    private static final long MODULUS = (1L << BITS) - 1;

    /** {@code hash(d)} as CPython 3.11 computes it on 64-bit platforms (NaN hashes to 0 here). */
    static long ofDouble(double v) {
        if (Double.isInfinite(v)) return v > 0 ? 314159 : -314159;
        if (Double.isNaN(v)) return 0;
        int e = Math.getExponent(v) + 1;          // frexp: v = m * 2**e with 0.5 <= |m| < 1
        double m = Math.scalb(v, -e);
        if (v == 0) { m = 0; e = 0; }
        else if (Math.getExponent(v) < Double.MIN_EXPONENT) {   // subnormal
            int shift = 54;
            double scaled = v * 0x1p54;
            e = Math.getExponent(scaled) + 1 - shift;
            m = Math.scalb(scaled, -(e + shift));
        }
        int sign = 1;
        if (m < 0) { sign = -1; m = -m; }
        long x = 0;
        while (m != 0) {
            x = ((x << 28) & MODULUS) | x >>> (BITS - 28);
            m *= 268435456.0;
            e -= 28;
            long y = (long) m;
            m -= y;
            x += y;
            if (x >= MODULUS) x -= MODULUS;
        }
        e = e >= 0 ? e % BITS : BITS - 1 - ((-1 - e) % BITS);
        x = ((x << e) & MODULUS) | x >>> (BITS - e);
        x = x * sign;
        if (x == -1) x = -2;
        return x;
    }
}
