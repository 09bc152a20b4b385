package dev.skein.repl;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Runs REPL evaluations one at a time on a thread with a deep stack (deep recursion works at the
 * prompt as in scripts), and makes sure a cancelled evaluation really gives the prompt back:
 * the session first asks the code to stop (its thread state's interrupt flag); if it has not
 * stopped after {@link #INTERRUPT_AFTER_NANOS} its Java thread is interrupted too; if it still
 * runs after {@link #ABANDON_AFTER_NANOS} it is left running on its own and a fresh thread
 * serves the next input. A repeated Ctrl-C takes the next step at once.
 */
final class Evaluator {
    /** Same depth as a script's main thread (dev.skein.cli.ScriptRun). */
    static final long STACK_BYTES = 512L << 20;
    static final long INTERRUPT_AFTER_NANOS = TimeUnit.SECONDS.toNanos(2);
    static final long ABANDON_AFTER_NANOS = TimeUnit.SECONDS.toNanos(5);

    /** Thrown by {@link #run} when a cancelled evaluation would not stop and was left behind. */
    static final class Abandoned extends RuntimeException {
        Abandoned() { super("abandoned", null, false, false); }
    }

    private ExecutorService executor;
    private final AtomicReference<Thread> worker = new AtomicReference<>();
    private volatile long cancelledAt;   // 0: not cancelled
    private final AtomicInteger cancelRequests = new AtomicInteger();

    Evaluator() { executor = newExecutor(); }

    private ExecutorService newExecutor() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(null, r, "skein-repl-eval", STACK_BYTES);
            t.setDaemon(true);   // an abandoned evaluation never keeps the process alive
            worker.set(t);
            return t;
        });
    }

    /** Runs {@code job} on the evaluation thread and returns its result (its exceptions rethrown). */
    <T> T run(Supplier<T> job) {
        cancelledAt = 0;
        cancelRequests.set(0);
        java.util.concurrent.Future<T> running = executor.submit(() -> {
            Thread.interrupted();   // a Java interrupt meant for an earlier evaluation must not leak
            return job.get();
        });
        boolean threadInterrupted = false;
        while (true) {
            try {
                return running.get(50, TimeUnit.MILLISECONDS);
            } catch (TimeoutException notYet) {
                long at = cancelledAt;
                if (at == 0) continue;
                long since = System.nanoTime() - at;
                if (!threadInterrupted && (since > INTERRUPT_AFTER_NANOS || cancelRequests.get() >= 2)) {
                    threadInterrupted = true;
                    Thread t = worker.get();
                    if (t != null) t.interrupt();
                }
                if (since > ABANDON_AFTER_NANOS || cancelRequests.get() >= 3) {
                    executor.shutdownNow();
                    executor = newExecutor();
                    throw new Abandoned();
                }
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException re) throw re;
                if (e.getCause() instanceof Error err) throw err;
                throw new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Abandoned();
            }
        }
    }

    /** Records a cancel request (the session has already asked the code itself to stop). */
    void cancelRequested() {
        if (cancelledAt == 0) cancelledAt = System.nanoTime();
        cancelRequests.incrementAndGet();
    }

    void close() { executor.shutdownNow(); }
}
