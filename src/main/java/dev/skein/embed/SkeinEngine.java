package dev.skein.embed;

import dev.skein.concurrent.PoolKinds;
import dev.skein.concurrent.TraceRecording;
import dev.skein.interp.ModuleInstance;
import dev.skein.interp.Runner;
import dev.skein.process.HostConstants;
import dev.skein.process.ProcessPools;
import dev.skein.runtime.Interpreter;
import dev.skein.runtime.OutputSink;
import dev.skein.stdlib.Stdlib;
import dev.skein.syntax.CompileError;
import dev.skein.syntax.Source;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.Writer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Skein embedded in a Java application. Build one with {@link #builder()}: the configuration is
 * fixed at build time and the engine is safe to share between threads. It compiles scripts
 * ({@link #compile}) and opens sessions ({@link #newSession()}) to run them in.
 *
 * <p>Safe by default: unless the builder grants them, scripts get no file, network, process,
 * environment or exit access, and a denied operation raises PermissionError naming the
 * capability. The host can add functions, constants and its own executors as named pools, and
 * limit time, steps and recursion depth.
 *
 * <pre>{@code
 * try (SkeinEngine engine = SkeinEngine.builder()
 *         .function("lookup", call -> prices.get(call.stringArg(0)))
 *         .timeLimit(Duration.ofSeconds(5))
 *         .build()) {
 *     SkeinScript script = engine.compile("total.skein", "sum(lookup(i) for i in items)");
 *     try (SkeinSession session = engine.newSession()) {
 *         session.set("items", List.of("apple", "pear"));
 *         Object total = session.run(script);
 *     }
 * }
 * }</pre>
 */
public final class SkeinEngine implements AutoCloseable {
    private final OutputSink stdout;
    private final OutputSink stderr;
    private final Set<Capability> granted;
    private final Map<String, String> env;
    private final List<String> args;
    private final Duration timeLimit;
    private final long stepLimit;
    private final long memoryLimit;
    private final Integer recursionLimit;
    private final boolean compile;
    private final Map<String, Object> hostBuiltins;
    /** The values among them (not functions): process-pool workers get them as the first frame. */
    private final Map<String, Object> hostConstants = new LinkedHashMap<>();
    private final Map<String, HostExecutor> executors;
    /** The builder's host access, or null when it chose none (then NONE natively, PUBLIC for javax.script bindings). */
    private final HostAccess hostAccess;
    private final HostValues hostValues = new HostValues();
    /** Holds the builtins every interpreter of this engine shares (stdlib and host); never runs code. */
    private final Interpreter template;
    private final ReentrantLock lock = new ReentrantLock();
    private final Set<SkeinSession> sessions = Collections.newSetFromMap(new WeakHashMap<>());
    private ScheduledExecutorService timer;
    private volatile boolean closed;
    /** The timeline of every session's tasks ({@link Builder#trace}), or null. */
    private final TraceRecording trace;

    /** A host executor offered to scripts as a named pool. */
    record HostExecutor(ExecutorService executor, int size) {}

    private SkeinEngine(Builder b) {
        this.stdout = b.stdout;
        this.stderr = b.stderr;
        this.granted = Set.copyOf(b.granted);
        this.env = b.env != null ? Map.copyOf(b.env) : granted.contains(Capability.ENVIRONMENT) ? Map.copyOf(System.getenv()) : Map.of();
        this.args = List.copyOf(b.args);
        this.timeLimit = b.timeLimit;
        this.stepLimit = b.stepLimit;
        this.memoryLimit = b.memoryLimit;
        this.recursionLimit = b.recursionLimit;
        this.compile = b.compile;
        this.hostBuiltins = Collections.unmodifiableMap(new LinkedHashMap<>(b.hostBuiltins));
        hostBuiltins.forEach((n, v) -> { if (!(v instanceof HostFunctionCallable)) hostConstants.put(n, v); });
        this.executors = Collections.unmodifiableMap(new LinkedHashMap<>(b.executors));
        this.trace = b.trace == null ? null : new TraceRecording("skein engine", b.trace);
        this.hostAccess = b.hostAccess;
        Interpreter.Builder ib = ProcessPools.install(Stdlib.install(Interpreter.builder()));
        b.poolKinds.forEach(k -> PoolKinds.register(ib, k.name(), k.signature(), k.factory()));
        hostBuiltins.forEach(ib::builtin);
        this.template = configure(ib, stdout, stderr).build();
    }

    public static Builder builder() { return new Builder(); }

    /** A pool constructor a host registered. */
    private record PoolKind(String name, String signature, PoolKinds.Factory factory) {}

    // ------------------------------------------------------------------ compiling

    /**
     * Compiles a script once; run it in any number of sessions (see {@link SkeinScript} for host
     * globals). Each script gets its own compiling interpreter, so what it compiled can be handed
     * whole to each session that runs it.
     */
    public SkeinScript compile(String fileName, String code) {
        checkOpen();
        Source source = new Source(fileName, code);
        Runner runner = Runner.of(newInterpreter(stdout, stderr));
        ModuleInstance layout = layout();
        try {
            Runner.HostScript compiled = runner.compileHostScript(source, layout);
            return new SkeinScript(this, source, layout.declaredNames(), compiled.code(), compiled.hostGlobals(), runner);
        } catch (CompileError e) {
            throw SkeinException.fromCompileError(e);
        }
    }

    /** {@link #compile(String, String)} under the name {@code <script>}. */
    public SkeinScript compile(String code) { return compile("<script>", code); }

    /**
     * Runs source once in a fresh session, waits for the tasks it left running (within the same
     * time limit: one entry), closes the
     * session and returns the value of the last expression statement.
     */
    public Object eval(String code) { return eval("<eval>", code); }

    /** {@link #eval(String)} with the file name errors show. */
    public Object eval(String fileName, String code) {
        try (SkeinSession session = newSession()) {
            return session.eval(fileName, code, true);
        }
    }

    /** A module laid out with the host pools' names first (then come the script's host globals and its own). */
    private ModuleInstance layout() {
        ModuleInstance m = new ModuleInstance("__main__", "<script>");
        for (String n : executors.keySet()) m.declare(n);
        return m;
    }

    // ------------------------------------------------------------------ sessions

    /** A new session writing to the engine's stdout and stderr. */
    public SkeinSession newSession() { return newSession(stdout, stderr); }

    /** A new session writing to these writers. */
    public SkeinSession newSession(Writer out, Writer err) { return newSession(OutputSink.of(out), OutputSink.of(err)); }

    private SkeinSession newSession(OutputSink out, OutputSink err) {
        checkOpen();
        SkeinSession s = new SkeinSession(this, out, err);
        lock.lock();
        try {
            sessions.add(s);
        } finally {
            lock.unlock();
        }
        return s;
    }

    void forget(SkeinSession s) {
        lock.lock();
        try {
            sessions.remove(s);
        } finally {
            lock.unlock();
        }
    }

    private List<SkeinSession> openSessions() {
        lock.lock();
        try {
            return new ArrayList<>(sessions);
        } finally {
            lock.unlock();
        }
    }

    /** Cancels every running entry and task of every open session of this engine. */
    public void cancelAll() {
        for (SkeinSession s : openSessions()) s.cancel();
    }

    /** Closes every open session (cancelling what runs, shutting every pool and worker) and the engine. */
    @Override public void close() {
        closed = true;
        for (SkeinSession s : openSessions()) s.close();
        lock.lock();
        try {
            if (timer != null) timer.shutdownNow();
        } finally {
            lock.unlock();
        }
        if (trace != null) {
            try {
                trace.finish();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(trace.failure(e), e);
            }
        }
    }

    public boolean isClosed() { return closed; }

    private void checkOpen() {
        if (closed) throw new IllegalStateException("this Skein engine is closed");
    }

    // ------------------------------------------------------------------ configuration

    /** The capabilities scripts of this engine have. */
    public Set<Capability> capabilities() { return granted; }

    /** The time limit of each entry into Skein, or null for none. */
    public Duration timeLimit() { return timeLimit; }

    /** Whether this engine compiles Skein functions to bytecode (see {@link Builder#compile}). */
    public boolean compiles() { return compile; }

    /** The names of the host functions and constants this engine adds to the builtins. */
    public Set<String> hostBuiltinNames() { return hostBuiltins.keySet(); }

    Map<String, HostExecutor> executors() { return executors; }

    /** Which members of Java objects scripts may use ({@link HostAccess#NONE} unless the builder chose). */
    public HostAccess hostAccess() { return hostAccess != null ? hostAccess : HostAccess.NONE; }

    /**
     * The host access for objects a javax.script host binds: the builder's, else
     * {@link HostAccess#PUBLIC}, or NONE when the system property {@code skein.javax.hostAccess}
     * is {@code none}.
     */
    HostAccess bindingAccess() {
        if (hostAccess != null) return hostAccess;
        return "none".equalsIgnoreCase(System.getProperty(BINDING_ACCESS_PROPERTY, "")) ? HostAccess.NONE : HostAccess.PUBLIC;
    }

    /** The system property that turns host objects off for javax.script bindings of engines whose builder chose no host access. */
    public static final String BINDING_ACCESS_PROPERTY = "skein.javax.hostAccess";

    HostValues hostValues() { return hostValues; }

    /** A session's interpreter: the engine's configuration and builtins, with its own output, pools and modules. */
    Interpreter newInterpreter(OutputSink out, OutputSink err) {
        Interpreter.Builder b = ProcessPools.install(Stdlib.install(Interpreter.builder())).builtins(template.builtins());
        Interpreter interp = configure(b, out, err).build();
        registerHostBuiltins(interp);
        if (trace != null) trace.attach(interp);
        return interp;
    }

    private Interpreter.Builder configure(Interpreter.Builder b, OutputSink out, OutputSink err) {
        b.stdout(out).stderr(err).grant(granted.stream().map(Capability::toRuntime).toArray(dev.skein.runtime.Capability[]::new)).args(args).env(env).stepBudget(stepLimit).compile(compile);
        if (recursionLimit != null) b.recursionLimit(recursionLimit);
        if (memoryLimit > 0) b.memoryLimit(memoryLimit);
        return b;
    }

    /** Host executor pool names: declared first in every module, so compiled scripts can name them. */
    java.util.Set<String> executorNames() { return executors.keySet(); }

    private void registerHostBuiltins(Interpreter interp) {
        interp.service(WorkerSupport.HostBuiltins.class, i -> new WorkerSupport.HostBuiltins(hostBuiltins));
        HostConstants.set(interp, hostConstants);
    }

    ScheduledFuture<?> schedule(Duration delay, Runnable action) {
        lock.lock();
        try {
            if (timer == null) {
                timer = Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "skein-time-limits");
                    t.setDaemon(true);
                    return t;
                });
            }
            return timer.schedule(action, delay.toNanos(), TimeUnit.NANOSECONDS);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Configuration of a {@link SkeinEngine}. Nothing is granted until asked for; the defaults
     * write to System.out and System.err and set no time or step limit.
     */
    public static final class Builder {
        private OutputSink stdout = OutputSink.of(System.out);
        private OutputSink stderr = OutputSink.of(System.err);
        private final EnumSet<Capability> granted = EnumSet.noneOf(Capability.class);
        private Map<String, String> env;
        private List<String> args = List.of();
        private Duration timeLimit;
        private long stepLimit = Long.MAX_VALUE;
        private long memoryLimit;
        private Integer recursionLimit;
        private boolean compile = Interpreter.compileByDefault();
        private final Map<String, Object> hostBuiltins = new LinkedHashMap<>();
        private final Map<String, HostExecutor> executors = new LinkedHashMap<>();
        private final List<PoolKind> poolKinds = new java.util.ArrayList<>();
        private java.nio.file.Path trace;
        private HostAccess hostAccess;

        private Builder() {}

        /** Where {@code print} writes (each print is one write; flushed after every entry). */
        public Builder stdout(Writer out) { stdout = OutputSink.of(out); return this; }

        public Builder stdout(OutputStream out) { stdout = OutputSink.of(out); return this; }

        /** Where errors reported by the runtime (callback errors, progress bars) go. */
        public Builder stderr(Writer err) { stderr = OutputSink.of(err); return this; }

        public Builder stderr(OutputStream err) { stderr = err instanceof PrintStream p ? OutputSink.of(p) : OutputSink.of(err); return this; }

        /** Lets scripts read and write files ({@code fs}) and import script modules by path. */
        public Builder allowFiles() { granted.add(Capability.FILES); return this; }

        /** Lets scripts use the network ({@code http}). */
        public Builder allowNetwork() { granted.add(Capability.NETWORK); return this; }

        /**
         * A kind of pool of the host's own: scripts call {@code name(…)} (arguments laid out by
         * {@code signature}, as for builtins) to make one. The factory builds a
         * {@link dev.skein.concurrent.Pool} over a {@link dev.skein.concurrent.Transport}; the
         * scheduling (queue, cancellation, timeouts, map, await) is Skein's.
         */
        public Builder poolKind(String name, String signature, PoolKinds.Factory factory) {
            poolKinds.add(new PoolKind(Names.checkIdentifier(name, "pool kind"), signature, factory));
            return this;
        }

        /**
         * Records a timeline of every task the engine's sessions run — which worker ran it, when,
         * for how long, who awaited it — and writes it to {@code file} as Chrome/Perfetto
         * trace-event JSON when the engine closes ({@link #close} throws UncheckedIOException if
         * it cannot be written). See docs/timeline.md.
         */
        public Builder trace(java.nio.file.Path file) {
            trace = java.util.Objects.requireNonNull(file, "file");
            return this;
        }

        /**
         * Registers {@code cluster(NAME, join=[…] | members=N, …)} pools (docs/scaling-out.md);
         * their tasks run where processes would, so a sandbox must also {@link #allowProcesses}.
         */
        public Builder clusterPools() { return clusterPools(null, null); }

        /**
         * Like {@link #clusterPools()}; besides, {@code cluster(NAME)} with neither {@code join}
         * nor {@code members} runs on the host's own {@code instance}, whose members were
         * prepared with {@code ClusterMember.configure(config, threads, key)} and the same key.
         */
        public Builder clusterPools(com.hazelcast.core.HazelcastInstance instance, byte[] key) {
            return poolKind(dev.skein.cluster.ClusterPools.NAME, dev.skein.cluster.ClusterPools.SIGNATURE, dev.skein.cluster.ClusterPools.factory(instance, key));
        }

        /** Lets scripts start processes (process pools spawn worker JVMs). */
        public Builder allowProcesses() { granted.add(Capability.PROCESSES); return this; }

        /** Lets scripts read environment variables ({@code os.env}): the JVM's, unless {@link #env} gives others. */
        public Builder allowEnvironment() { granted.add(Capability.ENVIRONMENT); return this; }

        /** Lets scripts end the run with {@code os.exit(n)} (the host gets a SkeinException with {@code exitCode()}). */
        public Builder allowExit() { granted.add(Capability.EXIT); return this; }

        public Builder allow(Capability... capabilities) { granted.addAll(List.of(capabilities)); return this; }

        /** Grants everything, as the CLI does. */
        public Builder allowAll() { granted.addAll(EnumSet.allOf(Capability.class)); return this; }

        /** The environment {@code os.env} shows (only with {@link #allowEnvironment()}). */
        public Builder env(Map<String, String> environment) { env = Map.copyOf(environment); return this; }

        /** What {@code os.args} holds. */
        public Builder args(List<String> arguments) { args = List.copyOf(arguments); return this; }

        /**
         * The longest any one entry (a run, an eval, a call from Java) may take; then the script
         * stops at its next loop iteration or call with TimeoutError (the script cannot catch it; the
     * host gets a {@link SkeinLimitException}) and its tasks are cancelled.
         */
        public Builder timeLimit(Duration limit) {
            if (limit.isNegative() || limit.isZero()) throw new IllegalArgumentException("the time limit must be positive");
            timeLimit = limit;
            return this;
        }

        /**
         * How many steps (loop iterations and calls) each Skein thread of an entry may take — the
         * entry's own thread and each task counted separately; past it, StepLimitError (a limit
     * error: the script cannot catch it, the host gets a {@link SkeinLimitException}).
         */
        public Builder stepLimit(long steps) {
            if (steps <= 0) throw new IllegalArgumentException("the step limit must be positive");
            stepLimit = steps;
            return this;
        }

        /**
         * How many bytes each entry (an eval, a run, a call of a Skein function) may allocate in
         * total, counting its own thread and the threads running its tasks and callbacks; past
         * it, MemoryError (a limit error: the script cannot catch it, the host gets a
         * {@link SkeinLimitException} of {@code MEMORY}). Live memory never exceeds what was
         * allocated, so this bounds the entry's memory; like the step limit, it also stops a
         * script that keeps allocating garbage. {@code virtual()} pools are refused under it
         * (the JVM does not count virtual threads' allocations).
         */
        public Builder memoryLimit(long bytes) {
            if (bytes <= 0) throw new IllegalArgumentException("the memory limit must be positive");
            memoryLimit = bytes;
            return this;
        }

        /**
         * The deepest call nesting allowed (RecursionError past it). Scripts run on the host's
         * threads, so the thread's stack size bounds the depth too.
         */
        public Builder recursionLimit(int depth) {
            if (depth <= 0) throw new IllegalArgumentException("the recursion limit must be positive");
            recursionLimit = depth;
            return this;
        }

        /**
         * Whether the engine compiles Skein functions to JVM bytecode (default on, unless the
         * system property {@code skein.compile} is {@code off}); off runs everything on the
         * interpreter's node tree. Process-pool workers follow this setting. Results, errors and
         * traces are the same either way.
         */
        public Builder compile(boolean on) {
            compile = on;
            return this;
        }

        /** Adds a host function that every script of the engine can call by {@code name}. */
        public Builder function(String name, HostFunction.Body body) {
            hostBuiltins.put(name, HostFunction.of(name, body).callable());
            return this;
        }

        /** Adds a host function made with {@link HostFunction#of}. */
        public Builder function(HostFunction f) {
            hostBuiltins.put(f.name(), f.callable());
            return this;
        }

        /**
         * Adds a read-only value every script sees by {@code name}: null, a Boolean, a number, a
         * String or byte[] (containers are mutable and per session: use {@link SkeinSession#set}).
         * Process-pool workers get it too (sent as a value when each worker starts).
         */
        public Builder constant(String name, Object value) {
            Names.checkIdentifier(name, "constant");
            hostBuiltins.put(name, Constants.check(name, value));
            return this;
        }

        /**
         * Offers a host executor to scripts as a pool named {@code name}:
         * {@code submit work(x) to name}. The host keeps control of its threads: closing a
         * session cancels the pool's Skein tasks but never shuts the executor down. The pool's
         * {@code size} is the executor's maximum pool size or parallelism when it has one.
         */
        public Builder executor(String name, ExecutorService executor) {
            int size = executor instanceof ThreadPoolExecutor t ? t.getMaximumPoolSize()
                    : executor instanceof ForkJoinPool f ? f.getParallelism()
                    : Runtime.getRuntime().availableProcessors();
            return executor(name, executor, Math.min(size, 1 << 16));
        }

        /** {@link #executor(String, ExecutorService)} with the size the pool reports. */
        public Builder executor(String name, ExecutorService executor, int size) {
            Names.checkIdentifier(name, "pool");
            if (size < 1) throw new IllegalArgumentException("a pool's size must be at least 1");
            executors.put(name, new HostExecutor(executor, size));
            return this;
        }

        /**
         * Installs every {@link SkeinExtension} that {@link ServiceLoader} finds with the thread's
         * context class loader (or this library's). Their functions also work in process-pool
         * workers that have the extension on their class path.
         */
        public Builder loadExtensions() {
            ClassLoader cl = Thread.currentThread().getContextClassLoader();
            return loadExtensions(cl != null ? cl : SkeinEngine.class.getClassLoader());
        }

        /** {@link #loadExtensions()} with this class loader. */
        public Builder loadExtensions(ClassLoader loader) {
            for (SkeinExtension ext : ServiceLoader.load(SkeinExtension.class, loader)) extension(ext);
            return this;
        }

        /**
         * Installs one extension. For process pools it must also be registered for ServiceLoader:
         * workers load it by its name, and {@code processes(n)} refuses to start (PortabilityError
         * naming it) when the workers' class path has no extension of that name.
         */
        public Builder extension(SkeinExtension extension) {
            hostBuiltins.putAll(ExtensionContext.install(extension, false));
            return this;
        }

        /**
         * Which members of the Java objects the host hands over ({@link SkeinSession#set},
         * javax.script bindings) scripts may use; see {@link HostAccess}. Without this call
         * the native API exposes none and javax.script bindings expose public members.
         */
        public Builder hostAccess(HostAccess access) {
            hostAccess = java.util.Objects.requireNonNull(access);
            return this;
        }

        public SkeinEngine build() { return new SkeinEngine(this); }
    }
}
