package dev.skein.embed;

import dev.skein.runtime.Arith;
import dev.skein.runtime.Convert;
import dev.skein.runtime.Errors;
import dev.skein.runtime.Interpreter;
import dev.skein.runtime.ThreadState;
import dev.skein.runtime.Values;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One call of a {@link HostFunction}: its arguments as Java values, plus what a host function
 * may need from the running script (cancellation checks, output, calling back Skein functions
 * it was given). Valid only while the host function runs, on the thread that called it.
 */
public final class HostCall {
    private final HostFunction function;
    private final ThreadState ts;
    private final Object[] args;
    private final String[] kwNames;
    private final int positional;
    private final Thread thread = Thread.currentThread();
    private final Link link;
    private volatile boolean active = true;

    HostCall(HostFunction function, ThreadState ts, Object[] args, String[] kwNames) {
        this.function = function;
        this.ts = ts;
        this.args = args;
        this.kwNames = kwNames;
        this.positional = args.length - (kwNames == null ? 0 : kwNames.length);
        Interpreter interp = ts.interp();
        this.link = new Link(interp, SkeinSession.of(interp), new Link.Origin() {
            @Override public boolean isActiveOnThisThread() { return HostCall.this.isActiveOnThisThread(); }

            @Override public ThreadState threadState() { return ts; }
        });
    }

    /** The number of positional arguments. */
    public int size() { return positional; }

    /** Positional argument {@code i} (from 0) as a Java value; a TypeError in the script if it is missing. */
    public Object arg(int i) {
        if (i < 0 || i >= positional) {
            throw Errors.type(function.name() + "() takes at least " + (i + 1) + " argument" + (i == 0 ? "" : "s")
                    + " (" + positional + " given)");
        }
        return link.toJava(args[i]);
    }

    /** Positional argument {@code i}, or {@code fallback} when the caller passed fewer. */
    public Object arg(int i, Object fallback) { return i < positional ? link.toJava(args[i]) : fallback; }

    /** Positional argument {@code i}, which must be a str. */
    public String stringArg(int i) {
        Object v = raw(i);
        if (v instanceof String s) return s;
        throw Errors.type(function.name() + "() argument " + (i + 1) + " must be str, not " + Values.typeName(v));
    }

    /** Positional argument {@code i}, which must be an int that fits in a long. */
    public long longArg(int i) {
        Object v = raw(i);
        if (v instanceof Long l) return l;
        throw Errors.type(function.name() + "() argument " + (i + 1) + " must be int, not " + Values.typeName(v));
    }

    /** Positional argument {@code i}, which must be a number (int or float). */
    public double doubleArg(int i) {
        Object v = raw(i);
        if (v instanceof Boolean || !Arith.isNumber(v)) {
            throw Errors.type(function.name() + "() argument " + (i + 1) + " must be a number, not " + Values.typeName(v));
        }
        return Convert.toDouble(v, "argument " + (i + 1));
    }

    private Object raw(int i) {
        arg(i);  // the "missing argument" check
        return args[i];
    }

    /** Every positional argument as Java values. */
    public List<Object> args() {
        List<Object> out = new ArrayList<>(positional);
        for (int i = 0; i < positional; i++) out.add(link.toJava(args[i]));
        return out;
    }

    /** The keyword arguments ({@code f(x, limit = 3)}) as Java values, in call order. */
    public Map<String, Object> kwargs() {
        if (kwNames == null) return Map.of();
        Map<String, Object> out = new LinkedHashMap<>();
        for (int k = 0; k < kwNames.length; k++) out.put(kwNames[k], link.toJava(args[positional + k]));
        return Collections.unmodifiableMap(out);
    }

    /** Keyword argument {@code name}, or {@code fallback} when the caller did not pass it. */
    public Object kwarg(String name, Object fallback) {
        if (kwNames != null) {
            for (int k = 0; k < kwNames.length; k++) if (kwNames[k].equals(name)) return link.toJava(args[positional + k]);
        }
        return fallback;
    }

    /**
     * Stops here with CancelledError or TimeoutError if the host cancelled the script or its time
     * limit passed. Long-running host functions should call it now and then.
     */
    public void checkCancelled() {
        if (ts.isInterrupted()) ts.poll();
    }

    /** True once the script was asked to stop (by {@code cancel()} or the time limit). */
    public boolean isCancelled() { return ts.isInterrupted(); }

    /** Writes text to the script's stdout (the host's writer for it), as {@code print} does. */
    public void print(String text) { ts.interp().stdout().write(text); }

    /** Calls a Skein function (a {@link SkeinFunction} the script passed in) on this thread. */
    public Object call(Object function, Object... callArgs) {
        Object callee = ValueConverter.toSkein(function);
        if (!(callee instanceof dev.skein.runtime.Callable c)) {
            throw Errors.type("'" + Values.typeName(callee) + "' object is not callable");
        }
        Object[] skeinArgs = new Object[callArgs.length];
        for (int i = 0; i < callArgs.length; i++) skeinArgs[i] = ValueConverter.toSkein(callArgs[i]);
        return link.toJava(link.call(c, skeinArgs, null));
    }

    /** The name the script called this function by. */
    public String functionName() { return function.name(); }

    /** The session the call runs in, or null in a process-pool worker. */
    public SkeinSession session() { return link.session; }

    ThreadState threadState() { return ts; }

    boolean isActiveOnThisThread() { return active && Thread.currentThread() == thread; }

    void finish() { active = false; }
}
