package dev.skein.concurrent;

import dev.skein.runtime.ErrorValue;
import dev.skein.runtime.Interpreter;
import dev.skein.runtime.ThreadState;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code threads(n)}: platform threads that start as tasks arrive (a burst of submits to a fresh
 * pool does not queue behind one waking worker, and an idle thread is reused before a new one
 * starts), daemons (an unfinished pool never keeps the process alive), with deep stacks so tasks
 * recurse as deeply as the main script.
 */
public class ThreadTransport implements Transport {
    static final long WORKER_STACK_BYTES = 256L << 20;

    private final Interpreter interp;
    private final String threadName;
    private final AtomicInteger started = new AtomicInteger();
    private final WorkerInit init;   // null: none

    public ThreadTransport(Interpreter interp, String kind) {
        this(interp, kind, null);
    }

    /** {@code init}: run on each worker thread before its first task (null for none). */
    public ThreadTransport(Interpreter interp, String kind, WorkerInit init) {
        this.interp = interp;
        this.threadName = "skein-" + kind + "-";
        this.init = init;
    }

    /**
     * A map keeps 32 tasks per thread in flight: with fewer, small tasks leave the threads idle
     * between hand-overs and each one pays a park and a wake-up (bench/overhead_threads: 4-7 µs a
     * task at 8 in flight against about 1 µs at 64-128 on threads(2)).
     */
    @Override public int defaultBuffer(int size) { return Math.max(64, 32 * size); }

    @Override public Worker start(WorkerEvents events) {
        ThreadWorker w = new ThreadWorker(events);
        Thread t = new PoolThread(events.pool(), w::work, threadName + started.incrementAndGet(), WORKER_STACK_BYTES);
        t.setDaemon(true);
        t.start();
        return w;
    }

    /**
     * One platform thread taking the tasks the scheduler hands it, one at a time, through a
     * one-task slot (the scheduler never hands a busy worker another task): no queue node and no
     * lock per hand-over.
     */
    private final class ThreadWorker implements Worker {
        private final WorkerEvents events;
        private volatile Task slot;
        private volatile Thread thread;
        private volatile boolean retired;

        ThreadWorker(WorkerEvents events) { this.events = events; }

        @Override public void run(Task task) {
            slot = task;
            Thread t = thread;
            if (t != null) LockSupport.unpark(t);
        }

        /** It leaves at its next wake-up (within 200 ms), not at once: a pool's end stays cheap. */
        @Override public void retire() { retired = true; }

        /** With an init, it takes tasks once the init has run on its thread. */
        @Override public boolean readyAtStart() { return init == null; }

        @Override public String describe() { return "worker thread"; }

        void work() {
            thread = Thread.currentThread();
            if (init != null) {
                ErrorValue failed = init.run(interp, "worker thread " + thread.getName());
                if (failed != null) {
                    events.broken(WorkerInit.BROKEN, failed);
                    events.died(this, true);
                    return;
                }
                events.ready(this);
            }
            while (!retired) {
                Task t = slot;
                if (t == null) {
                    LockSupport.parkNanos(this, 200_000_000L);
                    continue;
                }
                slot = null;
                Thread.interrupted();   // a previous task's interrupt must not leak into this one
                t.runHere(new ThreadState(interp));
                events.finished(this, t, null, null, true);
            }
        }
    }
}
