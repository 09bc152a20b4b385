package dev.skein.concurrent;

import dev.skein.runtime.Convert;
import dev.skein.runtime.Errors;
import dev.skein.runtime.Missing;
import java.util.concurrent.TimeUnit;

/** Timeouts given in seconds (ints or floats; none or absent means no timeout). */
public final class Seconds {
    private Seconds() {}

    /** A timeout argument as seconds, or null for none. */
    static Double optional(Object v) {
        if (v == null || Missing.is(v)) return null;
        double s = Convert.toDouble(v, "timeout");
        if (s < 0 || Double.isNaN(s)) throw Errors.value("timeout must not be negative");
        return s;
    }

    /** The absolute deadline for a timeout, Long.MAX_VALUE for none. */
    static long deadline(Double seconds) {
        if (seconds == null) return Long.MAX_VALUE;
        return System.nanoTime() + (long) (seconds * TimeUnit.SECONDS.toNanos(1));
    }

    /** "5 s", "0.5 s", or "forever" for none. */
    public static String show(Double seconds) {
        if (seconds == null) return "forever";
        double s = seconds;
        return (s == Math.rint(s) ? String.valueOf((long) s) : String.valueOf(s)) + " s";
    }
}
