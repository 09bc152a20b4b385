package dev.skein.concurrent;

import dev.skein.runtime.ErrorKind;
import dev.skein.runtime.ErrorValue;
import dev.skein.runtime.Errors;
import dev.skein.runtime.Interpreter;
import dev.skein.runtime.ThreadState;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Each task on a fresh thread of an executor: {@code virtual(limit=…)} (a virtual thread per
 * task; the pool's size caps how many run at once, and the rest wait in the queue, still
 * cancellable) and a host's own executor (see the embedding API). A worker runs one task; a
 * virtual pool's {@code init} runs on each such thread before its task.
 */
public final class ExecutorTransport implements Transport {
    private final Interpreter interp;
    private final Executor executor;
    private final String refusedMessage;
    private final WorkerInit init;   // null: none

    /** {@code refusedMessage}: the PoolClosedError of a task the executor rejects. */
    public ExecutorTransport(Interpreter interp, Executor executor, String refusedMessage) {
        this(interp, executor, refusedMessage, null);
    }

    private ExecutorTransport(Interpreter interp, Executor executor, String refusedMessage, WorkerInit init) {
        this.interp = interp;
        this.executor = executor;
        this.refusedMessage = refusedMessage;
        this.init = init;
    }

    /** Virtual threads, one per task. */
    public static ExecutorTransport virtualThreads(Interpreter interp) {
        return virtualThreads(interp, null);
    }

    /** Virtual threads, one per task, each running {@code init} (if not null) before it. */
    public static ExecutorTransport virtualThreads(Interpreter interp, WorkerInit init) {
        return new ExecutorTransport(interp, r -> Thread.ofVirtual().name("skein-virtual").start(r), "a virtual thread cannot start", init);
    }

    @Override public Worker start(WorkerEvents events) {
        return new OneTask(events);
    }

    @Override public int maxTasksPerWorker() { return 1; }

    /** Many blocking tasks in flight when unlimited (a limit caps it as usual). */
    @Override public int defaultBuffer(int size) { return size == 0 ? 1024 : Transport.super.defaultBuffer(size); }

    private final class OneTask implements Worker {
        private final WorkerEvents events;

        OneTask(WorkerEvents events) { this.events = events; }

        @Override public void run(Task task) {
            try {
                executor.execute(() -> {
                    ErrorValue failed = init == null ? null : init.run(interp, "virtual thread #" + Thread.currentThread().threadId());
                    if (failed != null) {   // the task was handed over: it fails first, with the init's error
                        events.finished(this, task, null, failed, false);
                        events.broken(WorkerInit.BROKEN, failed);
                        return;
                    }
                    task.runHere(new ThreadState(interp));
                    events.finished(this, task, null, null, true);
                });
            } catch (RejectedExecutionException e) {
                throw new Refused(Errors.of(ErrorKind.POOL_CLOSED, refusedMessage + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")")).value());
            }
        }

        @Override public void retire() { }
    }
}
