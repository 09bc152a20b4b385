package dev.skein.runtime;

/**
 * Timeouts given in seconds (ints or floats; none or absent means no timeout), the one way
 * every layer reads a {@code timeout} argument and shows a number of seconds in a message.
 */
public final class Seconds {
    private Seconds() {}

    // Beyond this (about 146 years) a timeout is "none": nanoTime() + it would overflow.
    private static final double NEVER = Long.MAX_VALUE / 2 / 1e9;

    /** A timeout argument as seconds, or null for none. */
    public static Double optional(Object v) {
        if (v == null || Missing.is(v)) return null;
        double s = Convert.toDouble(v, "timeout");
        if (Double.isNaN(s)) throw Errors.value("timeout must be a number, not nan");
        if (s < 0) throw Errors.value("timeout must not be negative");
        return s;
    }

    /** A timeout as nanoseconds, Long.MAX_VALUE for none. */
    public static long nanos(Double seconds) {
        if (seconds == null || seconds >= NEVER) return Long.MAX_VALUE;
        return (long) (seconds * 1e9);
    }

    /** The absolute deadline (on System.nanoTime()'s clock) for a timeout, Long.MAX_VALUE for none. */
    public static long deadline(Double seconds) {
        long n = nanos(seconds);
        return n == Long.MAX_VALUE ? n : System.nanoTime() + n;
    }

    /** "5 s", "0.5 s", or "forever" for none: how messages show seconds (docs/language.md). */
    public static String show(Double seconds) {
        if (seconds == null) return "forever";
        double s = seconds;
        boolean whole = s == Math.rint(s) && Math.abs(s) < 1e15;
        return (whole ? String.valueOf((long) s) : Convert.str(s)) + " s";
    }
}
