package dev.skein.interp;

import dev.skein.ast.Stmt;
import dev.skein.runtime.Capability;
import dev.skein.runtime.ErrorKind;
import dev.skein.runtime.ErrorValue;
import dev.skein.runtime.Errors;
import dev.skein.runtime.ExitRequest;
import dev.skein.runtime.Interpreter;
import dev.skein.runtime.ModuleValue;
import dev.skein.runtime.SkeinError;
import dev.skein.runtime.ThreadState;
import dev.skein.syntax.CompileError;
import dev.skein.syntax.Diagnostic;
import dev.skein.syntax.SkeinParsing;
import dev.skein.syntax.Source;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The run lifecycle of one {@link Interpreter}, shared by every front end (CLI, check, REPL,
 * embedding, process-pool workers, imports): parse, resolve ({@link Resolver}), generate
 * ({@link Compiler}), execute, and classify the {@link Outcome}. It also keeps what it compiled
 * (sources, syntax trees, function bodies) for error reports and process pools, and loads the
 * script modules code imports. Get it with {@link #of(Interpreter)}.
 */
public final class Runner implements ModuleLoader {
    private final Interpreter interp;
    private final Map<String, Source> sources = new ConcurrentHashMap<>();
    private final Map<Path, ModuleInstance> loading = new ConcurrentHashMap<>();
    /** Every function body compiled here, by {@link Code#key()}: how a function sent by reference is found again. */
    private final Map<String, Code> codes = new ConcurrentHashMap<>();
    /** The sources compiled into each module, in order: what a worker process compiles to mirror it. */
    private final Map<ModuleInstance, List<Source>> moduleSources = new ConcurrentHashMap<>();
    /** What each source parsed to, kept so process pools need not parse it again for their workers. */
    private final Map<Source, List<Stmt>> programs = new ConcurrentHashMap<>();
    /** Record types by where they were defined, so records crossing processes keep their type. */
    private final Map<String, dev.skein.runtime.RecordType> recordTypes = new ConcurrentHashMap<>();

    private Runner(Interpreter interp) { this.interp = interp; }

    public static Runner of(Interpreter interp) { return interp.service(Runner.class, Runner::new); }

    public Interpreter interp() { return interp; }

    /** The source registered under a file name (for showing the line of an error). */
    public Source source(String name) { return sources.get(name); }

    // ------------------------------------------------------------------ the run lifecycle
    //
    // Every front end runs source the same way: parse, resolve, generate (check, compile*), then
    // execute (run) and classify how it ended (execute, report). Each reports outcomes its own way.

    /** Parses and resolves only, building nothing ({@code skein check}); throws {@link CompileError} listing every problem. */
    public static void check(Source source, KnownNames names) {
        ResolvedProgram resolved = Resolver.resolve(SkeinParsing.parseProgram(source), source, java.util.Set.of(), names, false);
        if (resolved.hasErrors()) throw resolved.compileError();
    }

    /** Parses and resolves source against a module; throws {@link CompileError} listing every problem. */
    public Code compile(Source source, ModuleInstance module, boolean valueOfLastExpression) {
        sources.put(source.name(), source);
        return compileParsed(source, SkeinParsing.parseProgram(source), module, valueOfLastExpression);
    }

    /**
     * Resolves a program parsed elsewhere (a process-pool worker gets the parent's syntax tree,
     * so it never runs the parser); {@code source} names it and may be empty text.
     */
    public Code compileParsed(Source source, List<Stmt> program, ModuleInstance module, boolean valueOfLastExpression) {
        return compile(source, program, module, valueOfLastExpression, false).code();
    }

    /** A script an embedding host compiled, and the globals it expects the host to set (with their first use). */
    public record HostScript(Code code, Map<String, Diagnostic> hostGlobals) {}

    /**
     * Compiles a host's script into {@code layout}: names it uses but declares nowhere are host
     * globals, declared in the layout before the script's own (unless other errors make it fail).
     */
    public HostScript compileHostScript(Source source, ModuleInstance layout) {
        sources.put(source.name(), source);
        return compile(source, SkeinParsing.parseProgram(source), layout, true, true);
    }

    private HostScript compile(Source source, List<Stmt> program, ModuleInstance module, boolean valueOfLastExpression,
                               boolean hostGlobals) {
        programs.put(source, program);
        int declaredBefore = module.declaredCount();
        List<Source> compiled = moduleSources.computeIfAbsent(module, m -> new java.util.concurrent.CopyOnWriteArrayList<>());
        ResolvedProgram resolved = Resolver.resolve(program, source, java.util.Set.copyOf(module.declaredNames()), KnownNames.of(interp), hostGlobals);
        Map<String, Diagnostic> provided = hostGlobals && resolved.onlyUndeclaredNames() ? resolved.undeclaredNames() : Map.of();
        // Declared in order before code is generated, so globals get the indices of their declarations.
        for (String g : provided.keySet()) module.declare(g);
        for (String g : resolved.declaredGlobals()) module.declare(g);
        if (resolved.hasErrors() && provided.isEmpty()) {
            // The failed input still declared its globals here; declare them in workers too, so
            // later inputs that use them compile the same way there (REPL).
            List<String> declared = module.declaredSince(declaredBefore);
            if (!declared.isEmpty()) {
                StringBuilder text = new StringBuilder();
                for (String name : declared) text.append("let ").append(name).append(" = none\n");
                compiled.add(new Source(source.name() + " (declarations)", text.toString()));
            }
            throw resolved.compileError();
        }
        Code code = Compiler.generate(resolved, module, interp, this, valueOfLastExpression, c -> codes.put(c.key(), c));
        compiled.add(source);
        return new HostScript(code, provided);
    }

    /**
     * Makes a script another runner compiled part of {@code module} here, as if compiled by this
     * runner: an embedding host compiles a script once and runs it in sessions that each have
     * their own interpreter. Process-pool workers then get its source, errors show its lines, and
     * its functions are found by key.
     */
    public void adopt(Runner compiledBy, Source source, ModuleInstance module) {
        sources.put(source.name(), source);
        codes.putAll(compiledBy.codes);
        List<Stmt> program = compiledBy.programOf(source);
        if (program != null) programs.put(source, program);
        moduleSources.computeIfAbsent(module, m -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(source);
    }

    /**
     * A compiled function body by its key ("file:line:col"), or null. A function nested in a
     * top-level one is made when that one's body is built ({@link LazyBodies}), which a worker
     * receiving a closure makes happen here.
     */
    public Code code(String key) {
        Code c = codes.get(key);
        if (c == null && (c = LazyBodies.find(codes.values(), key)) != null) codes.put(key, c);
        return c;
    }

    /** The sources compiled into a module so far, in order. */
    /** The syntax tree this runner compiled {@code source} from, or null (process pools send it to workers). */
    public List<Stmt> programOf(Source source) { return programs.get(source); }

    /** Every module this runner compiled source for. */
    public java.util.Set<ModuleInstance> compiledModules() { return java.util.Set.copyOf(moduleSources.keySet()); }

    public List<Source> sourcesOf(ModuleInstance module) { return moduleSources.getOrDefault(module, List.of()); }

    /** The one record type for a definition site, created on first use (records keep their type across processes). */
    public dev.skein.runtime.RecordType recordType(String name, String[] fields, Object[] defaults, String definedAt) {
        return recordTypes.computeIfAbsent(definedAt + "/" + name, k -> new dev.skein.runtime.RecordType(name, fields, defaults, definedAt));
    }

    /** Runs compiled top-level code in the calling thread; returns the code's result (REPL value or none). */
    public Object run(Code code, ModuleInstance module, ThreadState ts) {
        Frame frame = new Frame(code, new Object[code.frameSize], new Cell[0], module, ts);
        try {
            if (code.compiled != null) return code.compiled.runMain(frame);
            code.body.exec(frame);
        } catch (StackOverflowError deep) {
            throw Function.recursionError(ts);
        }
        return frame.ret;
    }

    /**
     * Runs {@code body} (a run of compiled code, and whatever the front end does with it) and
     * says how it ended; an exception that is neither a Skein error nor an exit request (a bug in
     * Skein) is left to the caller.
     */
    public Outcome execute(java.util.function.Supplier<Object> body) {
        interp.keepMemoryReserve();
        try {
            return new Outcome.Finished(body.get());
        } catch (SkeinError e) {
            return new Outcome.Failed(e.value(), this);
        } catch (ExitRequest exit) {
            return new Outcome.Exited(exit.code());
        } catch (OutOfMemoryError oom) {   // the heap ran out outside a checked allocation: reported, not catchable
            interp.releaseMemoryReserve();
            return new Outcome.Failed(Errors.memory("out of memory (" + oom.getMessage() + ")").value(), this);
        }
    }

    /** An uncaught error as front ends show it, with the source lines this runner knows. */
    public String report(ErrorValue error) { return ErrorReport.render(error, this); }

    /*
     * Imports load through the interpreter of the thread that runs the import, not the one the
     * code was compiled with: an embedding host compiles a script once and runs it in many
     * sessions, each with its own interpreter (grants, output, pools, module cache).
     */

    @Override public ModuleValue loadStd(Frame from, String name) {
        if (from.ts.interp() != interp) return Runner.of(from.ts.interp()).loadStd(from, name);
        ModuleValue m = interp.stdModule(name);
        if (m == null) throw Errors.of(ErrorKind.IMPORT, "there is no standard module '" + name + "'");
        return m;
    }

    @Override public ModuleValue loadScript(Frame from, String path) {
        if (from.ts.interp() != interp) return Runner.of(from.ts.interp()).loadScript(from, path);
        interp.require(Capability.FILES);
        Path base = Path.of(from.code.file).toAbsolutePath().getParent();
        Path file = (base == null ? Path.of(path) : base.resolve(path)).normalize();
        Object done = interp.scriptModules().get(file);
        if (done instanceof ModuleInstance m) return m;
        if (loading.containsKey(file)) {
            throw Errors.of(ErrorKind.IMPORT, "circular import of '" + path + "'");
        }
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw Errors.of(ErrorKind.IMPORT, "cannot read module '" + path + "' (" + file + ")");
        }
        String display = displayName(from.code.file, path);
        ModuleInstance module = new ModuleInstance(stem(file), display);
        loading.put(file, module);
        try {
            Code code;
            try {
                code = compile(new Source(display, text), module, false);
            } catch (CompileError e) {
                throw Errors.of(ErrorKind.IMPORT, "module '" + path + "' has errors:\n" + e.render());
            }
            run(code, module, from.ts);
            interp.scriptModules().put(file, module);
            return module;
        } finally {
            loading.remove(file);
        }
    }

    /** The imported file's name as users see it: relative to the importer's own displayed path. */
    private static String displayName(String importer, String path) {
        Path parent = Path.of(importer).getParent();
        return parent == null ? path : parent.resolve(path).normalize().toString();
    }

    private static String stem(Path file) {
        String n = file.getFileName().toString();
        return n.endsWith(".skein") ? n.substring(0, n.length() - 6) : n;
    }
}
