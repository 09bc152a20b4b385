package dev.skein.stdlib.modules;

import dev.skein.runtime.Builtin;
import dev.skein.runtime.Callable;
import dev.skein.runtime.Signature;
import dev.skein.runtime.ThreadState;

/**
 * A method of a module-made value (a hash object, an HTTP response), bound to it. The signature
 * is parsed once per method name and shared; only the binding is allocated per lookup.
 */
final class BoundMethod implements Callable {
    private final Signature signature;
    private final String name;
    private final Builtin.Body body;

    BoundMethod(String name, Signature signature, Builtin.Body body) {
        this.name = name;
        this.signature = signature;
        this.body = body;
    }

    @Override public Object call(ThreadState ts, Object[] args, String[] kwNames) {
        return body.apply(ts, signature.bind(args, kwNames));
    }

    @Override public String name() { return name; }

    @Override public String toString() { return "<method " + name + ">"; }
}
