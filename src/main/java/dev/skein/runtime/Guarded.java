package dev.skein.runtime;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A tiny non-reentrant read-write lock embedded in each mutable container, so one container
 * operation is atomic across threads without allocating a lock object per list or dict.
 *
 * <p>Rules that keep it deadlock-free: a critical section only touches the container's own
 * storage (never user code, never another container's lock, never I/O, never a second section
 * of the same container), so it never blocks — which is also why spinning is right here, even
 * for virtual threads.
 *
 * <p>Reads that fall back from an optimistic read, and whole-container reads (a slice, a search,
 * a snapshot), take the shared {@link #readLock}: it leaves the version alone, so readers never
 * invalidate each other's optimistic reads. When they took the exclusive lock, one reader's
 * fallback made every other reader's next optimistic read fail too, and all readers of a list
 * queued on its lock one element at a time, long after the writers had stopped.
 */
public abstract class Guarded {
    private static final VarHandle STATE;
    private static final VarHandle READERS;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(Guarded.class, "state", int.class);
            READERS = MethodHandles.lookup().findVarHandle(Guarded.class, "readers", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /**
     * Even: no writer; odd: a writer holds it. Every write lock and unlock moves it on by one, so
     * it is also a version: a reader that saw the same even value before and after reading saw
     * no write (a seqlock, as {@link java.util.concurrent.locks.StampedLock}'s optimistic reads).
     */
    private volatile int state;
    /** Threads inside a {@link #readLock} section; a writer that holds the state waits for them to leave. */
    private volatile int readers;

    /** The exclusive lock, for a write: waits out other writers, then the readers already in. */
    protected final void lock() {
        int s = state;
        if (!((s & 1) == 0 && STATE.compareAndSet(this, s, s + 1))) {
            int spins = 0;
            while (true) {
                s = state;
                if ((s & 1) == 0 && STATE.compareAndSet(this, s, s + 1)) break;
                spins = backOff(spins);
            }
        }
        // New readers see the odd state and stay out; these leave within one short section.
        for (int spins = 0; readers != 0; ) spins = backOff(spins);
    }

    protected final void unlock() {
        STATE.setRelease(this, (int) STATE.getOpaque(this) + 1);   // only the holder writes an odd state
    }

    /**
     * The shared lock, for a read that needs a consistent view: any number of readers at once,
     * no writer meanwhile. A writer that has taken the state goes first (readers back out), so
     * readers cannot keep a writer out for ever.
     */
    protected final void readLock() {
        int spins = 0;
        while (true) {
            if ((state & 1) == 0) {
                READERS.getAndAdd(this, 1);
                if ((state & 1) == 0) return;   // no writer got in before we were counted
                READERS.getAndAdd(this, -1);
            }
            spins = backOff(spins);
        }
    }

    protected final void readUnlock() {
        READERS.getAndAdd(this, -1);
    }

    private static int backOff(int spins) {
        if (spins < 100) Thread.onSpinWait();
        else Thread.yield();
        return spins + 1;
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
