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
    /** Steps left in the current slice; a slice ends in {@link #slowPoll}, which refills it from {@link #budgetLeft}. */
    private long stepsLeft;
    /** Steps of the budget not yet handed to a slice. */
    private long budgetLeft;
    /** Whether the budget ran out (then only {@link #CLEANUP_STEPS} more are given, for finally blocks). */
    private boolean budgetSpent;
    /** Whether a Java interrupt of this thread stops it (an embedded entry on a host thread). */
    private boolean watchHostInterrupt;
    /** Whether the steps are handed out in slices of {@link #SLICE} (see {@link #sliceSteps}). */
    private boolean sliced;
    /** The memory limit this thread works under now (its entry's), or null. */
    private MemoryBudget memory;
    /** This thread's allocation counter when it last charged {@link #memory}. */
    private long allocationMark;
    /** The limit error that stopped this thread, or null (see {@link #stoppedBy()}). */
    private volatile SkeinError stoppedBy;

    /** Steps between two looks at the host thread's interrupt flag, when it is watched. */
    private static final long SLICE = 1 << 16;
    /** Steps between two charges of a memory limit: what one slice allocates is the most it is overshot by. */
    private static final long MEMORY_SLICE = 1 << 12;
    /** Steps finally blocks and {@code with} exits may still take once the budget is used up. */
    private static final long CLEANUP_STEPS = 10_000;

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
        if (interp.memoryLimit() > 0) sliceSteps();
    }

    /** Makes {@link #slowPoll} run every {@link #SLICE} steps, for the checks that need it. */
    private void sliceSteps() {
        if (sliced) return;
        sliced = true;
        budgetLeft = stepsLeft;
        stepsLeft = 0;
    }

    /**
     * Makes a Java {@link Thread#interrupt()} of the running thread cancel it at its next poll
     * (an embedded entry running on the host's thread). The thread's interrupt flag stays set.
     */
    public void watchHostInterrupt() {
        watchHostInterrupt = true;
        sliceSteps();
    }

    public Interpreter interp() { return interp; }

    CodePoints.Cache codePoints() { return codePoints; }

    /** Called at loop back-edges and calls: cheap unless an interrupt is pending. */
    public void poll() {
        if (pendingInterrupt != null || --stepsLeft < 0) slowPoll();
    }

    private void slowPoll() {
        SkeinError e = pendingInterrupt;
        if (e != null) throw stop(e.kind(), e.value().message());
        if (stepsLeft >= 0) return;
        if (memory != null) chargeMemory(true);
        if (watchHostInterrupt && Thread.currentThread().isInterrupted()) {
            interrupt(ErrorKind.CANCELLED, "the host thread was interrupted");
            throw stop(ErrorKind.CANCELLED, "the host thread was interrupted");
        }
        if (budgetLeft > 0) {
            long slice = sliced ? Math.min(memory != null ? MEMORY_SLICE : SLICE, budgetLeft) : budgetLeft;
            budgetLeft -= slice;
            stepsLeft += slice;
            if (stepsLeft >= 0) return;
        }
        if (!budgetSpent) {
            budgetSpent = true;
            stepsLeft = CLEANUP_STEPS;  // finally blocks and with exits may still tidy up a little
        } else {
            stepsLeft = 0;              // every further step stops again
        }
        throw stop(ErrorKind.STEP_LIMIT, "the step budget of " + interp.stepBudget() + " steps is used up");
    }

    /** A limit error that unwinds this thread: no {@code catch} takes it; remembered for the entry's host. */
    private SkeinError stop(ErrorKind kind, String message) {
        SkeinError e = Errors.limit(kind, message);
        stoppedBy = e;
        return e;
    }

    /**
     * Raises this thread's pending stop request, if any, as a limit error. Waits call it when
     * they wake, so an error that ended the wait does not hide the waiter's own stop.
     */
    public void checkStopped() {
        if (pendingInterrupt != null) slowPoll();
    }

    /** The limit error (time, steps, cancellation, memory) that stopped this thread, or null. */
    public SkeinError stoppedBy() { return stoppedBy; }

    /**
     * Asks the thread to stop at its next poll with an error of this kind (CancelledError,
     * TimeoutError). The error is a limit error that no {@code catch} takes; the request stays
     * set, so loops in finally blocks are stopped again at their next poll.
     */
    public void interrupt(ErrorKind kind, String message) {
        pendingInterrupt = Errors.of(kind, message);
        for (ThreadState f : followers) f.interrupt(kind, message);
    }

    /**
     * Thread states that run on this one's behalf elsewhere (the {@code on_done} callbacks it
     * registered) and are stopped with it: a stop request of this thread reaches them too.
     */
    private final java.util.List<ThreadState> followers = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Makes {@code other} follow this thread's stop requests (at once, when one is pending) until {@link #release}. */
    public void lead(ThreadState other) {
        followers.add(other);
        SkeinError e = pendingInterrupt;
        if (e != null) other.interrupt(e.kind(), e.value().message());
    }

    public void release(ThreadState other) { followers.remove(other); }

    public boolean isInterrupted() { return pendingInterrupt != null; }

    /** Drops a stop request aimed at an inline task this thread ran for another (see the concurrent layer's waits). */
    public void clearInterrupt() {
        pendingInterrupt = null;
        stoppedBy = null;
    }

    public SkeinError pendingInterrupt() { return pendingInterrupt; }

    public int depth() { return depth; }

    public Object task() { return task; }

    /**
     * The entry this thread works for (an embedded run, eval or call): tasks it submits carry
     * it, so the entry's end can cancel them. Null outside an embedding (the CLI waits instead).
     */
    private Object scope;

    public Object scope() { return scope; }

    /**
     * Starts (or stops) working for the entry {@code s}: from now on this thread's allocations
     * count against that entry's memory limit, if it has one.
     */
    public void setScope(Object s) {
        scope = s;
        MemoryBudget next = s instanceof ThreadState entry ? entry.memory : null;
        if (next == memory) return;
        if (memory != null) chargeMemory(false);   // past the limit the entry is stopped; this thread is between tasks
        useMemoryBudget(next);
    }

    /** Counts this thread's allocations against {@code budget} from now on (null: against none). */
    public void useMemoryBudget(MemoryBudget budget) {
        memory = budget;
        if (budget != null) {
            allocationMark = MemoryBudget.allocatedByThisThread();
            sliceSteps();
        }
    }

    /** Charges what this thread allocated since its last charge; past the limit, stops it if {@code raise}. */
    private void chargeMemory(boolean raise) {
        long now = MemoryBudget.allocatedByThisThread();
        if (now < 0) return;
        String over = memory.charge(now - allocationMark);
        allocationMark = now;
        if (over != null && raise) throw stop(ErrorKind.MEMORY, over);
    }

    public void setTask(Object t) { task = t; }

    public void pushPool(Object pool) { scopedPools.addLast(pool); }

    public void popPool(Object pool) { scopedPools.removeLastOccurrence(pool); }

    /** Whether a {@code with} block of this thread has {@code pool} open. */
    public boolean inWithBlockOf(Object pool) { return scopedPools.contains(pool); }

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
