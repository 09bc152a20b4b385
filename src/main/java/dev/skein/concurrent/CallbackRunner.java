package dev.skein.concurrent;

import dev.skein.runtime.ThreadState;

import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Runs the {@code on_done} callbacks of tasks whose outcome arrived from outside this process
 * (a worker's result read by its reader thread, a task failed by the scheduler), one at a time
 * and in order, on a thread of its own. Run on the reader thread, a callback that awaits another
 * task of the same pool would stop the only thread that can read that task's result: CPython's
 * process pool hangs exactly so. Its thread starts when there is work and ends when there is none.
 */
final class CallbackRunner {
    private final String name;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition idle = lock.newCondition();
    private final ArrayDeque<Runnable> queue = new ArrayDeque<>();
    private boolean running;   // a thread is draining the queue
    private volatile Thread drainer;

    CallbackRunner(String name) { this.name = name; }

    void run(Runnable callbacks) {
        lock.lock();
        try {
            queue.addLast(callbacks);
            if (running) return;
            running = true;
        } finally {
            lock.unlock();
        }
        Thread t = new Thread(this::drain, name);
        t.setDaemon(true);
        t.start();
    }

    private void drain() {
        drainer = Thread.currentThread();
        while (true) {
            Runnable next;
            lock.lock();
            try {
                next = queue.pollFirst();
                if (next == null) {
                    running = false;
                    drainer = null;
                    idle.signalAll();
                    return;
                }
            } finally {
                lock.unlock();
            }
            next.run();   // never throws: a callback's error is reported by the future
        }
    }

    boolean isIdle() {
        lock.lock();
        try { return !running; } finally { lock.unlock(); }
    }

    /**
     * Waits until every queued callback has run, polling the waiter's interrupt flag. A callback
     * that waits for its own pool waits for the other callbacks' tasks, not for itself.
     * Returns whether it waited (false: nothing was running, or this is the callback thread).
     */
    boolean awaitIdle(ThreadState waiter) {
        if (Thread.currentThread() == drainer) return false;
        lock.lock();
        try {
            if (!running) return false;
            while (running) {
                Waiting.awaitSlice(lock, idle, TimeUnit.MILLISECONDS.toNanos(50), waiter);
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            lock.unlock();
        }
    }
}
