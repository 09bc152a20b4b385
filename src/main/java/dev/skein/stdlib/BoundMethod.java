package dev.skein.stdlib;

import dev.skein.runtime.Builtin;
import dev.skein.runtime.Callable;
import dev.skein.runtime.ThreadState;

/** A built-in type's method together with its receiver, as {@code getattr("a b", "split")} returns it. */
final class BoundMethod implements Callable {
    private final Object self;
    private final Builtin method;

    BoundMethod(Object self, Builtin method) {
        this.self = self;
        this.method = method;
    }

    @Override public Object call(ThreadState ts, Object[] args, String[] kwNames) {
        Object[] withSelf = new Object[args.length + 1];
        withSelf[0] = self;
        System.arraycopy(args, 0, withSelf, 1, args.length);
        return method.call(ts, withSelf, kwNames);
    }

    @Override public String name() { return method.name(); }

    @Override public String toString() { return "<method " + method.name() + ">"; }
}
