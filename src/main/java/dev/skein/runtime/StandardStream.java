package dev.skein.runtime;

/**
 * The builtins {@code stdout} and {@code stderr}: what {@code print(…, file=stderr)} writes to.
 * A stream names one of the engine's two sinks rather than holding it, so the same value means
 * the running engine's own output wherever it is used: the CLI's, the REPL's terminal, an
 * embedding host's writers, or a process worker's (which its pool forwards to the submitter's).
 */
public enum StandardStream implements Values.Named, Values.MethodHost {
    STDOUT("stdout"), STDERR("stderr");

    private final String builtinName;

    StandardStream(String builtinName) { this.builtinName = builtinName; }

    /** The builtin this stream is, which is also how it crosses to a process worker. */
    public String builtinName() { return builtinName; }

    /** The engine's sink this stream writes to. */
    public OutputSink sink(Interpreter interp) { return this == STDOUT ? interp.stdout() : interp.stderr(); }

    @Override public String typeName() { return "stream"; }

    @Override public Callable method(String name) {
        return switch (name) {
            case "write" -> new Builtin("write", "text", (ts, a) -> {
                if (!(a[0] instanceof String s)) throw Errors.type("write() argument must be str, not " + Values.typeName(a[0]));
                sink(ts.interp()).write(s);
                return (long) s.codePointCount(0, s.length());
            });
            case "flush" -> new Builtin("flush", "", (ts, a) -> {
                sink(ts.interp()).flush();
                return null;
            });
            default -> null;
        };
    }

    @Override public String toString() { return "<stream " + builtinName + ">"; }

    @Override public java.util.Collection<String> methodNames() { return java.util.List.of("flush", "write"); }
}
