package dev.skein.embed;

import dev.skein.concurrent.Future;
import dev.skein.concurrent.Pool;
import dev.skein.concurrent.PoolRegistry;
import dev.skein.runtime.ErrorKind;
import dev.skein.runtime.Errors;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * A pool whose tasks run on an executor the host owns ({@link SkeinEngine.Builder#executor}).
 * It behaves like {@code threads(n)} (shared memory, cancellation, timeouts, awaiting workers
 * help), but shutting it down never stops the host's threads: only Skein's tasks are cancelled.
 */
final class HostExecutorPool extends Pool {
    private final Executor executor;

    HostExecutorPool(PoolRegistry registry, String name, Executor executor, int size) {
        super(registry, name, size);
        this.executor = executor;
    }

    @Override protected void schedule(Future f, Object prepared) {
        try {
            executor.execute(() -> runOnThisThread(f));
        } catch (RejectedExecutionException e) {
            f.cancel();
            throw Errors.of(ErrorKind.POOL_CLOSED, "the host's executor behind pool '" + kind() + "' refused the task"
                    + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"));
        }
    }

    @Override protected void stopWorkers() {
        // The executor belongs to the host, which shuts it down when it wants to.
    }
}
