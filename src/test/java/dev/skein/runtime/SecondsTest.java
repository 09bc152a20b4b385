package dev.skein.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The one reading of timeout arguments and the one way messages show seconds. */
class SecondsTest {
    @Test void showsWholeSecondsWithoutAFraction() {
        assertEquals("5 s", Seconds.show(5.0));
        assertEquals("0.5 s", Seconds.show(0.5));
        assertEquals("0.1 s", Seconds.show(0.1));
        assertEquals("forever", Seconds.show(null));
    }

    @Test void noneOrAbsentIsNoTimeout() {
        assertNull(Seconds.optional(null));
        assertNull(Seconds.optional(Missing.MISSING));
        assertEquals(2.0, Seconds.optional(2L));
        assertEquals(Long.MAX_VALUE, Seconds.deadline(null));
    }

    @Test void negativeAndNanAreRefused() {
        for (Object bad : new Object[] {-1L, -0.5}) {
            SkeinError e = assertThrows(SkeinError.class, () -> Seconds.optional(bad));
            assertEquals("timeout must not be negative", e.value().message());
        }
        SkeinError nan = assertThrows(SkeinError.class, () -> Seconds.optional(Double.NaN));
        assertEquals("timeout must be a number, not nan", nan.value().message());
    }

    @Test void aHugeTimeoutNeverOverflowsTheDeadline() {
        assertEquals(Long.MAX_VALUE, Seconds.deadline(Double.POSITIVE_INFINITY));
        assertEquals(Long.MAX_VALUE, Seconds.nanos(1e300));
        assertEquals(1_500_000_000L, Seconds.nanos(1.5));
    }
}
