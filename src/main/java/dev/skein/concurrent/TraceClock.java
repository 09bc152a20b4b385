package dev.skein.concurrent;

import java.time.Instant;

/**
 * The common clock of a timeline: nanoseconds since the epoch, read through this JVM's
 * monotonic clock from one anchor. Worker processes time their tasks with it too, so their
 * slices and the parent's line up (on one machine, to within the anchors' read jitter).
 */
public final class TraceClock {
    private static final long ANCHOR_NANOS = System.nanoTime();
    private static final long ANCHOR_EPOCH_NANOS = epochNow();

    private TraceClock() {}

    private static long epochNow() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    /** Epoch nanoseconds of a {@link System#nanoTime} reading of this JVM. */
    public static long epochNanos(long nanoTime) {
        return ANCHOR_EPOCH_NANOS + (nanoTime - ANCHOR_NANOS);
    }

    /** Now, in epoch nanoseconds. */
    public static long now() { return epochNanos(System.nanoTime()); }
}
