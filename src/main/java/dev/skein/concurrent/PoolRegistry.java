package dev.skein.concurrent;

import dev.skein.runtime.ErrorValue;
import dev.skein.runtime.Interpreter;
import dev.skein.runtime.ThreadState;
import dev.skein.runtime.TraceEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Every pool of one interpreter: the default pool, the timer that enforces task timeouts, the
 * lock that guards the wait-for graph (deadlock detection), and the end-of-script wait.
 */
public final class PoolRegistry {
    private final Interpreter interp;
    private final List<Pool> pools = new CopyOnWriteArrayList<>();
    private final AtomicLong poolIds = new AtomicLong();
    private final AtomicLong taskIds = new AtomicLong();
    private final ReentrantLock lock = new ReentrantLock();
    /** Serializes "I now wait for X" + cycle check, so exactly one waiter of a cycle sees it. */
    final ReentrantLock graphLock = new ReentrantLock();
    private Pool defaultPool;
    /** Where pools record what ran where; null while tracing is off (one field check per event then). */
    private volatile TaskTrace trace;
    private ScheduledExecutorService timer;

    private PoolRegistry(Interpreter interp) { this.interp = interp; }

    public static PoolRegistry of(Interpreter interp) { return interp.service(PoolRegistry.class, PoolRegistry::new); }

    public Interpreter interp() { return interp; }

    /** The timeline recording this interpreter's tasks, or null. */
    public TaskTrace trace() { return trace; }

    /** Starts ({@code trace}) or stops (null) recording a timeline. */
    public void trace(TaskTrace trace) { this.trace = trace; }

    long register(Pool p) {
        pools.add(p);
        return poolIds.incrementAndGet();
    }

    long nextTaskId() { return taskIds.incrementAndGet(); }

    /** The pools still open or still finishing tasks. */
    public List<Pool> pools() { return new ArrayList<>(pools); }

    /** The pool for {@code submit} without {@code to}: the thread's innermost {@code with} pool, else the default one. */
    public Pool current(ThreadState ts) {
        if (ts.scopedPool() instanceof Pool p) return p;
        if (ts.task() instanceof Future f && !f.pool().isClosed() && f.pool().canRunInline()) return f.pool();
        lock.lock();
        try {
            if (defaultPool == null || defaultPool.isClosed()) {
                defaultPool = new Pool(this, "default", Math.max(2, Runtime.getRuntime().availableProcessors()), new ThreadTransport(interp, "default"));
            }
            return defaultPool;
        } finally {
            lock.unlock();
        }
    }

    ScheduledFuture<?> scheduleTimeout(Future f, ThreadState ts) {
        return schedule((long) (f.timeoutSeconds() * 1e9), f::timeOut);
    }

    /** Runs {@code action} on the timeout timer after {@code delayNanos}. */
    ScheduledFuture<?> schedule(long delayNanos, Runnable action) {
        lock.lock();
        try {
            if (timer == null) {
                timer = Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "skein-timeouts");
                    t.setDaemon(true);
                    return t;
                });
            }
            return timer.schedule(action, delayNanos, TimeUnit.NANOSECONDS);
        } finally {
            lock.unlock();
        }
    }

    /** Once a shut-down pool's last task finishes, release its workers. */
    void stopWhenIdle(Pool p) {
        Thread t = new Thread(() -> {
            p.awaitIdle(null);
            p.stopWorkers();
        }, "skein-pool-drain");
        t.setDaemon(true);
        t.start();
    }

    /** Cancels every task of every pool and stops the running on_done callbacks (Ctrl-C, embedding cancel and close). */
    public void cancelAll() {
        for (Pool p : pools) p.cancelAll();
        for (ThreadState cb : callbacks) cb.interrupt(dev.skein.runtime.ErrorKind.CANCELLED, "the callback was cancelled");
    }

    /**
     * The end of an embedded entry: the tasks submitted for it (and by those tasks) that are
     * still queued or running are cancelled, except {@code keep} (a future the entry returned).
     */
    public void cancelScope(Object scope, Object keep) {
        for (Pool p : pools) p.cancelScope(scope, keep);
    }

    /** The on_done callbacks running now, so {@link #cancelAll} stops them too. */
    private final java.util.Set<ThreadState> callbacks = java.util.concurrent.ConcurrentHashMap.newKeySet();

    void callbackStarted(ThreadState ts) { callbacks.add(ts); }

    void callbackEnded(ThreadState ts) { callbacks.remove(ts); }

    /**
     * At the end of a script: tasks still running or queued finish first (fire-and-forget works,
     * as in Python); tasks they submit are waited for too. Then every pool is released.
     */
    public void finishAll(ThreadState ts) {
        boolean busy = true;
        while (busy) {
            busy = false;
            for (Pool p : pools) {
                if (!p.isIdle()) {
                    busy = true;
                    p.awaitIdle(ts);
                }
            }
        }
        closeAll();
    }

    /** Shuts every pool without waiting (cancelling what is left). */
    public void closeAll() {
        for (Pool p : pools) p.shutdown(null, false, true);
        lock.lock();
        try {
            if (timer != null) timer.shutdownNow();
            timer = null;   // a later timeout (REPL, embedding) starts a fresh timer
        } finally {
            lock.unlock();
        }
    }

    void reportCallbackError(Future f, ErrorValue e) {
        StringBuilder sb = new StringBuilder("error in an on_done callback of ").append(f.describe()).append(": ").append(e.headline());
        List<TraceEntry> trace = e.trace();
        for (int i = trace.size() - 1; i >= 0; i--) sb.append("\n  ").append(trace.get(i));
        interp.stderr().write(sb.append('\n').toString());
    }
}
