package dev.skein.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Positions by code point (issue 14): for random strings from every plane — ASCII, Latin-1, BMP,
 * astral, lone surrogates of both halves — length, indexing, slicing with any step and the
 * char/code-point position maps agree with the string's own code points, short and long
 * strings alike (long ones go through the thread's cache).
 */
class CodePointsTest {
    private final ThreadState ts = new ThreadState(Interpreter.builder().build());

    private static String text(Random r, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            switch (r.nextInt(5)) {
                case 0 -> sb.append((char) ('a' + r.nextInt(26)));
                case 1 -> sb.append((char) (0xA0 + r.nextInt(0x3000)));
                case 2 -> sb.appendCodePoint(0x10000 + r.nextInt(0x100000));
                case 3 -> sb.append((char) (0xD800 + r.nextInt(0x800)));
                default -> sb.append((char) (0xE000 + r.nextInt(0x2000)));
            }
        }
        return sb.toString();
    }

    @Test void positionsAgreeWithTheStringsCodePoints() {
        Random r = new Random(14);
        for (int round = 0; round < 3000; round++) {
            String s = text(r, r.nextInt(round % 2 == 0 ? 10 : 200));
            int[] cps = s.codePoints().toArray();
            CodePoints cp = CodePoints.of(ts, s);
            assertEquals(cps.length, cp.length());
            assertEquals(cps.length, CodePoints.length(s));
            int c = 0;
            for (int k = 0; k < cps.length; k++) {
                assertEquals(c, cp.charIndex(k));
                assertEquals(k, cp.cpIndex(c));
                assertEquals(Character.toString(cps[k]), CodePoints.at(ts, s, k));
                assertEquals(Character.toString(cps[k]), CodePoints.at(ts, s, k - cps.length));
                c += Character.toString(cps[k]).length();
            }
            assertEquals(s.length(), cp.charIndex(cps.length));
            assertThrows(SkeinError.class, () -> CodePoints.at(ts, s, cps.length));
            long start = r.nextInt(cps.length + 3) - 1, stop = r.nextInt(cps.length + 3) - 1, step = r.nextBoolean() ? 1 : r.nextInt(7) - 3;
            if (step == 0) step = -1;
            assertEquals(slice(cps, start, stop, step), cp.slice(new SliceValue(start, stop, step)), "slice of " + s);
        }
    }

    /** Python's slice over the code points, the obvious way. */
    private static String slice(int[] cps, long start, long stop, long step) {
        long[] ix = new SliceValue(start, stop, step).indices(cps.length);
        StringBuilder sb = new StringBuilder();
        for (long k = 0, p = ix[0]; k < ix[3]; k++, p += ix[2]) sb.appendCodePoint(cps[(int) p]);
        return sb.toString();
    }

    @Test void aLongStringIsScannedOncePerThread() {
        String s = "😀".repeat(1000) + "abc";
        CodePoints first = CodePoints.of(ts, s);
        assertSame(first, CodePoints.of(ts, s));
        for (int i = 0; i < 3; i++) CodePoints.of(ts, "x".repeat(100 + i) + "😀");   // other strings come and go
        assertSame(first, CodePoints.of(ts, s), "a few others do not push it out");
        assertEquals("b", CodePoints.at(ts, s, 1001));
    }
}
