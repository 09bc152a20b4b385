package dev.skein.runtime;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A tiny non-reentrant lock embedded in each mutable container, so one container operation is
 * atomic across threads without allocating a lock object per list or dict.
 *
 * <p>Rules that keep it deadlock-free: a critical section only touches the container's own
 * storage (never user code, never another container's lock, never I/O), so it is short and
 * never blocks — which is also why spinning is right here, even for virtual threads.
 */
public abstract class Guarded {
    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(Guarded.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /**
     * Even: free; odd: held. Every lock and unlock moves it on by one, so it is also a version:
     * a reader that saw the same even value before and after reading saw no write (a seqlock, as
     * {@link java.util.concurrent.locks.StampedLock}'s optimistic reads).
     */
    private volatile int state;

    protected final void lock() {
        int s = state;
        if ((s & 1) == 0 && STATE.compareAndSet(this, s, s + 1)) return;
        int spins = 0;
        while (true) {
            s = state;
            if ((s & 1) == 0 && STATE.compareAndSet(this, s, s + 1)) return;
            if (++spins < 100) Thread.onSpinWait();
            else Thread.yield();
        }
    }

    protected final void unlock() {
        STATE.setRelease(this, (int) STATE.getOpaque(this) + 1);   // only the holder writes an odd state
    }

    /**
     * The start of an optimistic read: plain reads of the container's fields made after this
     * call are consistent if {@link #unchangedSince} then says so (otherwise read under the lock).
     * It costs two ordinary loads where the lock costs an atomic instruction.
     */
    protected final int readStamp() {
        return (int) STATE.getAcquire(this);
    }

    /** Whether no writer held the lock at any time since {@code stamp} was taken. */
    protected final boolean unchangedSince(int stamp) {
        VarHandle.loadLoadFence();   // the reads being validated happen before the state is read again
        return (stamp & 1) == 0 && state == stamp;
    }
}
