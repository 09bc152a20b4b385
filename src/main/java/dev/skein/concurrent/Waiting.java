package dev.skein.concurrent;

import dev.skein.runtime.ErrorKind;
import dev.skein.runtime.Errors;
import dev.skein.runtime.Seconds;
import dev.skein.runtime.SkeinList;
import dev.skein.runtime.ThreadState;
import dev.skein.runtime.Values;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code await} and friends. Two rules keep waits from hanging: a worker that awaits a task
 * still queued runs it itself (so a saturated pool cannot starve its own tasks), and a wait that
 * would close a cycle of tasks awaiting each other raises DeadlockError instead of blocking.
 */
public final class Waiting {
    private Waiting() {}

    /** {@code await v [timeout t]}: a future's value, or a list of futures' values. */
    public static Object await(ThreadState ts, Object v, Double timeout) {
        return await(ts, v, timeout, null);
    }

    public static Object await(ThreadState ts, Object v, Double timeout, String site) {
        long deadline = Seconds.deadline(timeout);
        if (v instanceof Future f) return awaitOne(ts, f, deadline, timeout, site);
        if (v instanceof SkeinList list) {
            Object[] items = list.snapshot();
            for (Object item : items) {
                if (!(item instanceof Future)) throw Errors.type("await needs futures, but the list holds " + Values.typeName(item));
            }
            Object[] out = new Object[items.length];
            for (int i = 0; i < items.length; i++) out[i] = awaitOne(ts, (Future) items[i], deadline, timeout, site);
            return SkeinList.wrap(out);
        }
        throw Errors.type("await needs a future or a list of futures, not " + Values.typeName(v));
    }

    private static Object awaitOne(ThreadState ts, Future f, long deadline, Double timeout, String site) {
        if (!awaitDone(ts, f, deadline, site)) {
            throw Errors.timeout(f.describe() + " is not done after " + Seconds.show(timeout) + " (it keeps running)");
        }
        ts.checkStopped();   // the awaiter's own stop wins over the task's error it may have caused
        return f.outcome();
    }

    /** Waits for completion with a timeout in seconds (null: forever); false on timeout. */
    static boolean awaitDone(ThreadState ts, Future f, Double timeout) {
        return awaitDone(ts, f, Seconds.deadline(timeout), null);
    }

    static boolean awaitDone(ThreadState ts, Future f, long deadline, String site) {
        TaskTrace trace = f.pool().registry().trace();
        if (trace == null) return awaitUntraced(ts, f, deadline, site);
        if (f.isDone()) {
            trace.awaitedDone(f);
            return true;
        }
        long start = System.nanoTime();
        boolean done = false;
        try {
            done = awaitUntraced(ts, f, deadline, site);
            return done;
        } finally {
            trace.awaited(f, start, done);
        }
    }

    private static boolean awaitUntraced(ThreadState ts, Future f, long deadline, String site) {
        if (f.isDone()) return true;
        Future me = ts.task() instanceof Future t ? t : null;
        if (me != null && f.isPending() && f.pool().canRunInline()) {
            // Run the queued task right here, on this thread's own state: cancelling or timing
            // out the waiting task then stops the inline one too, and the wait-for edge stays
            // recorded so a cycle through the inline task is still found.
            enterWait(me, f, site);
            java.util.concurrent.atomic.AtomicBoolean overran = new java.util.concurrent.atomic.AtomicBoolean();
            java.util.concurrent.ScheduledFuture<?> bound = deadline == Long.MAX_VALUE ? null
                    : me.pool().registry().schedule(Math.max(0, deadline - System.nanoTime()), () -> overran.set(f.stopInline(ts)));
            try {
                if (f.tryClaim(ts)) {
                    f.runClaimed(ts);
                    if (bound != null) bound.cancel(false);
                    // An interrupt aimed only at the inline task (its cancel or timeout, or this
                    // await's) must not outlive it and stop the task that ran it.
                    if (!me.isCancelRequested() && !me.isTimedOut()) ts.clearInterrupt();
                    if (overran.get()) {
                        throw Errors.timeout(f.describe() + " is not done: it ran inline in this await, which stopped it when the timeout passed");
                    }
                    return true;
                }
            } finally {
                if (bound != null) bound.cancel(false);
                leaveWait(me);
            }
        }
        if (me == null) return f.awaitDone(ts, deadline);
        enterWait(me, f, site);
        try {
            return f.awaitDone(ts, deadline);
        } finally {
            leaveWait(me);
        }
    }

    private static void enterWait(Future me, Future target, String site) {
        PoolRegistry reg = me.pool().registry();
        reg.graphLock.lock();
        try {
            List<Future> chain = new ArrayList<>();
            chain.add(me);
            for (Future cur = target; cur != null && chain.size() < 10_000; cur = cur.waitingOn) {
                if (cur == me) {
                    throw Errors.of(ErrorKind.DEADLOCK, describeCycle(chain, site));
                }
                chain.add(cur);
            }
            me.waitingOn = target;
            me.waitSite = site;
        } finally {
            reg.graphLock.unlock();
        }
    }

    private static void leaveWait(Future me) {
        PoolRegistry reg = me.pool().registry();
        reg.graphLock.lock();
        try {
            me.waitingOn = null;
            me.waitSite = null;
        } finally {
            reg.graphLock.unlock();
        }
    }

    private static String describeCycle(List<Future> chain, String site) {
        StringBuilder sb = new StringBuilder("tasks await each other in a cycle and would wait forever: ");
        for (int i = 0; i < chain.size(); i++) {
            Future f = chain.get(i);
            sb.append(f.describe());
            String at = i == 0 ? site : f.waitSite;
            Future next = i + 1 < chain.size() ? chain.get(i + 1) : chain.get(0);
            sb.append(" awaits task ").append(next.id());
            if (at != null) sb.append(" at ").append(at);
            sb.append(i + 1 < chain.size() ? "; " : "");
        }
        return sb.toString();
    }

    /**
     * One slice of a wait on {@code c} (its lock held): at most {@code nanos}, then the waiter's
     * stop request, if any, raised with the lock let go, so a cancelled waiter stops.
     */
    static void awaitSlice(java.util.concurrent.locks.ReentrantLock lock, java.util.concurrent.locks.Condition c, long nanos,
                           ThreadState waiter) throws InterruptedException {
        c.awaitNanos(nanos);
        if (waiter != null && waiter.isInterrupted()) {
            lock.unlock();
            try { waiter.poll(); } finally { lock.lock(); }
        }
    }
}
