package dev.skein.concurrent;

import dev.skein.runtime.ThreadState;
import dev.skein.runtime.Values;
import java.io.IOException;
import java.util.List;

/**
 * How one kind of pool reaches its workers — the only thing a new kind of pool provides. The
 * {@link Scheduler} above it owns queueing, task ids, cancellation, timeouts, retries when a
 * worker is lost, chunks and their per-item results; a transport starts workers, hands them
 * tasks and tells the scheduler what happened ({@link WorkerEvents}).
 *
 * <p>In-process transports (threads, virtual threads, a host's executor) run a task by claiming
 * its future on the worker's own thread ({@link Task#runHere}); the future then records its own
 * outcome, clock and interrupts. Other transports (process workers) send the task away; the
 * scheduler claims it, runs its clock and records what the worker reports.
 */
public interface Transport {
    /**
     * Runs in the submitting thread before the task exists: a transport that sends tasks
     * elsewhere encodes (and so checks) them here. Its result travels with the task
     * ({@link Task#payload()}). {@code batch} is non-null for a chunk of a map. {@code firstItem}:
     * for a task of a map, the index in the map's whole input of its item (or of the chunk's
     * first), which errors name; -1 for a plain submit.
     */
    default Object prepare(ThreadState ts, Object callee, Object[] args, String[] kwNames, List<Object[]> batch, long firstItem, String site) {
        return null;
    }

    /** Starts one worker, which reports to {@code events}; IOException if it cannot be started. */
    Worker start(WorkerEvents events) throws IOException;

    /** True: tasks run in this JVM and an awaiting task may run a queued one itself. */
    default boolean inProcess() { return true; }

    /** True: all workers start with the pool and are replaced; false: they start as tasks arrive. */
    default boolean startsEagerly() { return false; }

    /**
     * Tasks a worker elsewhere may be sent at once, the one it runs included: those behind it wait
     * in its input, so a worker at the end of a slow link does not idle while results and the next
     * tasks travel. Their clocks start when they come to run; a worker that dies gives them back
     * to the queue without spending a retry. 1 (the default): one task at a time.
     */
    default int window() { return 1; }

    /**
     * With a window: the work a busy worker may hold behind the task it runs, each task counted
     * at what the last task of its function took (see {@link WindowBudget}).
     */
    default long windowBudgetNanos() { return WindowBudget.BUDGET_NANOS; }

    /** Tasks a worker runs before it is replaced (0: no limit). */
    default int maxTasksPerWorker() { return 0; }

    /** In-process transports: runs the call on the worker's thread (a checking transport wraps it). */
    default Object runTask(ThreadState ts, Object callee, Object[] args, String[] kwNames) {
        return Values.call(ts, callee, args, kwNames);
    }

    /** The chunk size of a {@code map} that names none: one item per task in this JVM. */
    default int defaultChunk(Object[] iterables, int size) { return 1; }

    /** Tasks a {@code map} keeps in flight when it names no {@code buffer}: a few per worker. */
    default int defaultBuffer(int size) { return Math.max(4, 4 * size); }

    /** After the pool has stopped its workers: release what the transport itself holds. */
    default void close() {}
}
