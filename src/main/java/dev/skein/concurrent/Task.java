package dev.skein.concurrent;

import dev.skein.concurrent.MapIterator.ItemOutcome;
import dev.skein.runtime.ThreadState;
import java.util.concurrent.ScheduledFuture;

/**
 * One queued unit of work of a {@link Scheduler}: a call, or a chunk of a map whose items
 * report one by one. Mutable fields are guarded by the scheduler's lock.
 */
public final class Task {
    final Future future;
    private final Object payload;
    /** For a chunk sent to another process: each item's outcome so far, else null. */
    final ItemOutcome[] outcomes;
    int nextItem;
    int retriesLeft;
    boolean started;
    boolean timedOut;
    ScheduledFuture<?> clock;
    /** While tracing: when it was sent to a worker elsewhere (nanoTime), and when that worker says it ran (epoch nanos, 0: not said). */
    long sentNanos;
    private long ranFrom, ranTo;

    Task(Future future, Object payload, int remoteItems, int retries) {
        this.future = future;
        this.payload = payload;
        this.outcomes = remoteItems > 0 ? new ItemOutcome[remoteItems] : null;
        this.retriesLeft = retries;
    }

    public Future future() { return future; }

    /** What the transport's {@link Transport#prepare} made of it. */
    public Object payload() { return payload; }

    /** A chunk: the first item not yet reported (a chunk resent after a crash starts there). */
    public int firstItem() { return nextItem; }

    public boolean isChunk() { return outcomes != null; }

    /** A chunk's number of items (0 for a call). */
    public int items() { return outcomes == null ? 0 : outcomes.length; }

    /** A worker elsewhere ran it from {@code fromEpochNanos} to {@code toEpochNanos} on the common clock ({@link TraceClock}). */
    public void ranAt(long fromEpochNanos, long toEpochNanos) {
        ranFrom = fromEpochNanos;
        ranTo = toEpochNanos;
    }

    long ranFrom() { return ranFrom != 0 ? ranFrom : TraceClock.epochNanos(sentNanos); }

    /** How long its worker elsewhere says it ran; -1 if it did not say. */
    long ranNanos() { return ranTo != 0 && ranFrom != 0 ? ranTo - ranFrom : -1; }

    long ranTo() { return ranTo != 0 ? ranTo : TraceClock.now(); }

    /** In-process workers: claims and runs the task on this thread (nothing if an awaiting task ran it meanwhile). */
    public void runHere(ThreadState ts) {
        if (future.tryClaim(ts)) future.runClaimed(ts);
    }
}
