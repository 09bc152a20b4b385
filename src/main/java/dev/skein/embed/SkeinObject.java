package dev.skein.embed;

import dev.skein.runtime.Convert;
import dev.skein.runtime.Values;

/**
 * A Skein value with no Java counterpart (a pool, a future, an error, a range, a module, a
 * lock…) handed to Java. The host can read its type, print it, or pass it back to Skein, where
 * it is the same value again.
 */
public final class SkeinObject {
    private final Object value;
    private final Link link;

    SkeinObject(Object value, Link link) {
        this.value = value;
        this.link = link;
    }

    /** The Skein type name, as {@code type(x)} returns it ("future", "pool", "range", "error", …). */
    public String typeName() { return Values.typeName(value); }

    /** Calls a method of the value ({@code fut.result()}), converting arguments and the result. */
    public Object callMethod(String name, Object... args) {
        Object[] skeinArgs = new Object[args.length];
        for (int i = 0; i < args.length; i++) skeinArgs[i] = ValueConverter.toSkein(args[i]);
        return link.toJava(link.call(new MethodCall(value, name), skeinArgs, null));
    }

    Object value() { return value; }

    @Override public boolean equals(Object o) { return o instanceof SkeinObject s && s.value == value; }

    @Override public int hashCode() { return System.identityHashCode(value); }

    /** The value as Skein's {@code repr} shows it. */
    @Override public String toString() { return Convert.repr(value); }

    /** {@code recv.name(…)} as a callable, so it runs through the same entry as function calls. */
    private record MethodCall(Object receiver, String method) implements dev.skein.runtime.Callable {
        @Override public Object call(dev.skein.runtime.ThreadState ts, Object[] args, String[] kwNames) {
            return Values.callMethod(ts, receiver, method, args, kwNames);
        }

        @Override public String name() { return method; }
    }
}
