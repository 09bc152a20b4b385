package dev.skein.concurrent;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * {@code virtual(limit=…)}: one virtual thread per task, for thousands of blocking tasks. With a
 * limit, at most that many run at once; the rest wait (still cancellable) for a permit.
 */
public final class VirtualPool extends Pool {
    private final Semaphore permits;

    /** The limit of a pool made without one. */
    public static final int UNLIMITED = 0;

    public VirtualPool(PoolRegistry registry, int limit) {
        super(registry, "virtual", limit);
        this.permits = limit > 0 ? new Semaphore(limit) : null;
    }

    @Override protected void schedule(Future f, Object prepared) {
        Thread.ofVirtual().name("skein-virtual").start(() -> run(f));
    }

    private void run(Future f) {
        if (permits == null) { runOnThisThread(f); return; }
        try {
            while (!permits.tryAcquire(50, TimeUnit.MILLISECONDS)) {
                if (!f.isPending()) return;  // cancelled or run by an awaiting worker meanwhile
            }
        } catch (InterruptedException e) {
            return;
        }
        try {
            runOnThisThread(f);
        } finally {
            permits.release();
        }
    }

    @Override protected void stopWorkers() { }

    /** Unlimited virtual threads: keep many blocking tasks in flight (a limit caps it as usual). */
    @Override protected int defaultBuffer() { return permits == null ? 1024 : super.defaultBuffer(); }
}
