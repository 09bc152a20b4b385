package dev.skein.concurrent;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * {@code threads(n)}: n platform threads sharing one queue. Threads start on demand, are
 * daemons (an unfinished pool never keeps the process alive) and have deep stacks, so tasks can
 * recurse as deeply as the main script.
 */
public class ThreadPool extends Pool {
    static final long WORKER_STACK_BYTES = 256L << 20;

    private final LinkedBlockingQueue<Future> queue = new LinkedBlockingQueue<>();
    private final ReentrantLock startLock = new ReentrantLock();
    private final List<Thread> workers = new ArrayList<>();
    private volatile boolean stopping;
    /** Permits for workers that went idle; a submit takes one instead of starting a thread (as Python's pool does). */
    private final java.util.concurrent.Semaphore idle = new java.util.concurrent.Semaphore(0);

    public ThreadPool(PoolRegistry registry, int size) { this(registry, "threads", size); }

    protected ThreadPool(PoolRegistry registry, String kind, int size) {
        super(registry, kind, size);
    }

    @Override protected void schedule(Future f, Object prepared) {
        queue.add(f);
        if (idle.tryAcquire()) return;   // an idle worker will take it
        startLock.lock();
        try {
            // No idle worker: start one, up to the pool's size (a burst of submits to a fresh
            // pool must not queue behind a single waking worker).
            if (workers.size() < size()) {
                int n = workers.size() + 1;
                Thread t = new Thread(null, this::work, "skein-" + kind() + "-" + n, WORKER_STACK_BYTES);
                t.setDaemon(true);
                workers.add(t);
                t.start();
            }
        } finally {
            startLock.unlock();
        }
    }

    private void work() {
        while (!stopping) {
            Future f;
            try {
                f = queue.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (f != null) {
                Thread.interrupted();  // a previous task's interrupt must not leak into this one
                runOnThisThread(f);
                if (queue.isEmpty() && idle.availablePermits() < size()) idle.release();
            }
        }
    }

    @Override protected void stopWorkers() { stopping = true; }
}
