package dev.skein.concurrent;

import java.time.Instant;

/**
 * The common clock of a timeline: nanoseconds since the epoch, read through this JVM's
 * monotonic clock from one anchor. Worker processes time their tasks with it too, so their
 * slices and the parent's line up (on one machine, to within the anchors' read jitter).
 */
public final class TraceClock {
    private static final long ANCHOR_NANOS, ANCHOR_EPOCH_NANOS;

    static {
        // The pair of readings taken closest together: a thread descheduled between the two
        // reads (under load, for milliseconds) would shift every slice of this JVM against the
        // others', and a worker process's slices out of their submit-to-await spans.
        long bestGap = Long.MAX_VALUE, nanos = 0, epoch = 0;
        for (int i = 0; i < 50 && bestGap > 2_000; i++) {
            long before = System.nanoTime();
            long e = epochNow();
            long gap = System.nanoTime() - before;
            if (gap < bestGap) {
                bestGap = gap;
                nanos = before + gap / 2;
                epoch = e;
            }
        }
        ANCHOR_NANOS = nanos;
        ANCHOR_EPOCH_NANOS = epoch;
    }

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
