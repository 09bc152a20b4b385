package dev.skein.runtime;

/**
 * Big allocations whose size a script chooses ({@code [0] * n}, {@code s.ljust(n)}, joins,
 * {@code list(range(n))}): the size is checked before anything is allocated, and an
 * OutOfMemoryError of the allocation itself — nothing half built yet — becomes a catchable
 * MemoryError, as in CPython. An OutOfMemoryError anywhere else reaches the front end's
 * boundary ({@code Runner.execute}, a task's future) and is reported there as MemoryError.
 */
public final class Allocation {
    private Allocation() {}

    /** The longest array (and so list, str or bytes) the JVM can make. */
    public static final int MAX_LENGTH = Integer.MAX_VALUE - 16;

    /**
     * {@code n} as an array length, for {@code n} elements of at least {@code unitBytes} bytes;
     * MemoryError when no heap could hold them: past the JVM's array limit, or bigger than the
     * whole heap (which no collection can free).
     */
    public static int length(long n, int unitBytes, String what) {
        if (n > MAX_LENGTH || n * unitBytes > Runtime.getRuntime().maxMemory()) throw tooBig(what, n);
        return (int) Math.max(0, n);
    }

    /** {@code a * b} for sizes, saturating at Long.MAX_VALUE instead of wrapping. */
    public static long times(long a, long b) {
        long hi = Math.multiplyHigh(a, b), lo = a * b;
        return hi == 0 && lo >= 0 ? lo : Long.MAX_VALUE;
    }

    /** The MemoryError for a {@code what} ("a str", "a list", "a bytes") of {@code n} units that no heap here can hold. */
    public static SkeinError tooBig(String what, long n) {
        String unit = what.endsWith("str") ? " characters" : what.endsWith("bytes") ? " bytes" : " items";
        String size = n == Long.MAX_VALUE ? "more than 2**63" : String.valueOf(n);
        return Errors.memory("cannot allocate " + (what.endsWith("bytes") ? what + " object" : what) + " of " + size + unit
                + " (the heap holds at most " + (Runtime.getRuntime().maxMemory() >> 20) + " MiB)");
    }

    /** For an OutOfMemoryError of an allocation of {@code what} itself. */
    public static SkeinError outOfMemory(String what) {
        return Errors.memory("out of memory allocating " + what);
    }

    /**
     * The MemoryError for an OutOfMemoryError caught at a call site or a front end's boundary;
     * first frees the engine's memory reserve, so that building and reporting it can allocate.
     */
    public static SkeinError outOfMemory(ThreadState ts, OutOfMemoryError e) {
        ts.interp().releaseMemoryReserve();
        return Errors.memory("out of memory (" + e.getMessage() + ")");
    }

    /** {@code new Object[n]}, checked. */
    public static Object[] objects(long n, String what) {
        int len = length(n, 4, what);
        try {
            return new Object[len];
        } catch (OutOfMemoryError e) {
            throw outOfMemory(what);
        }
    }

    /** {@code new byte[n]}, checked. */
    public static byte[] bytes(long n, String what) {
        int len = length(n, 1, what);
        try {
            return new byte[len];
        } catch (OutOfMemoryError e) {
            throw outOfMemory(what);
        }
    }

    /** A builder for a string of {@code n} chars, checked (a Latin-1 string takes a byte a char). */
    public static StringBuilder chars(long n, String what) {
        int len = length(n, 1, what);
        try {
            return new StringBuilder(len);
        } catch (OutOfMemoryError e) {
            throw outOfMemory(what);
        }
    }
}
