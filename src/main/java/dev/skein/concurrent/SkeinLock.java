package dev.skein.concurrent;

import dev.skein.runtime.Builtin;
import dev.skein.runtime.Callable;
import dev.skein.runtime.Errors;
import dev.skein.runtime.ScopedResource;
import dev.skein.runtime.Seconds;
import dev.skein.runtime.SkeinError;
import dev.skein.runtime.ThreadState;
import dev.skein.runtime.Values;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/** {@code lock()}: a reentrant mutual-exclusion lock; {@code with l { … }} holds it for the block. */
public final class SkeinLock implements Values.Named, Values.MethodHost, ScopedResource {
    private final ReentrantLock lock = new ReentrantLock();

    /** Acquires, polling the thread's interrupt flag; false when the timeout passes first. */
    boolean acquire(ThreadState ts, Double timeout) {
        long deadline = Seconds.deadline(timeout);
        try {
            while (!lock.tryLock(Math.max(0, Math.min(50_000_000L, deadline - System.nanoTime())), TimeUnit.NANOSECONDS)) {
                ts.poll();
                if (deadline != Long.MAX_VALUE && System.nanoTime() >= deadline) return false;
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Errors.limit(dev.skein.runtime.ErrorKind.CANCELLED, "interrupted while waiting for a lock");
        }
    }

    void release() {
        if (!lock.isHeldByCurrentThread()) throw Errors.value("release() of a lock this thread does not hold");
        lock.unlock();
    }

    @Override public Object enter(ThreadState ts) {
        acquire(ts, null);
        return this;
    }

    @Override public void exit(ThreadState ts, SkeinError error) { release(); }

    @Override public String typeName() { return "lock"; }

    @Override public Callable method(String name) {
        return switch (name) {
            case "acquire" -> new Builtin("acquire", "timeout=?", (ts, a) -> acquire(ts, Seconds.optional(a[0])));
            case "release" -> new Builtin("release", "", (ts, a) -> { release(); return null; });
            case "locked" -> new Builtin("locked", "", (ts, a) -> lock.isLocked());
            default -> null;
        };
    }

    @Override public String toString() { return "<lock " + (lock.isLocked() ? "locked" : "unlocked") + ">"; }

    @Override public java.util.Collection<String> methodNames() { return java.util.List.of("acquire", "locked", "release"); }
}
