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

    @SuppressWarnings("unused") private volatile int state;

    protected final void lock() {
        if (STATE.compareAndSet(this, 0, 1)) return;
        int spins = 0;
        while (!STATE.compareAndSet(this, 0, 1)) {
            if (++spins < 100) Thread.onSpinWait();
            else Thread.yield();
        }
    }

    protected final void unlock() {
        STATE.setRelease(this, 0);
    }
}
