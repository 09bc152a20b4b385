package dev.skein.stdlib.modules;

import dev.skein.runtime.Arith;
import dev.skein.runtime.Convert;
import dev.skein.runtime.Errors;
import dev.skein.runtime.Interpreter;
import dev.skein.runtime.NativeModule;
import dev.skein.runtime.SkeinList;
import dev.skein.runtime.ThreadState;
import dev.skein.runtime.Values;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code import time}: clocks, {@code sleep} (which cancellation interrupts), and
 * {@code localtime}/{@code gmtime}/{@code strftime}. Python's struct_time is a plain list here:
 * [year, month, day, hour, minute, second, weekday (Monday = 0), day of year, isdst].
 */
public final class TimeModule {
    private TimeModule() {}

    /** How long sleep parks between cancellation checks. */
    private static final long SLICE_NANOS = 20_000_000L;

    public static NativeModule create(Interpreter interp) {
        NativeModule m = new NativeModule("time");
        m.def("perf_counter", "", (ts, a) -> System.nanoTime() / 1e9);
        m.def("perf_counter_ns", "", (ts, a) -> System.nanoTime());
        m.def("monotonic", "", (ts, a) -> System.nanoTime() / 1e9);
        m.def("monotonic_ns", "", (ts, a) -> System.nanoTime());
        m.def("time", "", (ts, a) -> {
            Instant now = Instant.now();
            return now.getEpochSecond() + now.getNano() / 1e9;
        });
        m.def("time_ns", "", (ts, a) -> {
            Instant now = Instant.now();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        });
        m.def("sleep", "seconds", (ts, a) -> { sleep(ts, a[0]); return null; });
        m.def("localtime", "seconds=?", (ts, a) -> structTime(at(a[0], ZoneId.systemDefault())));
        m.def("gmtime", "seconds=?", (ts, a) -> structTime(at(a[0], ZoneOffset.UTC)));
        m.def("strftime", "format, t=?", (ts, a) -> Strftime.format(Args.str(a[0], "format"), dateOf(a[1])));
        return m;
    }

    /**
     * Sleeps in short slices, polling the thread state between them, so a cancelled or timed-out
     * task stops within one slice (at once when the canceller also unparks or interrupts it).
     */
    static void sleep(ThreadState ts, Object seconds) {
        if (!Arith.isNumber(seconds)) throw Errors.type("'" + Values.typeName(seconds) + "' object cannot be interpreted as an integer");
        double s = Convert.toDouble(seconds, "seconds");
        if (Double.isNaN(s)) throw Errors.value("Invalid value NaN (not a number)");
        if (s < 0) throw Errors.value("sleep length must be non-negative");
        if (s >= 9.2e9) throw Errors.overflow("sleep length is too large");   // past nanoTime's range, as CPython's limit
        ts.poll();
        if (s == 0) { Thread.yield(); return; }
        long deadline = System.nanoTime() + (long) (s * 1e9);
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) return;
            LockSupport.parkNanos(Math.min(left, SLICE_NANOS));
            ts.poll();
            if (Thread.interrupted()) {
                ts.interrupt(dev.skein.runtime.ErrorKind.CANCELLED, "sleep interrupted");
                ts.poll();
            }
        }
    }

    private static ZonedDateTime at(Object seconds, ZoneId zone) {
        if (Args.absent(seconds)) return ZonedDateTime.now(zone);
        double s = FloatMath.real(seconds);
        if (!Double.isFinite(s)) throw Errors.value("timestamp out of range for platform time_t");
        long whole = (long) Math.floor(s);
        long nanos = (long) ((s - whole) * 1e9);
        try {
            return Instant.ofEpochSecond(whole, nanos).atZone(zone);
        } catch (java.time.DateTimeException e) {
            throw Errors.overflow("timestamp out of range for platform time_t");
        }
    }

    private static SkeinList structTime(ZonedDateTime t) {
        boolean dst = t.getZone().getRules().isDaylightSavings(t.toInstant());
        return SkeinList.of((long) t.getYear(), (long) t.getMonthValue(), (long) t.getDayOfMonth(),
                (long) t.getHour(), (long) t.getMinute(), (long) t.getSecond(),
                (long) (t.getDayOfWeek().getValue() - 1), (long) t.getDayOfYear(), dst ? 1L : 0L);
    }

    /** strftime's time argument: absent (now), seconds since the epoch, or a 9-item struct list. */
    private static ZonedDateTime dateOf(Object t) {
        if (Args.absent(t)) return ZonedDateTime.now();
        if (Arith.isNumber(t)) return at(t, ZoneId.systemDefault());
        if (t instanceof SkeinList l) {
            Object[] f = l.snapshot();
            if (f.length != 9) throw Errors.type("time tuple must have exactly 9 elements");
            try {
                return ZonedDateTime.of(Convert.toInt(f[0], "year"), Convert.toInt(f[1], "month"), Convert.toInt(f[2], "day"),
                        Convert.toInt(f[3], "hour"), Convert.toInt(f[4], "minute"), Math.min(59, Convert.toInt(f[5], "second")), 0,
                        ZoneId.systemDefault());
            } catch (java.time.DateTimeException e) {
                throw Errors.value("time tuple out of range: " + e.getMessage());
            }
        }
        throw Errors.type("strftime() argument 2 must be a number or a 9-item list, not " + Values.typeName(t));
    }
}
