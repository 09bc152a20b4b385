package dev.skein.embed;

import dev.skein.runtime.Callable;
import java.util.List;
import java.util.Map;

/**
 * A Skein function (or anything callable: a record type, a builtin, a host function) handed to
 * Java. Calling it converts the arguments to Skein and the result back. Passing the handle back
 * to Skein gives the function itself. Safe to call from any thread; a call made while a host
 * function runs on the same thread continues that call's Skein thread state.
 */
public final class SkeinFunction {
    private final Callable callable;
    private final Link link;

    SkeinFunction(Callable callable, Link link) {
        this.callable = callable;
        this.link = link;
    }

    /** The function's name as Skein shows it. */
    public String name() { return callable.name(); }

    /** Calls the function with positional arguments. */
    public Object call(Object... args) {
        Object[] skeinArgs = new Object[args.length];
        for (int i = 0; i < args.length; i++) skeinArgs[i] = ValueConverter.toSkein(args[i]);
        return link.toJava(link.call(callable, skeinArgs, null));
    }

    /** Calls the function with positional and keyword arguments ({@code f(1, key = "x")}). */
    public Object callWithKeywords(List<?> args, Map<String, ?> keywords) {
        Object[] all = new Object[args.size() + keywords.size()];
        String[] names = keywords.isEmpty() ? null : new String[keywords.size()];
        int i = 0;
        for (Object a : args) all[i++] = ValueConverter.toSkein(a);
        int k = 0;
        for (Map.Entry<String, ?> e : keywords.entrySet()) {
            names[k++] = e.getKey();
            all[i++] = ValueConverter.toSkein(e.getValue());
        }
        return link.toJava(link.call(callable, all, names));
    }

    Callable callable() { return callable; }

    @Override public boolean equals(Object o) { return o instanceof SkeinFunction f && f.callable == callable; }

    @Override public int hashCode() { return System.identityHashCode(callable); }

    @Override public String toString() { return callable.toString(); }
}
