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

    /**
     * A body of one to three slots that takes them one by one instead of in an array: a call
     * with positional arguments (compiled code, {@link #call}, {@link #callWithSelf}) then
     * allocates nothing for its arguments. {@link #apply3} is the one entry every such body has,
     * so a compiled call site makes one call whatever the arity: the slots past the body's own
     * count are passed as {@link Missing#MISSING} and ignored. The array form is only for
     * callers that bound the slots already.
     */
    public interface Positional extends Body {
        Object apply3(ThreadState ts, Object a0, Object a1, Object a2);
    }

    /** A body of one slot. */
    @FunctionalInterface
    public interface Body1 extends Positional {
        Object apply1(ThreadState ts, Object a0);

        @Override default Object apply(ThreadState ts, Object[] a) { return apply1(ts, a[0]); }

        @Override default Object apply3(ThreadState ts, Object a0, Object a1, Object a2) { return apply1(ts, a0); }
    }

    /** A body of two slots. */
    @FunctionalInterface
    public interface Body2 extends Positional {
        Object apply2(ThreadState ts, Object a0, Object a1);

        @Override default Object apply(ThreadState ts, Object[] a) { return apply2(ts, a[0], a[1]); }

        @Override default Object apply3(ThreadState ts, Object a0, Object a1, Object a2) { return apply2(ts, a0, a1); }
    }

    /** A body of three slots. */
    @FunctionalInterface
    public interface Body3 extends Positional {
        @Override Object apply3(ThreadState ts, Object a0, Object a1, Object a2);

        @Override default Object apply(ThreadState ts, Object[] a) { return apply3(ts, a[0], a[1], a[2]); }
    }

    private final String name;
    private final Signature signature;
    private final Body body;
    /** The slot count when the body takes its slots one by one ({@link Body1} … {@link Body3}); else 0. */
    private final int arity;

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
        this.arity = arityOf(body);
        if (arity != 0 && arity != signature.size()) {
            throw new IllegalArgumentException(name + ": a body of " + arity + " slots for " + signature.size() + " parameters");
        }
    }

    /** How many slots {@code body} takes one by one (1 to 3; see {@link Positional}), or 0 when it takes an array. */
    public static int arityOf(Body body) {
        return body instanceof Body1 ? 1 : body instanceof Body2 ? 2 : body instanceof Body3 ? 3 : 0;
    }

    @Override public Object call(ThreadState ts, Object[] args, String[] kwNames) {
        if (arity != 0 && kwNames == null && signature.fitsPositionally(args.length)) return applyPadded(args, 0, null, ts);
        return body.apply(ts, signature.bind(args, kwNames));
    }

    /** {@code self.name(args)}: this method called with its receiver before {@code args}, without an array for both when it can. */
    public Object callWithSelf(ThreadState ts, Object self, Object[] args, String[] kwNames) {
        if (arity != 0 && kwNames == null && signature.fitsPositionally(args.length + 1)) return applyPadded(args, 1, self, ts);
        Object[] withSelf = new Object[args.length + 1];
        withSelf[0] = self;
        System.arraycopy(args, 0, withSelf, 1, args.length);
        return call(ts, withSelf, kwNames);
    }

    /** The fixed-arity body called with {@code self} (when {@code skip} is 1) and then {@code args}, the missing optional slots padded. */
    private Object applyPadded(Object[] args, int skip, Object self, ThreadState ts) {
        Object a0 = skip == 1 ? self : slot(args, 0), a1 = slot(args, 1 - skip), a2 = slot(args, 2 - skip);
        return ((Positional) body).apply3(ts, a0, a1, a2);
    }

    private static Object slot(Object[] args, int i) { return i < args.length ? args[i] : Missing.MISSING; }

    @Override public String name() { return name; }

    public Signature signature() { return signature; }

    @Override public String parameters() { return signature.spec(); }

    /** The body, for callers that bind the slots themselves (see {@link Signature#fitsPositionally}). */
    public Body body() { return body; }

    /** The slot count of a body that takes its slots one by one, else 0 (see {@link Positional}). */
    public int arity() { return arity; }

    @Override public String toString() { return "<builtin " + name + ">"; }
}
