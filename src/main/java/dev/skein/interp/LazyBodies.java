package dev.skein.interp;

import dev.skein.ast.Expr;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Builds the node trees of a unit's top-level functions at each one's first use ({@link Code#ready}),
 * as their bytecode already is: a long script whose functions mostly never run pays for parsing
 * and resolving them (every compile-time error is still reported before anything runs) and
 * builds only what runs. A top-level function captures nothing (what it sees from outside is a
 * module global), so its code exists before its body: a closure of it, a process boundary and
 * the bytecode compiler ask for the body through {@link Code#ready}.
 *
 * <p>One lock per unit, shared with its {@link BytecodeLazy} (which builds a group of functions
 * before compiling them): the compiler's walkers and the resolved program are not thread-safe.
 * A stack overflow while building (a first call deep in a recursion) leaves the function waiting,
 * to be built again by a later call.
 */
final class LazyBodies {
    private final Compiler compiler;
    final ReentrantLock lock = new ReentrantLock();
    /** Every function literal whose code exists, with it: what the bytecode compiler may compile. Guarded by {@link #lock}. */
    final List<BytecodeCompiler.Candidate> candidates = new ArrayList<>();
    /** Each waiting top-level code's function literal. */
    private final Map<Code, Expr.Lambda> waiting = new IdentityHashMap<>();
    /** Each built top-level code's nested codes, built with its body: found by key for other engines (process pools). */
    private final Map<Code, List<Code>> inner = new IdentityHashMap<>();
    /** The codes made by the build under way, or null. */
    private List<Code> building;
    /** The unit's lazy bytecode compiler, if compiling is on: functions built late compile at their first call too. */
    BytecodeLazy bytecode;

    LazyBodies(Compiler compiler) { this.compiler = compiler; }

    /** A function literal's code, made now (its body may wait). */
    void add(BytecodeCompiler.Candidate c) {
        candidates.add(c);
        if (building != null) building.add(c.code());
        if (bytecode != null) c.code().lazy = bytecode;
    }

    /** {@code code}'s body waits for its first use. */
    void defer(Expr.Lambda fn, Code code) {
        waiting.put(code, fn);
        code.lateBody = this;
        code.waiting = true;
    }

    /** Builds {@code code}'s body unless another thread did. */
    void build(Code code) {
        lock.lock();
        try {
            if (!code.waiting) return;
            int before = candidates.size();
            building = new ArrayList<>();
            try {
                compiler.build(waiting.get(code), code);
            } catch (StackOverflowError deep) {
                candidates.subList(before, candidates.size()).clear();   // a later call builds it again
                throw deep;
            }
            inner.put(code, building);
            waiting.remove(code);
            code.waiting = false;
        } finally {
            building = null;
            lock.unlock();
        }
    }

    /** Builds every body still waiting (the bytecode compiler compiling a whole unit at once). */
    void buildAll() {
        lock.lock();
        try {
            for (Code c : List.copyOf(waiting.keySet())) build(c);
        } finally {
            lock.unlock();
        }
    }

    /**
     * The code of a function nested in a top-level function of {@code known} that was not built
     * yet (here, or in the engine that compiled it): builds the top-level function that starts
     * last before {@code key} ("file:line:col") and looks among what it made; null if none has it.
     */
    static Code find(Collection<Code> known, String key) {
        int c2 = key.lastIndexOf(':'), c1 = key.lastIndexOf(':', c2 - 1);
        if (c1 < 0) return null;
        String file = key.substring(0, c1);
        int line, col;
        try {
            line = Integer.parseInt(key.substring(c1 + 1, c2));
            col = Integer.parseInt(key.substring(c2 + 1));
        } catch (NumberFormatException e) {
            return null;
        }
        Code outer = null;
        for (Code c : known) {
            if (c.lateBody == null || !c.file.equals(file) || c.line > line || c.line == line && c.column > col) continue;
            if (outer == null || c.line > outer.line || c.line == outer.line && c.column > outer.column) outer = c;
        }
        return outer == null ? null : outer.lateBody.nested(outer.ready(), key);
    }

    private Code nested(Code outer, String key) {
        lock.lock();
        try {
            for (Code c : inner.getOrDefault(outer, List.of())) if (c.key().equals(key)) return c;
            return null;
        } finally {
            lock.unlock();
        }
    }
}
