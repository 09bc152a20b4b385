package dev.skein.runtime;

/**
 * The Java exception that carries a Skein error through the interpreter. It records no Java
 * stack trace (it is control flow, and users never see Java frames); the Skein trace lives in
 * the {@link ErrorValue}.
 */
public final class SkeinError extends RuntimeException {
    private final ErrorValue value;

    public SkeinError(ErrorValue value) {
        super(value.headline(), null, false, false);
        this.value = value;
    }

    /** The frame that last added a trace entry, so each frame is recorded once while unwinding. */
    private Object tracedFrame;

    /** Whether this is a limit error (time, steps, memory, cancellation) that unwinds past every catch. */
    private boolean limit;

    public ErrorValue value() { return value; }

    /** Marks this error as a limit error: {@code catch} does not take it; finally blocks and with exits still run. */
    public SkeinError asLimit() {
        limit = true;
        return this;
    }

    public boolean isLimit() { return limit; }

    /**
     * Records {@code entry} for {@code frame} unless that frame is already in the trace; the
     * interpreter calls this at each node that can fail and at each call site while unwinding.
     */
    public SkeinError traceIn(Object frame, TraceEntry entry) {
        if (tracedFrame != frame) {
            tracedFrame = frame;
            value.addTrace(entry);
        }
        return this;
    }

    /** Marks the error as already traced in {@code frame} (a rethrow keeps its original trace). */
    public SkeinError tracedAt(Object frame) {
        tracedFrame = frame;
        return this;
    }

    public ErrorKind kind() { return value.kind(); }
}
