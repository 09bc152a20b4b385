package dev.skein.runtime;

/**
 * Per-thread interpreter state: the call depth, the interrupt flag polled at loop back-edges
 * and calls, and the step budget. One instance is used by exactly one thread at a time; other
 * threads only call {@link #interrupt}.
 */
public final class ThreadState {
    private final Interpreter interp;
    private final int recursionLimit;
    private int depth;
    private volatile SkeinError pendingInterrupt;
    private long stepsLeft;

    /** The task this thread is running (a concurrent-layer object), or null on the main thread. */
    private Object task;
    /** Pools opened by enclosing {@code with} blocks, innermost last (concurrent-layer objects). */
    private final java.util.ArrayDeque<Object> scopedPools = new java.util.ArrayDeque<>();
    /** The strings this thread indexed lately, with where their code points are. */
    private final CodePoints.Cache codePoints = new CodePoints.Cache();

    public ThreadState(Interpreter interp) {
        this.interp = interp;
        this.recursionLimit = interp.recursionLimit();
        this.stepsLeft = interp.stepBudget();
    }

    public Interpreter interp() { return interp; }

    CodePoints.Cache codePoints() { return codePoints; }

    /** Called at loop back-edges and calls: cheap unless an interrupt is pending. */
    public void poll() {
        if (pendingInterrupt != null || --stepsLeft < 0) slowPoll();
    }

    private void slowPoll() {
        SkeinError e = pendingInterrupt;
        if (e != null) throw Errors.of(e.kind(), e.value().message());
        if (stepsLeft < 0) {
            stepsLeft = Long.MAX_VALUE;  // report once; further steps run so finally blocks can finish
            throw Errors.of(ErrorKind.CANCELLED, "the step budget of " + interp.stepBudget() + " steps is used up");
        }
    }

    /**
     * Asks the thread to stop at its next poll with an error of this kind (CancelledError,
     * TimeoutError). The request stays set, so a script that catches the error is stopped again
     * at its next poll.
     */
    public void interrupt(ErrorKind kind, String message) {
        pendingInterrupt = Errors.of(kind, message);
    }

    public boolean isInterrupted() { return pendingInterrupt != null; }

    public void clearInterrupt() { pendingInterrupt = null; }

    public SkeinError pendingInterrupt() { return pendingInterrupt; }

    public int depth() { return depth; }

    public Object task() { return task; }

    public void setTask(Object t) { task = t; }

    public void pushPool(Object pool) { scopedPools.addLast(pool); }

    public void popPool(Object pool) { scopedPools.removeLastOccurrence(pool); }

    /** The innermost {@code with} pool of this thread, or null. */
    public Object scopedPool() { return scopedPools.peekLast(); }

    /** Enters a call; raises RecursionError past the limit. Pair with {@link #exit()}. */
    public void enter() {
        if (++depth > recursionLimit) {
            depth--;
            throw Errors.of(ErrorKind.RECURSION, "maximum recursion depth exceeded (limit " + recursionLimit + ")");
        }
        if (pendingInterrupt != null || --stepsLeft < 0) slowPoll();
    }

    public void exit() { depth--; }

    /** Calls a Skein value with positional arguments (for builtins that take callbacks). */
    public Object call(Object callee, Object... args) {
        return Values.call(this, callee, args, null);
    }
}
