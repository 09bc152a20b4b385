package dev.skein.embed;

import dev.skein.concurrent.ExecutorTransport;
import dev.skein.concurrent.Pool;
import dev.skein.concurrent.PoolRegistry;
import dev.skein.interp.Code;
import dev.skein.interp.ModuleInstance;
import dev.skein.interp.Outcome;
import dev.skein.interp.Runner;
import dev.skein.runtime.Callable;
import dev.skein.runtime.ErrorKind;
import dev.skein.runtime.ErrorValue;
import dev.skein.runtime.Errors;
import dev.skein.runtime.Interpreter;
import dev.skein.runtime.Missing;
import dev.skein.runtime.SkeinError;
import dev.skein.runtime.OutputSink;
import dev.skein.runtime.ThreadState;
import dev.skein.syntax.Diagnostic;
import java.io.Writer;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * The globals and running state of one use of an engine: what a script defines, what the host
 * sets, the pools the script opens. Get one from {@link SkeinEngine#newSession()} and close it
 * when done ({@link #close()} cancels what still runs and shuts every pool).
 *
 * <p>Every entry into Skein ({@link #run}, {@link #eval}, {@link #call}, a {@link SkeinFunction}
 * call from a host thread) runs in the calling thread, under the engine's time limit and step
 * budget. A session may be used from several threads, like tasks share a script's globals;
 * {@link #cancel()} may be called from any thread and stops every entry and task of the session.
 */
public final class SkeinSession implements AutoCloseable {
    private final SkeinEngine engine;
    private final Interpreter interp;
    private final Runner runner;
    private final PoolRegistry pools;
    private final SwitchableSink stdout;
    private final SwitchableSink stderr;
    private final ReentrantLock layoutLock = new ReentrantLock();
    private volatile ModuleInstance module;
    /** Whether Skein code has run here: until then the module may be laid out anew for a script. */
    private volatile boolean codeRan;
    private final Map<SkeinScript, Code> recompiled = new WeakHashMap<>();
    /** Compiled scripts whose source and functions this session's runner has adopted. */
    private final Set<SkeinScript> adopted = Collections.newSetFromMap(new WeakHashMap<>());
    /** Globals the host introduced (set, pools, a script's host globals), and those already declared to workers. */
    private final Set<String> hostNames = new java.util.LinkedHashSet<>();
    private final Set<String> announced = new java.util.HashSet<>();
    private final Set<ThreadState> running = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    SkeinSession(SkeinEngine engine, OutputSink out, OutputSink err) {
        this.engine = engine;
        this.stdout = new SwitchableSink(out);
        this.stderr = new SwitchableSink(err);
        this.interp = engine.newInterpreter(stdout, stderr);
        interp.service(SkeinSession.class, i -> this);
        this.runner = Runner.of(interp);
        this.pools = PoolRegistry.of(interp);
        this.module = new ModuleInstance("__main__", "<session>");
        // A pool on the host's executor: shutting it down never stops the host's threads.
        engine.executors().forEach((name, ex) -> module.set(name, new Pool(pools, name, ex.size(),
                new ExecutorTransport(interp, ex.executor(), "the host's executor behind pool '" + name + "' refused the task"))));
        hostNames.addAll(engine.executorNames());
    }

    /** The session an interpreter belongs to, or null (a worker's or the CLI's interpreter). */
    static SkeinSession of(Interpreter interp) { return interp.service(SkeinSession.class, i -> null); }

    public SkeinEngine engine() { return engine; }

    // ------------------------------------------------------------------ running code

    /**
     * Runs a compiled script in this session and returns the value of its last expression
     * statement as a Java value (null when it ends with another statement). Its globals stay in
     * the session. Tasks it submitted and did not await are cancelled when it returns (a future
     * it returns is left to the host).
     *
     * @throws SkeinException for a Skein error, a cancellation, the time limit, or a host global not set
     */
    public Object run(SkeinScript script) { return run(script, false); }

    /** {@link #run(SkeinScript)}; with {@code finishTasks}, it waits for every task first, within the same entry and limits. */
    Object run(SkeinScript script, boolean finishTasks) {
        if (script.engine() != engine) throw new IllegalArgumentException(script + " was compiled by another engine");
        checkOpen();
        Code code = prepare(script);
        for (Map.Entry<String, Diagnostic> g : script.hostGlobalSites().entrySet()) {
            if (module.get(g.getKey()) == Missing.MISSING) {
                throw SkeinException.fromDiagnostic(g.getValue(), g.getValue().message() + " (and the host has not set it)");
            }
        }
        ModuleInstance m = module;
        return toJava(enter(ts -> finished(ts, runner.run(code, m, ts), finishTasks)));
    }

    /** The value of an entry, once its tasks are done when {@code finishTasks} (then the pools are shut). */
    private Object finished(ThreadState ts, Object value, boolean finishTasks) {
        if (finishTasks) pools.finishAll(ts);
        return value;
    }

    /** Compiles and runs source in this session (it sees and extends the session's globals), like a REPL line. */
    public Object eval(String code) { return eval("<eval>", code); }

    /** {@link #eval(String)} with the file name errors show. */
    public Object eval(String fileName, String code) { return eval(fileName, code, false); }

    /** {@link #eval(String, String)}; with {@code finishTasks}, it waits for every task first, within the same entry and limits. */
    Object eval(String fileName, String code, boolean finishTasks) {
        checkOpen();
        Code compiled;
        layoutLock.lock();
        try {
            codeRan = true;
            announceHostNames();
            compiled = compileHere(new dev.skein.syntax.Source(fileName, code));
        } finally {
            layoutLock.unlock();
        }
        ModuleInstance m = module;
        return toJava(enter(ts -> finished(ts, runner.run(compiled, m, ts), finishTasks)));
    }

    /** Calls a global function of the session: {@code session.call("score", order)}. */
    public Object call(String function, Object... args) {
        return function(function).call(args);
    }

    /** A handle on a global function (or any callable global). */
    public SkeinFunction function(String name) {
        Object v = module.get(name);
        if (v == Missing.MISSING) throw new NoSuchElementException("no global '" + name + "' in this session");
        if (!(v instanceof Callable c)) throw new IllegalArgumentException("global '" + name + "' is a " + dev.skein.runtime.Values.typeName(v) + ", not a function");
        codeRan = true;
        return new SkeinFunction(c, Link.of(this));
    }

    // ------------------------------------------------------------------ globals

    /**
     * Sets a global the script can read (converted with {@link ValueConverter#toSkein}); a Java
     * object that does not convert becomes a host object when the engine's {@link HostAccess}
     * allows objects, and is refused (IllegalArgumentException) when it does not.
     */
    public void set(String name, Object value) {
        Names.checkIdentifier(name, "global");
        define(name, engine.hostValues().toSkein(name, value, engine.hostAccess(), false));
    }

    /**
     * Binds what a javax.script host put into its bindings: like {@link #set}, but a Java object
     * the engine's host access hides becomes a placeholder that says so when the script uses it.
     * Host access is {@link HostAccess#PUBLIC} here unless the builder chose one or the system
     * property {@code skein.javax.hostAccess=none} turns it off.
     */
    public void bind(String name, Object value) {
        Names.checkIdentifier(name, "global");
        define(name, engine.hostValues().toSkein(name, value, engine.bindingAccess(), true));
    }

    /**
     * Sets a global to a live, read-only view of a Java collection, map or array, without
     * copying it: {@code len}, indexing, {@code in} and {@code for} read the Java object as it is
     * at that moment (its elements converted one at a time as they are read). Whatever the
     * host access, the script sees no Java methods of it.
     */
    public void setView(String name, Object collection) {
        Names.checkIdentifier(name, "global");
        define(name, engine.hostValues().view(collection));
    }

    private void define(String name, Object v) {
        layoutLock.lock();
        try {
            module.set(name, v);
            hostNames.add(name);
        } finally {
            layoutLock.unlock();
        }
    }

    /** A global as a Java value, or null when it is not set (see {@link #contains}). */
    public Object get(String name) {
        Object v = module.get(name);
        return v == Missing.MISSING ? null : toJava(v);
    }

    /** Whether the global is set. */
    public boolean contains(String name) { return module.get(name) != Missing.MISSING; }

    /** Unsets a global. */
    public void remove(String name) { module.unset(name); }

    /** Every set global, as Java values, in declaration order. */
    public Map<String, Object> globals() {
        Map<String, Object> out = new LinkedHashMap<>();
        ModuleInstance m = module;
        for (String n : m.memberNames()) out.put(n, toJava(m.get(n)));
        return out;
    }

    /** Whether {@code name} can be a global: a Skein identifier. */
    public static boolean isGlobalName(String name) { return Names.isIdentifier(name); }

    /**
     * Calls method {@code name} of {@code receiver} (a handle or a Java value converted to
     * Skein): {@code receiver.name(args…)}.
     */
    public Object callMethod(Object receiver, String name, Object... args) {
        Object recv = ValueConverter.toSkein(receiver);
        Object[] skeinArgs = new Object[args.length];
        for (int i = 0; i < args.length; i++) skeinArgs[i] = ValueConverter.toSkein(args[i]);
        return toJava(enter(ts -> dev.skein.runtime.Values.callMethod(ts, recv, name, skeinArgs, null)));
    }

    /** Converts a Skein value to Java, with handles that call back into this session. */
    Object toJava(Object skeinValue) { return ValueConverter.toJava(skeinValue, Link.of(this)); }

    // ------------------------------------------------------------------ control

    /**
     * Stops every running entry of this session (at its next loop iteration or call, with
     * CancelledError) and cancels every task of its pools. Callable from any thread; the session
     * stays usable.
     */
    public void cancel() {
        for (ThreadState ts : running) ts.interrupt(ErrorKind.CANCELLED, "cancelled by the host");
        pools.cancelAll();
    }

    /** Whether some thread is running Skein code of this session (tasks not counted). */
    public boolean isRunning() { return !running.isEmpty(); }

    /** Sends the script's stdout and stderr to these writers from now on. */
    public void redirect(Writer out, Writer err) {
        stdout.switchTo(OutputSink.of(out));
        stderr.switchTo(OutputSink.of(err));
    }

    /**
     * Waits for the tasks still running or queued (as the CLI does when a script ends), under the
     * time limit and {@link #cancel()}, then closes the session.
     */
    public void awaitTasksAndClose() {
        try {
            awaitTasks();
        } finally {
            close();
        }
    }

    /** Waits until every task has finished; the pools are shut afterwards. */
    void awaitTasks() {
        checkOpen();
        enter(ts -> {
            pools.finishAll(ts);
            return null;
        });
    }

    /** Cancels whatever still runs, shuts every pool (threads and workers) and frees the session. */
    @Override public void close() {
        if (closed) return;
        closed = true;
        cancel();
        pools.closeAll();
        flush();
        engine.forget(this);
    }

    public boolean isClosed() { return closed; }

    private void checkOpen() {
        if (closed) throw new IllegalStateException("this Skein session is closed");
    }

    // ------------------------------------------------------------------ entries

    /**
     * Runs {@code body} in a fresh thread state of this session: tracked for {@link #cancel()},
     * stopped by the engine's time limit, Skein errors turned into {@link SkeinException}.
     */
    <T> T enter(Function<ThreadState, T> body) {
        checkOpen();
        codeRan = true;
        ThreadState ts = new ThreadState(interp);
        ts.watchHostInterrupt();
        if (interp.memoryLimit() > 0) ts.useMemoryBudget(new dev.skein.runtime.MemoryBudget(interp.memoryLimit(), ts));
        ts.setScope(ts);   // the tasks it submits, and theirs, end with it
        running.add(ts);
        Duration limit = engine.timeLimit();
        String overTime = limit == null ? null : "the script ran longer than its time limit of " + dev.skein.runtime.Seconds.show(limit.toNanos() / 1e9);
        java.util.concurrent.atomic.AtomicBoolean timedOut = new java.util.concurrent.atomic.AtomicBoolean();
        ScheduledFuture<?> timer = limit == null ? null : engine.schedule(limit, () -> {
            timedOut.set(true);
            ts.interrupt(ErrorKind.TIMEOUT, overTime);
            pools.cancelScope(ts, null);
        });
        Object returned = null;
        try {
            Outcome outcome = runner.execute(() -> body.apply(ts));
            SkeinError stop = timedOut.get() ? Errors.limit(ErrorKind.TIMEOUT, overTime) : ts.stoppedBy() != null ? ts.stoppedBy() : ts.pendingInterrupt();
            if (outcome instanceof Outcome.Finished && stop != null) {
                outcome = new Outcome.Failed(stop.value(), runner);   // a finally block's jump dropped the stop: it still counts
            }
            if (outcome instanceof Outcome.Failed failed) {
                ErrorValue error = failed.error();
                if (stop == null) throw exceptionFor(this, error);
                if (error.kind() != stop.kind()) {
                    // The entry may see a task it awaited being cancelled before its own stop request.
                    ErrorValue cause = error;
                    error = new ErrorValue(stop.kind(), stop.value().message(), cause);
                    for (dev.skein.runtime.TraceEntry t : cause.trace()) error.addTrace(t);
                }
                throw SkeinLimitException.of(exceptionFor(this, error));
            }
            if (outcome instanceof Outcome.Exited exit) throw SkeinException.exit(exit.code());
            @SuppressWarnings("unchecked") T value = (T) ((Outcome.Finished) outcome).value();
            returned = value;
            return value;
        } catch (StackOverflowError deep) {
            throw exceptionFor(this, Errors.of(ErrorKind.RECURSION, "maximum recursion depth exceeded (the host thread's stack is full)").value());
        } finally {
            if (timer != null) timer.cancel(false);
            // Neither the tasks it never awaited nor the callbacks it registered outlive the entry.
            if (!ts.isInterrupted()) ts.interrupt(ErrorKind.CANCELLED, "the entry that started it has ended");
            pools.cancelScope(ts, returned);
            running.remove(ts);
            flush();
        }
    }

    private void flush() {
        stdout.flush();
        stderr.flush();
    }

    /** A Skein error as the host's exception, rendered with the source lines the session knows. */
    static SkeinException exceptionFor(SkeinSession session, ErrorValue e) {
        if (session == null) return SkeinException.fromError(e, null, e.javaCause());
        return SkeinException.fromError(e, session.runner.report(e), e.javaCause());
    }

    Interpreter interpreter() { return interp; }

    // ------------------------------------------------------------------ module layout

    /**
     * The code to run {@code script} against this session's module. Compiled code addresses
     * globals by index, so the module must declare the script's globals at the same indices:
     * true when one layout is a prefix of the other (the module is then extended); a module no
     * Skein code has touched yet is laid out anew, keeping the host's values; otherwise the
     * script is compiled again against this module (once per session). Either way this session's
     * runner learns the script's source and functions, which process-pool workers need.
     */
    private Code prepare(SkeinScript script) {
        layoutLock.lock();
        try {
            hostNames.addAll(script.hostGlobalSites().keySet());
            Code code = sharedCode(script);
            if (code == null) {
                code = recompiled.get(script);
                if (code == null) {
                    for (String n : script.hostGlobalSites().keySet()) module.declare(n);
                    announceHostNames();
                    code = compileHere(script.source());
                    recompiled.put(script, code);
                }
                return code;
            }
            announceHostNames();
            if (adopted.add(script)) runner.adopt(script.compiledBy(), script.source(), module);
            return code;
        } finally {
            layoutLock.unlock();
        }
    }

    /** The script's own compiled code when this module can be laid out to match it, else null. */
    private Code sharedCode(SkeinScript script) {
        List<String> have = module.declaredNames();
        List<String> want = script.layout();
        if (isPrefixPair(have, want)) {
            for (int i = have.size(); i < want.size(); i++) module.declare(want.get(i));
            codeRan = true;
            return script.code();
        }
        if (codeRan) return null;
        ModuleInstance fresh = new ModuleInstance("__main__", "<session>");
        for (String n : want) fresh.declare(n);
        for (String n : have) {
            Object v = module.get(n);
            if (v == Missing.MISSING) fresh.declare(n);
            else fresh.set(n, v);
        }
        module = fresh;
        codeRan = true;
        return script.code();
    }

    /** Compiles source into this session's module with its own runner. */
    private Code compileHere(dev.skein.syntax.Source source) {
        try {
            return runner.compile(source, module, true);
        } catch (dev.skein.syntax.CompileError e) {
            throw SkeinException.fromCompileError(e);
        }
    }

    /**
     * Declares the host's globals in the sources this module is made of, as {@code let name =
     * none} lines that are compiled but never run: a process-pool worker compiles those sources
     * to mirror the module, and the script's code names these globals.
     */
    private void announceHostNames() {
        List<String> fresh = new java.util.ArrayList<>();
        for (String n : hostNames) if (announced.add(n)) fresh.add(n);
        if (fresh.isEmpty()) return;
        StringBuilder text = new StringBuilder();
        for (String n : fresh) text.append("let ").append(n).append(" = none\n");
        if (!declareForWorkers(text.toString())) {
            for (String n : fresh) declareForWorkers("let " + n + " = none\n");  // some name is a reserved word
        }
    }

    private boolean declareForWorkers(String lets) {
        try {
            runner.compile(new dev.skein.syntax.Source("<host globals>", lets), module, false);
            return true;
        } catch (dev.skein.syntax.CompileError reservedWord) {
            return false;  // no script can name a reserved word, so workers need not know it
        }
    }

    private static boolean isPrefixPair(List<String> a, List<String> b) {
        int n = Math.min(a.size(), b.size());
        for (int i = 0; i < n; i++) if (!a.get(i).equals(b.get(i))) return false;
        return true;
    }
}
