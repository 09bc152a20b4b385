package dev.skein.concurrent;

import dev.skein.runtime.Builtin;
import dev.skein.runtime.Callable;
import dev.skein.runtime.Errors;
import dev.skein.runtime.Seconds;
import dev.skein.runtime.ThreadState;
import dev.skein.runtime.Values;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/** {@code event()}: a flag threads can wait for. */
public final class SkeinEvent implements Values.Named, Values.MethodHost {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private boolean set;

    boolean await(ThreadState ts, Double timeout) {
        long deadline = Seconds.deadline(timeout);
        lock.lock();
        try {
            while (!set) {
                long left = deadline - System.nanoTime();
                if (deadline != Long.MAX_VALUE && left <= 0) return false;
                changed.awaitNanos(Math.min(Math.max(left, 0), 50_000_000L));
                lock.unlock();
                try { ts.poll(); } finally { lock.lock(); }
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Errors.limit(dev.skein.runtime.ErrorKind.CANCELLED, "interrupted while waiting for an event");
        } finally {
            lock.unlock();
        }
    }

    void set(boolean value) {
        lock.lock();
        try {
            set = value;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    boolean isSet() {
        lock.lock();
        try { return set; } finally { lock.unlock(); }
    }

    @Override public String typeName() { return "event"; }

    @Override public Callable method(String name) {
        return switch (name) {
            case "set" -> new Builtin("set", "", (ts, a) -> { set(true); return null; });
            case "clear" -> new Builtin("clear", "", (ts, a) -> { set(false); return null; });
            case "is_set" -> new Builtin("is_set", "", (ts, a) -> isSet());
            case "wait" -> new Builtin("wait", "timeout=?", (ts, a) -> await(ts, Seconds.optional(a[0])));
            default -> null;
        };
    }

    @Override public String toString() { return "<event " + (isSet() ? "set" : "clear") + ">"; }

    @Override public java.util.Collection<String> methodNames() { return java.util.List.of("clear", "is_set", "set", "wait"); }
}
