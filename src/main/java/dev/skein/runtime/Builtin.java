package dev.skein.runtime;

/**
 * A function implemented in Java. The body receives the bound parameter slots (see
 * {@link Signature}); optional parameters the caller left out hold {@link Missing#MISSING}.
 */
public final class Builtin implements Callable {
    @FunctionalInterface
    public interface Body {
        Object apply(ThreadState ts, Object[] a);
    }

    private final String name;
    private final Signature signature;
    private final Body body;

    public Builtin(String name, String spec, Body body) {
        this(new Signature(name, spec), body);
    }

    /**
     * With a signature parsed once and shared: for methods of runtime objects, where a new
     * Builtin closing over its receiver is made at each lookup.
     */
    public Builtin(Signature signature, Body body) {
        this.name = signature.function();
        this.signature = signature;
        this.body = body;
    }

    @Override public Object call(ThreadState ts, Object[] args, String[] kwNames) {
        return body.apply(ts, signature.bind(args, kwNames));
    }

    @Override public String name() { return name; }

    public Signature signature() { return signature; }

    @Override public String parameters() { return signature.spec(); }

    /** The body, for callers that bind the slots themselves (see {@link Signature#fitsPositionally}). */
    public Body body() { return body; }

    @Override public String toString() { return "<builtin " + name + ">"; }
}
