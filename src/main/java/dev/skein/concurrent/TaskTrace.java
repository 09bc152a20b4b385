package dev.skein.concurrent;

/**
 * What the scheduler, the futures and the transports tell a timeline (see {@link Timeline}).
 * The registry holds none while tracing is off, so each call site costs one field check then.
 * Times are {@link System#nanoTime} of this JVM unless a name says epoch (a worker's own clock,
 * see {@link TraceClock}). Called from any thread.
 */
public interface TaskTrace {
    /** The calling thread submitted {@code f}; its submit began at {@code startNanos} (its {@code submittedNanos}) and ends now. */
    void submitted(Future f, long startNanos);

    /** An in-process task starts running on the calling thread. */
    void started(Future f);

    /** A task's outcome is about to become visible; in-process, this is on the thread that ran it. */
    void finishing(Future f, String outcome);

    /** {@code f} was handed to the worker {@code w} of another process (its slice comes with the result). */
    void sent(Future f, Pool pool, Worker w);

    /** {@code f} ran on {@code w} from {@code startEpochNanos} to {@code endEpochNanos}, timed by the worker. */
    void ranElsewhere(Future f, Pool pool, Worker w, long startEpochNanos, long endEpochNanos, String outcome);

    /** The calling thread waited for {@code f} from {@code startNanos} until now; {@code done}: until it was done. */
    void awaited(Future f, long startNanos, boolean done);

    /** The calling thread awaited {@code f}, which was done already: there was no wait to time. */
    default void awaitedDone(Future f) { awaited(f, System.nanoTime(), true); }

    /**
     * A moment in a task's or a worker's life: "retry", "timeout", "cancel", "worker died".
     * {@code w} (may be null) is the worker it concerns; else the task's own track, else the caller's.
     */
    void instant(String name, Future f, Pool pool, Worker w, String detail);
}
