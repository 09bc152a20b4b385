package dev.skein.concurrent;

import dev.skein.runtime.Builtin;
import dev.skein.runtime.Callable;
import dev.skein.runtime.Errors;
import dev.skein.runtime.Seconds;
import dev.skein.runtime.ThreadState;
import dev.skein.runtime.Values;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** {@code queue(max=0)}: a thread-safe FIFO; {@code max} > 0 bounds it (put then blocks). */
public final class SkeinQueue implements Values.Named, Values.MethodHost {
    private final LinkedBlockingQueue<Object> items;

    public SkeinQueue(int max) {
        items = max > 0 ? new LinkedBlockingQueue<>(max) : new LinkedBlockingQueue<>();
    }

    // none cannot be stored in a LinkedBlockingQueue, so it travels as a marker.
    private static final Object NONE = new Object();

    void put(ThreadState ts, Object v, Double timeout) {
        long deadline = Seconds.deadline(timeout);
        Object item = v == null ? NONE : v;
        try {
            while (!items.offer(item, Math.max(0, Math.min(50_000_000L, deadline - System.nanoTime())), TimeUnit.NANOSECONDS)) {
                ts.poll();
                if (deadline != Long.MAX_VALUE && System.nanoTime() >= deadline) throw Errors.timeout("queue is full");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Errors.limit(dev.skein.runtime.ErrorKind.CANCELLED, "interrupted while putting into a queue");
        }
    }

    Object get(ThreadState ts, Double timeout) {
        long deadline = Seconds.deadline(timeout);
        try {
            while (true) {
                Object item = items.poll(Math.max(0, Math.min(50_000_000L, deadline - System.nanoTime())), TimeUnit.NANOSECONDS);
                if (item != null) return item == NONE ? null : item;
                ts.poll();
                if (deadline != Long.MAX_VALUE && System.nanoTime() >= deadline) throw Errors.timeout("queue is empty");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Errors.limit(dev.skein.runtime.ErrorKind.CANCELLED, "interrupted while reading a queue");
        }
    }

    @Override public String typeName() { return "queue"; }

    @Override public Callable method(String name) {
        return switch (name) {
            case "put" -> new Builtin("put", "value, timeout=?", (ts, a) -> { put(ts, a[0], Seconds.optional(a[1])); return null; });
            case "get" -> new Builtin("get", "timeout=?", (ts, a) -> get(ts, Seconds.optional(a[0])));
            case "size" -> new Builtin("size", "", (ts, a) -> (long) items.size());
            case "empty" -> new Builtin("empty", "", (ts, a) -> items.isEmpty());
            case "full" -> new Builtin("full", "", (ts, a) -> items.remainingCapacity() == 0);
            default -> null;
        };
    }

    @Override public String toString() { return "<queue size=" + items.size() + ">"; }

    @Override public java.util.Collection<String> methodNames() { return java.util.List.of("empty", "full", "get", "put", "size"); }
}
