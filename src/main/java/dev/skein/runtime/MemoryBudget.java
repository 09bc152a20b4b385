package dev.skein.runtime;

import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The memory limit of one embedded entry: the bytes that the threads working for it (its own,
 * and those running its tasks and callbacks) may allocate in total. The JVM counts each
 * thread's allocation; threads charge what they allocated since their last look every 4,096
 * steps and when they stop working for the entry. Live memory can never exceed what was
 * allocated, so this bounds the entry's memory from above, overshot by at most what 4,096
 * steps allocate (a single allocation is still checked against the heap first).
 */
public final class MemoryBudget {
    /** The JVM's per-thread allocation counters; -1 where the JVM keeps none (virtual threads). */
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private final long limit;
    private final AtomicLong used = new AtomicLong();
    private final ThreadState owner;

    public MemoryBudget(long limit, ThreadState owner) {
        this.limit = limit;
        this.owner = owner;
    }

    public long limit() { return limit; }

    public long used() { return used.get(); }

    /** The bytes the current thread has allocated in its life, or -1 when the JVM does not count them. */
    static long allocatedByThisThread() { return THREADS.getCurrentThreadAllocatedBytes(); }

    /** Whether the current thread's allocations can be counted (not on a virtual thread). */
    public static boolean countsThisThread() { return allocatedByThisThread() >= 0; }

    /**
     * Adds {@code bytes}; past the limit, stops the entry (its own thread and, through it, every
     * thread following it) and returns the message of the MemoryError the caller raises.
     */
    String charge(long bytes) {
        if (bytes <= 0 || used.addAndGet(bytes) <= limit) return null;
        String why = "the script allocated more than its memory limit of " + show(limit);
        owner.interrupt(ErrorKind.MEMORY, why);
        return why;
    }

    static String show(long bytes) {
        if (bytes % (1 << 20) == 0) return (bytes >> 20) + " MiB";
        if (bytes % (1 << 10) == 0) return (bytes >> 10) + " KiB";
        return bytes + " bytes";
    }
}
