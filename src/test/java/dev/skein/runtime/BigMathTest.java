package dev.skein.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The split product and the polling power equal BigInteger's own results, and stop when asked. */
class BigMathTest {
    private final Interpreter interp = Interpreter.builder().build();

    private static BigInteger random(Random r, int bits, boolean negative) {
        BigInteger v = new BigInteger(bits, r).setBit(Math.max(0, bits - 1));
        return negative ? v.negate() : v;
    }

    @Property(tries = 300)
    void splitProductIsExact(@ForAll long seed, @ForAll @IntRange(min = 1, max = 20_000) int xBits,
                             @ForAll @IntRange(min = 1, max = 20_000) int yBits, @ForAll @IntRange(min = 64, max = 2048) int leaf) {
        Random r = new Random(seed);
        BigInteger x = random(r, xBits, r.nextBoolean()), y = random(r, yBits, r.nextBoolean());
        ThreadState ts = new ThreadState(interp);
        assertEquals(x.multiply(y), BigMath.multiply(x, y, ts, leaf));
        assertEquals(x.multiply(x), BigMath.multiply(x, x, ts, leaf));   // the squaring path
        assertEquals(x.multiply(BigInteger.ZERO), BigMath.multiply(x, BigInteger.ZERO, ts, leaf));
    }

    @Property(tries = 200)
    void pollingPowerIsExact(@ForAll long seed, @ForAll @IntRange(min = 1, max = 300) int baseBits,
                             @ForAll @IntRange(min = 0, max = 3000) int e, @ForAll @IntRange(min = 64, max = 1024) int leaf) {
        Random r = new Random(seed);
        BigInteger base = random(r, baseBits, r.nextBoolean()).shiftLeft(r.nextInt(4));  // factors of two too
        double bits = (double) e * base.abs().bitLength();
        assertEquals(base.pow(e), BigMath.pow(base, e, new ThreadState(interp), bits, leaf));
    }

    @Test
    void hugeProductsAndPowersExactAtTheRealThreshold() {
        Random r = new Random(14);
        ThreadState ts = new ThreadState(interp);
        BigInteger x = random(r, 3 * BigMath.SPLIT_BITS + 17, true), y = random(r, 2 * BigMath.SPLIT_BITS - 5, false);
        assertEquals(x.multiply(y), BigMath.multiply(x, y, ts));
        BigInteger base = BigInteger.valueOf(-12);
        assertEquals(base.pow(200_001), BigMath.pow(base, 200_001, ts, 200_001 * 3.6));
    }

    @Test
    void aStopRequestEndsAHugeProductAndPower() {
        ThreadState ts = new ThreadState(interp);
        ts.interrupt(ErrorKind.TIMEOUT, "the task's timeout of 0.5 s ran out");
        BigInteger x = BigInteger.ONE.shiftLeft(4000).subtract(BigInteger.ONE);
        SkeinError e = assertThrows(SkeinError.class, () -> BigMath.multiply(x, x, ts, 64));
        assertSame(ErrorKind.TIMEOUT, e.kind());
        assertThrows(SkeinError.class, () -> BigMath.pow(BigInteger.valueOf(7), 5000, ts, 5000 * 2.9, 64));
        // small operands take BigInteger's path directly, with no poll
        assertEquals(BigInteger.valueOf(49), BigMath.multiply(BigInteger.valueOf(7), BigInteger.valueOf(7), ts));
    }
}
