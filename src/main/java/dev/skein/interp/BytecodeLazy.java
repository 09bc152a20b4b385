package dev.skein.interp;

import dev.skein.ast.Expr;
import dev.skein.ast.Stmt;
import dev.skein.runtime.Interpreter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Compiles a unit's functions to bytecode lazily: a function runs on the node tree until its
 * first call ({@link #AFTER} calls on the tree, default 0), which compiles it together with the
 * top-level functions it reads (transitively, those not compiled yet), so its direct calls stay
 * {@code invokestatic}s inside one class. A long script whose functions are mostly never called
 * then pays only for those that run (bench/COMPILER_INFRA.md has the figures).
 *
 * <p>Threads calling at once: one compiles under the unit's lock, the others wait for it (a few
 * milliseconds); {@link Code#compiled} is volatile, written after {@link Code#compiledIndex}, so
 * a thread that sees the entry sees its index. A stack overflow while compiling (a first call
 * deep in a recursion) leaves the function on the tree for that call, to be tried again later.
 */
final class BytecodeLazy {
    /**
     * Tree calls before a function compiles ({@code -Dskein.compile.after=N}); -1 compiles every
     * function when the unit loads (what the compiler did before it was lazy).
     */
    static final int AFTER = Integer.getInteger("skein.compile.after", 0);

    /**
     * Whether a module's top level compiles when it loads ({@code -Dskein.compile.toplevel=on}).
     * Off by default: it runs once, and even its loops ran no faster compiled than on the tree
     * (bench/COMPILER_INFRA.md); {@link Code#compileNow} still compiles it (tests).
     */
    static final boolean TOP_LEVEL = "on".equals(System.getProperty("skein.compile.toplevel"));

    private final ResolvedProgram resolved;
    private final ModuleInstance module;
    private final Interpreter interp;
    /** The unit's function codes, whose list grows as top-level bodies are built (guarded by its lock). */
    private final LazyBodies bodies;
    private final Map<Code, BytecodeCompiler.Candidate> byCode = new HashMap<>();
    /** A top-level {@code fn}'s global name to its candidate: what a function's direct calls may reach. */
    private final Map<String, BytecodeCompiler.Candidate> topLevel = new HashMap<>();
    private final ReentrantLock lock;
    /** The top level, when it waits on the tree for {@link Code#compileNow}; else null. */
    private final BytecodeCompiler.Main main;

    private BytecodeLazy(ResolvedProgram resolved, ModuleInstance module, Interpreter interp, LazyBodies bodies,
                         BytecodeCompiler.Main main) {
        this.main = main;
        this.resolved = resolved;
        this.module = module;
        this.interp = interp;
        this.bodies = bodies;
        this.lock = bodies.lock;
        // By function literal, so that each top-level fn finds its candidate in one look-up, not
        // a scan of all of them (quadratic: 2,000 lines of functions paid milliseconds cold).
        Map<Expr.Lambda, BytecodeCompiler.Candidate> byFn = new IdentityHashMap<>();
        for (BytecodeCompiler.Candidate c : bodies.candidates) {
            byCode.put(c.code(), c);
            byFn.put(c.fn(), c);
        }
        for (Stmt s : resolved.program) {
            if (s instanceof Stmt.FnDef d && resolved.binding(d) instanceof Binding.Global g) {
                BytecodeCompiler.Candidate c = byFn.get(d.function());
                if (c != null) topLevel.put(g.name(), c);
            }
        }
    }

    /**
     * Instead of {@link BytecodeCompiler#compile}: each function compiles at its first call (or
     * all now, with the top level, when {@code AFTER < 0}); the top level stays on the tree
     * unless {@link #TOP_LEVEL}.
     */
    static void install(ResolvedProgram resolved, ModuleInstance module, Interpreter interp, LazyBodies bodies,
                        BytecodeCompiler.Main main) {
        if (AFTER < 0) {
            bodies.buildAll();
            BytecodeCompiler.compile(resolved, module, interp, bodies.candidates, bodies.candidates, main);
            return;
        }
        List<BytecodeCompiler.Candidate> candidates = bodies.candidates;
        if (main != null && TOP_LEVEL) BytecodeCompiler.compile(resolved, module, interp, candidates, List.of(), main);
        boolean laterMain = main != null && !TOP_LEVEL;
        if (candidates.isEmpty() && !laterMain) return;
        BytecodeLazy unit = new BytecodeLazy(resolved, module, interp, bodies, laterMain ? main : null);
        for (BytecodeCompiler.Candidate c : candidates) c.code().lazy = unit;
        bodies.bytecode = unit;   // codes made when a body is built wait for their first call too
        if (laterMain) main.code().lazy = unit;
    }

    /**
     * Called by {@link Function#run} for a code still on the tree: counts the call and, when it is
     * time, compiles it. Returns its entry, or null to run this call on the tree.
     */
    CompiledEntry enter(Code code) {
        if (code.treeCalls++ < AFTER) return null;
        return compile(code);
    }

    /** Compiles {@code code} now (with the functions it reaches) unless done; its entry, or null if it stays on the tree. */
    CompiledEntry compile(Code code) {
        try {
            lock.lock();
            try {
                if (code.lazy == null) return code.compiled;   // compiled, or tried already
                if (main != null && code == main.code()) return compileMain();
                List<BytecodeCompiler.Candidate> group = group(code);
                BytecodeCompiler.compile(resolved, module, interp, List.copyOf(bodies.candidates), group, null);
                for (BytecodeCompiler.Candidate c : group) c.code().lazy = null;
                return code.compiled;
            } finally {
                lock.unlock();
            }
        } catch (StackOverflowError deep) {
            return null;   // no room to compile here: this call runs on the tree
        }
    }

    /** The top level, which {@link Runner#run} then runs compiled (only {@link Code#compileNow} asks). */
    private CompiledEntry compileMain() {
        BytecodeCompiler.compile(resolved, module, interp, List.copyOf(bodies.candidates), List.of(), main);
        main.code().lazy = null;
        return main.code().compiled;
    }

    /** {@code code} and the top-level functions it reads, transitively, that have not been tried yet. */
    private List<BytecodeCompiler.Candidate> group(Code code) {
        List<BytecodeCompiler.Candidate> group = new ArrayList<>();
        ArrayDeque<Code> todo = new ArrayDeque<>();
        java.util.Set<Code> seen = new java.util.HashSet<>();
        todo.add(code);
        seen.add(code);
        while (!todo.isEmpty()) {
            Code next = todo.poll().ready();   // its body, and the codes of the closures in it
            group.add(candidate(next));
            for (String g : next.globalsRead) {
                BytecodeCompiler.Candidate c = topLevel.get(g);
                if (c != null && c.code().lazy != null && seen.add(c.code())) todo.add(c.code());
            }
        }
        return group;
    }

    /** The candidate of {@code code}, which may have been made since this unit was installed (in a body built late). */
    private BytecodeCompiler.Candidate candidate(Code code) {
        BytecodeCompiler.Candidate c = byCode.get(code);
        if (c == null) {
            for (BytecodeCompiler.Candidate made : bodies.candidates) byCode.putIfAbsent(made.code(), made);
            c = byCode.get(code);
        }
        return c;
    }
}
