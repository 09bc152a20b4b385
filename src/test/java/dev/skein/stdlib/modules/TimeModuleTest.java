package dev.skein.stdlib.modules;

import dev.skein.runtime.ErrorKind;
import dev.skein.runtime.SkeinList;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TimeModuleTest extends ModuleTestSupport {
    private Object time(String f, Object... args) { return call("time", f, args); }

    @Test void clocks() {
        double t = (Double) time("time");
        assertTrue(Math.abs(t - System.currentTimeMillis() / 1000.0) < 5);
        long ns = (Long) time("time_ns");
        assertTrue(Math.abs(ns / 1e9 - t) < 5);
        double a = (Double) time("perf_counter");
        double b = (Double) time("perf_counter");
        assertTrue(b >= a);
        assertTrue((Long) time("monotonic_ns") > 0);
    }

    @Test void sleepSleeps() {
        long t0 = System.nanoTime();
        time("sleep", 0.12);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(ms >= 115, "slept " + ms + " ms");
        time("sleep", 0L);
        assertSkeinError(ErrorKind.VALUE, "sleep length must be non-negative", () -> time("sleep", -1L));
        assertSkeinError(ErrorKind.VALUE, () -> time("sleep", Double.NaN));
        assertSkeinError(ErrorKind.TYPE, () -> time("sleep", "1"));
    }

    @Test void sleepStopsWhenCancelled() throws Exception {
        assertStopped(ErrorKind.TIMEOUT, "task timed out", 100, 2_000, "time", "sleep", 30L);
    }

    @Test void structTimeAndStrftime() {
        // 2024-03-05 14:03:01.25 UTC, a Tuesday, day 65 of a leap year.
        double secs = 1709647381.25;
        assertEquals(SkeinList.of(2024L, 3L, 5L, 14L, 3L, 1L, 1L, 65L, 0L), time("gmtime", secs));
        ZonedDateTime local = Instant.ofEpochSecond(1709647381).atZone(ZoneId.systemDefault());
        String expected = String.format("%04d-%02d-%02d %02d:%02d:%02d", local.getYear(), local.getMonthValue(),
                local.getDayOfMonth(), local.getHour(), local.getMinute(), local.getSecond());
        assertEquals(expected, time("strftime", "%Y-%m-%d %H:%M:%S", secs));
        assertEquals("Tue Tuesday Mar March 05 % %q",
                time("strftime", "%a %A %b %B %d %% %q", SkeinList.of(2024L, 3L, 5L, 14L, 3L, 1L, 1L, 65L, 0L)));
        assertEquals("02:03:01 PM 065 24 Tue Mar  5 14:03:01 2024",
                time("strftime", "%I:%M:%S %p %j %y %c", SkeinList.of(2024L, 3L, 5L, 14L, 3L, 1L, 1L, 65L, 0L)));
        assertEquals(9, ((SkeinList) time("localtime")).size());
    }
}
