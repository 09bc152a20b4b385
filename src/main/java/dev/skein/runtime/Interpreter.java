package dev.skein.runtime;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * One Skein engine instance: its configuration (output streams, granted capabilities, limits),
 * its builtins and the modules it has loaded. Many interpreters can live in one JVM; nothing
 * here is static. Safe to use from many threads.
 */
public final class Interpreter {
    private final OutputSink stdout;
    private final OutputSink stderr;
    private final Set<Capability> granted;
    private final int recursionLimit;
    private final long stepBudget;
    private final long memoryLimit;
    private final List<String> args;
    private final Map<String, String> env;
    private final Map<String, Object> builtins;
    private final Map<String, Function<Interpreter, ModuleValue>> moduleFactories;
    private final Map<String, ModuleValue> loadedModules = new ConcurrentHashMap<>();
    private final Map<Path, Object> scriptModules = new ConcurrentHashMap<>();
    private final Map<Class<?>, Object> services = new ConcurrentHashMap<>();
    private final boolean stderrIsTerminal;
    private final TypeMethodTable typeMethods;
    private final boolean compile;
    /** Heap kept back so that, once an OutOfMemoryError frees it, the MemoryError can still be built and reported. */
    private volatile byte[] memoryReserve = new byte[128 << 10];

    private Interpreter(Builder b) {
        this.stdout = b.stdout;
        this.stderr = b.stderr;
        this.granted = Set.copyOf(b.granted);
        this.recursionLimit = b.recursionLimit;
        this.stepBudget = b.stepBudget;
        this.memoryLimit = b.memoryLimit;
        this.args = List.copyOf(b.args);
        this.env = Map.copyOf(b.env);
        this.builtins = Map.copyOf(b.builtins);
        this.moduleFactories = Map.copyOf(b.moduleFactories);
        this.stderrIsTerminal = b.stderrIsTerminal;
        this.typeMethods = b.typeMethods;
        this.compile = b.compile;
    }

    /**
     * Whether this engine compiles Skein functions to JVM bytecode (else everything runs on the
     * node tree). Process-pool workers follow their parent's setting.
     */
    public boolean compiles() { return compile; }

    /** The default of {@link Builder#compile}: on, unless the system property {@code skein.compile} is {@code off}. */
    public static boolean compileByDefault() { return !"off".equals(System.getProperty("skein.compile")); }

    /** Gives the memory reserve back to the heap (the heap ran out); {@link #keepMemoryReserve} takes it again. */
    public void releaseMemoryReserve() { memoryReserve = null; }

    /** Takes the memory reserve again if it was released and the heap has room now. */
    public void keepMemoryReserve() {
        if (memoryReserve != null) return;
        try {
            memoryReserve = new byte[128 << 10];
        } catch (OutOfMemoryError stillFull) {
            // try again at the next run
        }
    }

    /** The methods of built-in types in this engine. */
    public TypeMethodTable typeMethods() { return typeMethods; }

    /** Whether stderr is an interactive terminal (progress bars are drawn only then). */
    public boolean stderrIsTerminal() { return stderrIsTerminal; }

    public static Builder builder() { return new Builder(); }

    public OutputSink stdout() { return stdout; }

    public OutputSink stderr() { return stderr; }

    public int recursionLimit() { return recursionLimit; }

    /** Steps (loop iterations and calls) a thread may take; Long.MAX_VALUE means no limit. */
    public long stepBudget() { return stepBudget; }

    /** The bytes each embedded entry may allocate (see {@link MemoryBudget}); 0: no limit. */
    public long memoryLimit() { return memoryLimit; }

    /** The script's command-line arguments (os.args). */
    public List<String> args() { return args; }

    public Map<String, String> env() { return env; }

    /** Builtin names visible in every module (print, len, ValueError, …). */
    public Map<String, Object> builtins() { return builtins; }

    public boolean isGranted(Capability c) { return granted.contains(c); }

    /** Raises PermissionError unless the host granted {@code c}. */
    public void require(Capability c) {
        if (!granted.contains(c)) {
            throw Errors.permission(c.description() + " is not allowed here (capability " + c.name().toLowerCase() + " not granted)");
        }
    }

    /** A standard module by name, created once per interpreter; null when there is none. */
    public ModuleValue stdModule(String name) {
        Function<Interpreter, ModuleValue> f = moduleFactories.get(name);
        if (f == null) return null;
        return loadedModules.computeIfAbsent(name, n -> f.apply(this));
    }

    public boolean hasStdModule(String name) { return moduleFactories.containsKey(name); }

    public Set<String> stdModuleNames() { return moduleFactories.keySet(); }

    /** Script modules loaded by path (the interp layer stores its loaded module objects here). */
    public Map<Path, Object> scriptModules() { return scriptModules; }

    /**
     * Per-interpreter singletons of later layers (the pool registry, the process launcher),
     * created on first use; keeps this class free of their types.
     */
    @SuppressWarnings("unchecked")
    public <T> T service(Class<T> type, Function<Interpreter, T> create) {
        return (T) services.computeIfAbsent(type, t -> create.apply(this));
    }

    /** The services created so far (for shutdown). */
    public java.util.Collection<Object> services() { return services.values(); }

    /** Fluent, mutable configuration; {@link #build()} makes the immutable interpreter. */
    public static final class Builder {
        private OutputSink stdout = OutputSink.of(System.out);
        private OutputSink stderr = OutputSink.of(System.err);
        private final Set<Capability> granted = EnumSet.noneOf(Capability.class);
        private int recursionLimit = 20_000;
        private long stepBudget = Long.MAX_VALUE;
        private long memoryLimit;
        private List<String> args = List.of();
        private Map<String, String> env = Map.of();
        private final Map<String, Object> builtins = new java.util.HashMap<>();
        private final Map<String, Function<Interpreter, ModuleValue>> moduleFactories = new java.util.HashMap<>();
        private boolean stderrIsTerminal;
        private TypeMethodTable typeMethods = TypeMethodTable.NONE;
        private boolean compile = compileByDefault();

        public Builder stdout(OutputSink s) { stdout = s; return this; }
        public Builder stderr(OutputSink s) { stderr = s; return this; }
        public Builder grant(Capability... cs) { granted.addAll(List.of(cs)); return this; }
        public Builder grantAll() { granted.addAll(EnumSet.allOf(Capability.class)); return this; }
        public Builder recursionLimit(int n) { recursionLimit = n; return this; }
        public Builder stepBudget(long n) { stepBudget = n; return this; }
        public Builder memoryLimit(long bytes) { memoryLimit = bytes; return this; }
        public Builder args(List<String> a) { args = a; return this; }
        public Builder env(Map<String, String> e) { env = e; return this; }
        public Builder builtin(String name, Object value) { builtins.put(name, value); return this; }
        public Builder builtins(Map<String, Object> m) { builtins.putAll(m); return this; }
        public Builder module(String name, Function<Interpreter, ModuleValue> factory) { moduleFactories.put(name, factory); return this; }

        public Builder stderrIsTerminal(boolean t) { stderrIsTerminal = t; return this; }
        public Builder typeMethods(TypeMethodTable t) { typeMethods = t; return this; }
        /** Whether functions compile to bytecode (default: {@link #compileByDefault()}). */
        public Builder compile(boolean on) { compile = on; return this; }

        public Interpreter build() { return new Interpreter(this); }
    }
}
