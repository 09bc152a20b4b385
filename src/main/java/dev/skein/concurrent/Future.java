package dev.skein.concurrent;

import dev.skein.runtime.Builtin;
import dev.skein.runtime.Callable;
import dev.skein.runtime.ErrorKind;
import dev.skein.runtime.ErrorValue;
import dev.skein.runtime.Errors;
import dev.skein.runtime.Missing;
import dev.skein.runtime.Seconds;
import dev.skein.runtime.SkeinError;
import dev.skein.runtime.ThreadState;
import dev.skein.runtime.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A submitted task and its outcome. States move PENDING → RUNNING → DONE / FAILED / CANCELLED,
 * or PENDING → CANCELLED. Whoever moves a task out of PENDING runs it: a pool worker, or a
 * worker that awaits it while its own pool is saturated ({@link #tryClaim}).
 */
public final class Future implements Values.Named, Values.MethodHost {
    enum State { PENDING, RUNNING, DONE, FAILED, CANCELLED }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition finished = lock.newCondition();
    private final Pool pool;
    private final Object callee;
    private final Object[] args;
    private final String[] kwNames;
    private final double timeoutSeconds;   // <= 0: none
    private final String site;             // "file:line" of the submit
    private final long id;
    private final long submittedNanos;
    private State state = State.PENDING;
    private Object result;
    private ErrorValue error;
    private ThreadState runner;            // the thread state running it, while RUNNING
    private long startedNanos;
    private List<Object> callbacks = new ArrayList<>();
    /** The future this task is blocked awaiting (for deadlock detection), guarded by the registry's graph lock. */
    volatile Future waitingOn;
    /** Where this task awaits {@link #waitingOn} ("file:line"), for the deadlock message. */
    volatile String waitSite;

    /**
     * Its timeline track once it runs, while tracing (see {@link Timeline}). Plain, not volatile
     * (no fence per task): the thread that runs or sends the task writes it and reads it back; an
     * instant's thread may see it late and then puts the instant on its own track (a track is
     * immutable, so a late read sees it whole).
     */
    TraceTrack traceTrack;
    /**
     * While tracing, when its last recorded run ended (epoch nanos; 0: none; a worker's clock if
     * {@link #traceElsewhere}) and on which track: written before it is done, read by its awaits
     * (the arrow from the run into each await is recorded with the await).
     */
    long traceEnd;
    TraceTrack traceRanOn;
    /** Sent to a worker elsewhere: the scheduler records its run, not {@link #complete}. */
    volatile boolean traceElsewhere;

    /** The entry the task was submitted for (see {@link ThreadState#scope()}); its tasks inherit it. */
    private final Object scope;

    /** {@code submittedNanos}: when its submit began ({@link System#nanoTime}). */
    Future(Pool pool, Object callee, Object[] args, String[] kwNames, double timeoutSeconds, String site, long id, Object scope, long submittedNanos) {
        this.submittedNanos = submittedNanos;
        this.scope = scope;
        this.pool = pool;
        this.callee = callee;
        this.args = args;
        this.kwNames = kwNames;
        this.timeoutSeconds = timeoutSeconds;
        this.site = site;
        this.id = id;
    }

    // ------------------------------------------------------------------ identity and description

    public Pool pool() { return pool; }

    Object scope() { return scope; }

    public long id() { return id; }

    /** Where the task was submitted ("file:line"). */
    public String site() { return site; }

    /** "task 3 (fetch, submitted at x.skein:12)": how messages name the task. */
    public String describe() {
        return describeTask();
    }

    private String describeTask() {
        return "task " + id + " (" + functionName() + ", submitted at " + site + ")";
    }

    public String functionName() {
        return callee instanceof Callable c ? c.name() : Values.typeName(callee);
    }

    Object callee() { return callee; }

    Object[] args() { return args; }

    String[] kwNames() { return kwNames; }

    double timeoutSeconds() { return timeoutSeconds; }

    long submittedNanos() { return submittedNanos; }

    long startedNanos() { return startedNanos; }

    /** Time since submission, for the REPL's :tasks. */
    public long ageNanos() { return System.nanoTime() - submittedNanos; }

    // ------------------------------------------------------------------ running

    /** Moves PENDING → RUNNING for the calling thread; false if someone else got it or it was cancelled. */
    boolean tryClaim(ThreadState ts) {
        lock.lock();
        try {
            if (state != State.PENDING) return false;
            state = State.RUNNING;
            runner = ts;
            startedNanos = System.nanoTime();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Runs a claimed task in {@code ts}'s thread and records its outcome. Never throws a Skein error. */
    void runClaimed(ThreadState ts) {
        Object previousTask = ts.task(), previousScope = ts.scope();
        ts.setTask(this);
        ts.setScope(scope);
        java.util.concurrent.ScheduledFuture<?> timer = timeoutSeconds > 0 ? pool.registry().scheduleTimeout(this, ts) : null;
        TaskTrace trace = pool.registry().trace();
        if (trace != null) trace.started(this);
        try {
            Object value = pool.runTask(ts, callee, args, kwNames);
            complete(State.DONE, value, null);
        } catch (SkeinError e) {
            ErrorValue ev = e.value();
            boolean cancelled = ev.kind() == ErrorKind.CANCELLED && isCancelRequested();
            complete(cancelled ? State.CANCELLED : State.FAILED, null, ev);
        } catch (dev.skein.runtime.ExitRequest exit) {
            complete(State.FAILED, null, Errors.of(ErrorKind.ERROR, "os.exit(" + exit.code() + ") was called in " + describe()
                    + "; only the main script can exit (a task can return or throw instead)").value());
        } catch (StackOverflowError deep) {
            complete(State.FAILED, null, Errors.of(ErrorKind.RECURSION, "maximum recursion depth exceeded in " + describe()).value());
        } catch (OutOfMemoryError oom) {
            complete(State.FAILED, null, dev.skein.runtime.Allocation.outOfMemory(ts, oom).value());
        } catch (RuntimeException | Error internal) {
            complete(State.FAILED, null, Errors.of(ErrorKind.ERROR, "internal error in " + describe() + ": " + internal).value());
        } finally {
            if (timer != null) timer.cancel(false);
            ts.setTask(previousTask);
            ts.setScope(previousScope);
        }
    }

    private boolean cancelRequested;

    private volatile boolean timedOut;

    /** Whether this task's own timeout has passed while it ran. */
    boolean isTimedOut() { return timedOut; }

    public boolean isCancelRequested() {
        lock.lock();
        try { return cancelRequested; } finally { lock.unlock(); }
    }

    /** Stops a running task with a TimeoutError (called by the pool's timer). */
    void timeOut() {
        timedOut = true;
        TaskTrace trace = pool.registry().trace();
        if (trace != null) trace.instant("timeout", this, pool, null, describe() + " passed its timeout of " + Seconds.show(timeoutSeconds));
        pool.onTimeout(this);
        lock.lock();
        try {
            if (state == State.RUNNING && runner != null) {
                runner.interrupt(ErrorKind.TIMEOUT, describe() + " took longer than its timeout of " + Seconds.show(timeoutSeconds));
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Stops this task while the awaiting thread {@code ts} runs it inline and the await's timeout
     * has passed (it cannot keep running: its thread is the awaiter's). False if it had finished.
     */
    boolean stopInline(ThreadState ts) {
        lock.lock();
        try {
            if (state != State.RUNNING || runner != ts) return false;
            ts.interrupt(ErrorKind.TIMEOUT, describe() + " was stopped: it ran inline in an await whose timeout passed");
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Cancels: a queued task never runs; a running one is stopped at its next loop iteration or
     * call (with CancelledError inside). Returns false if it had already finished.
     */
    public boolean cancel() {
        TaskTrace trace = pool.registry().trace();
        if (trace != null && !isDone()) trace.instant("cancel", this, pool, null, describe() + " was cancelled while " + stateName());
        lock.lock();
        try {
            switch (state) {
                case PENDING -> {
                    pool.taskFinished(this, State.CANCELLED);
                    state = State.CANCELLED;
                    error = Errors.cancelled(describe() + " was cancelled before it started").value();
                }
                case RUNNING -> {
                    cancelRequested = true;
                    if (runner != null) runner.interrupt(ErrorKind.CANCELLED, describe() + " was cancelled");
                }
                default -> { return state == State.CANCELLED; }
            }
        } finally {
            lock.unlock();
        }
        if (isRunning()) {
            // Outside this future's lock: the pool's scheduler takes its own lock, and it asks
            // futures (isDone, claim) while holding it.
            pool.onCancelRunning(this);
            return true;
        }
        fireCallbacks(false);
        return true;
    }

    /** Records the outcome (once), wakes waiters, runs callbacks. */
    void complete(State outcome, Object value, ErrorValue err) { complete(outcome, value, err, false); }

    /**
     * As {@link #complete(State, Object, ErrorValue)}; {@code remote}: the outcome is recorded by a
     * thread that is not the task's (a reader of worker results, the scheduler), which must not
     * run Skein callbacks itself.
     */
    private void complete(State outcome, Object value, ErrorValue err, boolean remote) {
        TaskTrace trace = pool.registry().trace();
        lock.lock();
        try {
            if (state != State.RUNNING && state != State.PENDING) return;
            if (trace != null) trace.finishing(this, outcome == State.DONE ? "done" : outcome == State.FAILED ? "failed" : "cancelled");
            // The pool's counts change before anyone can see the outcome, so a waiter that wakes
            // up and asks for stats() sees this task counted.
            pool.taskFinished(this, outcome);
            state = outcome;
            result = value;
            error = err;
            runner = null;
            finished.signalAll();
        } finally {
            lock.unlock();
        }
        fireCallbacks(remote);
    }

    private void fireCallbacks(boolean remote) {
        List<Object> toRun;
        lock.lock();
        try {
            finished.signalAll();
            toRun = callbacks;
            callbacks = null;
        } finally {
            lock.unlock();
        }
        if (toRun == null) return;
        // Internal listeners are quick and run here; for a remote outcome, the script's callbacks
        // run in order on the pool's callback thread.
        List<Object> later = null;
        for (Object cb : toRun) {
            if (!(remote && cb instanceof Callback)) {
                runCallback(cb);
                continue;
            }
            if (later == null) later = new ArrayList<>();
            later.add(cb);
        }
        if (later == null) return;
        List<Object> skein = later;
        pool.callbackRunner().run(() -> { for (Object cb : skein) runCallback(cb); });
    }

    /** A Skein callback and the thread state that registered it, whose limits it runs under. */
    private record Callback(Object fn, ThreadState owner) {}

    private void runCallback(Object cb) {
        if (cb instanceof Runnable r) { r.run(); return; }
        Callback c = (Callback) cb;
        PoolRegistry registry = pool.registry();
        ThreadState ts = new ThreadState(registry.interp());
        // As a task of this future's pool: an await of a task queued there runs it here instead
        // of blocking the worker it waits for, and joins the wait-for graph.
        ts.setTask(this);
        ts.setScope(c.owner().scope());
        c.owner().lead(ts);
        registry.callbackStarted(ts);
        try {
            Values.call(ts, c.fn(), new Object[] {this}, null);
        } catch (SkeinError e) {
            registry.reportCallbackError(this, e.value());
        } finally {
            registry.callbackEnded(ts);
            c.owner().release(ts);
        }
    }

    /** Runs {@code action} once the future is done (now, if it already is). Internal listeners use this. */
    void whenDone(Runnable action) {
        lock.lock();
        try {
            if (!finishedLocked() && callbacks != null) { callbacks.add(action); return; }
        } finally {
            lock.unlock();
        }
        action.run();
    }

    /** Finished, judged by the state (callbacks may not have been taken yet). Call with the lock held. */
    private boolean finishedLocked() {
        return state == State.DONE || state == State.FAILED || state == State.CANCELLED;
    }

    // ------------------------------------------------------------------ tasks run in another process

    /** Marks a queued task as running remotely; false if it was cancelled meanwhile. */
    public boolean claimRemote() {
        return tryClaim(new ThreadState(pool.registry().interp()));
    }

    public void completeRemote(Object value) { complete(State.DONE, value, null, true); }

    public void failRemote(ErrorValue err) { complete(State.FAILED, null, err, true); }

    public void cancelledRemote() {
        complete(State.CANCELLED, null, Errors.cancelled(describe() + " was cancelled").value(), true);
    }

    /** Starts the timeout clock of a remotely running task (again, for each item of a chunk). */
    public java.util.concurrent.ScheduledFuture<?> startTimeoutClock() {
        return timeoutSeconds > 0 ? pool.registry().scheduleTimeout(this, null) : null;
    }

    public double timeout() { return timeoutSeconds; }

    public Object[] arguments() { return args.clone(); }

    // ------------------------------------------------------------------ observing

    public boolean isDone() {
        lock.lock();
        try { return state == State.DONE || state == State.FAILED || state == State.CANCELLED; } finally { lock.unlock(); }
    }

    boolean isRunning() {
        lock.lock();
        try { return state == State.RUNNING; } finally { lock.unlock(); }
    }

    boolean isPending() {
        lock.lock();
        try { return state == State.PENDING; } finally { lock.unlock(); }
    }

    boolean isCancelled() {
        lock.lock();
        try { return state == State.CANCELLED; } finally { lock.unlock(); }
    }

    boolean isFailed() {
        lock.lock();
        try { return state == State.FAILED; } finally { lock.unlock(); }
    }

    /** "pending", "running", "done", "failed" or "cancelled". */
    public String stateName() {
        lock.lock();
        try { return state.name().toLowerCase(); } finally { lock.unlock(); }
    }

    /**
     * Blocks until done or until {@code deadlineNanos} (Long.MAX_VALUE: forever), polling the
     * waiting thread's interrupt flag so cancelling the waiter works. Returns whether it is done.
     */
    boolean awaitDone(ThreadState waiter, long deadlineNanos) {
        lock.lock();
        try {
            while (!(state == State.DONE || state == State.FAILED || state == State.CANCELLED)) {
                long left = deadlineNanos == Long.MAX_VALUE ? Long.MAX_VALUE : deadlineNanos - System.nanoTime();
                if (left <= 0) return false;
                Waiting.awaitSlice(lock, finished, Math.min(left, TimeUnit.MILLISECONDS.toNanos(50)), waiter);
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            String why = "interrupted while waiting for " + describe();
            if (waiter == null) throw Errors.limit(ErrorKind.CANCELLED, why);
            waiter.interrupt(ErrorKind.CANCELLED, why);
            lock.unlock();
            try { waiter.checkStopped(); } finally { lock.lock(); }
            throw Errors.limit(ErrorKind.CANCELLED, why);
        } finally {
            lock.unlock();
        }
    }

    /** The value of a finished task, or its error rethrown (a copy, so each awaiter adds its own frames). */
    Object outcome() {
        lock.lock();
        try {
            return switch (state) {
                case DONE -> result;
                case FAILED, CANCELLED -> throw new SkeinError(error.copyForRethrow());
                default -> throw new IllegalStateException("not finished: " + state);
            };
        } finally {
            lock.unlock();
        }
    }

    /** The error of a finished task, or null. */
    ErrorValue errorValue() {
        lock.lock();
        try { return error; } finally { lock.unlock(); }
    }

    // ------------------------------------------------------------------ Skein-facing methods

    @Override public String typeName() { return "future"; }

    @Override public Callable method(String name) {
        return switch (name) {
            case "done" -> new Builtin("done", "", (ts, a) -> isDone());
            case "running" -> new Builtin("running", "", (ts, a) -> isRunning());
            case "cancelled" -> new Builtin("cancelled", "", (ts, a) -> isCancelled());
            case "cancel" -> new Builtin("cancel", "", (ts, a) -> cancel());
            case "result" -> new Builtin("result", "timeout=?", (ts, a) -> Waiting.await(ts, this, Seconds.optional(a[0]), "result()"));
            case "error" -> new Builtin("error", "timeout=?", (ts, a) -> {
                Double timeout = Seconds.optional(a[0]);
                if (!Waiting.awaitDone(ts, this, timeout)) {
                    throw Errors.timeout(describe() + " is not done after " + Seconds.show(timeout) + " (it keeps running)");
                }
                if (isCancelled()) throw new SkeinError(errorValue().copyForRethrow());
                return errorValue();
            });
            case "on_done" -> new Builtin("on_done", "fn", (ts, a) -> {
                Object fn = a[0];
                if (!(fn instanceof Callable)) throw Errors.type("on_done needs a function, not " + Values.typeName(fn));
                lock.lock();
                try {
                    if (!finishedLocked() && callbacks != null) { callbacks.add(new Callback(fn, ts)); return null; }
                } finally {
                    lock.unlock();
                }
                // Done already: it runs at once, in the registering thread, under its limits.
                try {
                    Values.call(ts, fn, new Object[] {this}, null);
                } catch (SkeinError e) {
                    if (e.isLimit()) throw e;
                    pool.registry().reportCallbackError(this, e.value());
                }
                return null;
            });
            default -> null;
        };
    }

    @Override public String toString() {
        return "<future " + functionName() + " " + stateName() + ">";
    }

    /** Method names, for REPL completion. */
    public static final List<String> MEMBERS = List.of("done", "running", "cancelled", "cancel", "result", "error", "on_done");

    /** For messages: MISSING-safe optional argument. */
    static boolean given(Object o) { return !Missing.is(o) && o != null; }

    @Override public java.util.Collection<String> methodNames() { return MEMBERS; }
}
