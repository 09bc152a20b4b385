package dev.skein.concurrent;

import dev.skein.runtime.Arith;
import dev.skein.runtime.Builtin;
import dev.skein.runtime.Callable;
import dev.skein.runtime.Convert;
import dev.skein.runtime.Missing;
import dev.skein.runtime.Values;
import java.util.concurrent.atomic.AtomicReference;

/** {@code atomic(value)}: a shared cell with atomic read-modify-write ({@code add}, {@code update}). */
public final class SkeinAtomic implements Values.Named, Values.MethodHost {
    private final AtomicReference<Object> ref;

    public SkeinAtomic(Object initial) { ref = new AtomicReference<>(initial); }

    @Override public String typeName() { return "atomic"; }

    @Override public Callable method(String name) {
        return switch (name) {
            case "get" -> new Builtin("get", "", (ts, a) -> ref.get());
            case "set" -> new Builtin("set", "value", (ts, a) -> { ref.set(a[0]); return null; });
            case "add" -> new Builtin("add", "n=?", (ts, a) -> {
                Object n = Missing.is(a[0]) ? (Object) 1L : a[0];
                while (true) {
                    Object old = ref.get();
                    Object updated = Arith.add(old, n);
                    if (ref.compareAndSet(old, updated)) return updated;
                }
            });
            case "compare_and_set" -> new Builtin("compare_and_set", "expected, value", (ts, a) -> {
                while (true) {
                    Object old = ref.get();
                    if (!Values.eq(old, a[0])) return false;
                    if (ref.compareAndSet(old, a[1])) return true;
                }
            });
            case "update" -> new Builtin("update", "fn", (ts, a) -> {
                while (true) {
                    Object old = ref.get();
                    Object updated = ts.call(a[0], old);
                    if (ref.compareAndSet(old, updated)) return updated;
                }
            });
            default -> null;
        };
    }

    @Override public String toString() { return "atomic(" + Convert.repr(ref.get()) + ")"; }

    @Override public java.util.Collection<String> methodNames() { return java.util.List.of("add", "compare_and_set", "get", "set", "update"); }
}
