package dev.skein.interp;

import dev.skein.ast.Expr;
import dev.skein.ast.Stmt;
import dev.skein.syntax.CompileError;
import dev.skein.syntax.Diagnostic;
import dev.skein.syntax.Source;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A program after name resolution: the input of code generation. For every function its frame
 * layout ({@link ResolvedFunction}); for every name occurrence what it means ({@link Binding});
 * the module's globals; and every problem found. Syntax tree nodes are keys by identity.
 */
public final class ResolvedProgram {
    final Source source;
    final List<Stmt> program;
    /** Name sites: Expr.Name, Target.NameTarget, and the FnDef, RecordDef, Import, With and Catch that bind a name. */
    final Map<Object, Binding> bindings = new IdentityHashMap<>();
    final Map<Expr.Lambda, ResolvedFunction> functions = new IdentityHashMap<>();
    /** Per block: slots of its hoisted fn/record names that are cells (absent: none). */
    final Map<Stmt.Block, int[]> hoistedCells = new IdentityHashMap<>();
    /** Per loop whose string appends go to buffers: {variable slot, buffer slot} pairs. */
    final Map<Stmt, int[][]> loopBuffers = new IdentityHashMap<>();
    /** {@code s += piece} statements that append to a loop's buffer: {variable slot, buffer slot}. */
    final Map<Stmt.AugAssign, int[]> appends = new IdentityHashMap<>();
    /** Per while/for statement: the slots of its function it reads and writes ({@link LoopSlots}). */
    final Map<Stmt, LoopSlots> loopSlots = new IdentityHashMap<>();
    final List<Diagnostic> errors = new ArrayList<>();
    /** A use of a name declared nowhere, and the error reported there. */
    record UndeclaredUse(String name, Diagnostic diagnostic) {}

    /** The errors that are undeclared names, in the order found. */
    final List<UndeclaredUse> undeclaredErrors = new ArrayList<>();
    final List<String> declaredGlobals = new ArrayList<>();
    ResolvedFunction main;
    /** Resolves a top-level function in full when its body is built ({@link LazyBodies}); its errors are above already. */
    Resolver lateResolver;

    ResolvedProgram(Source source, List<Stmt> program) {
        this.source = source;
        this.program = program;
    }

    public Source source() { return source; }

    /** Every problem found (syntax tree problems and undeclared names), in the order found. */
    public List<Diagnostic> errors() { return List.copyOf(errors); }

    public boolean hasErrors() { return !errors.isEmpty(); }

    /** The problems as the exception callers report. */
    public CompileError compileError() { return new CompileError(errors); }

    /**
     * The globals the program's top level declares, in order: what a module must declare (after
     * any host globals) before the generated code runs in it.
     */
    public List<String> declaredGlobals() { return List.copyOf(declaredGlobals); }

    /** Whether there are errors and every one is an undeclared name (which a host may provide). */
    public boolean onlyUndeclaredNames() { return !errors.isEmpty() && undeclaredErrors.size() == errors.size(); }

    /**
     * Each name used but declared nowhere, with the diagnostic of its first use (by position, as
     * errors are shown), in that order.
     */
    public Map<String, Diagnostic> undeclaredNames() {
        List<UndeclaredUse> sorted = new ArrayList<>(undeclaredErrors);
        sorted.sort(Comparator.comparingInt((UndeclaredUse u) -> u.diagnostic().line()).thenComparingInt(u -> u.diagnostic().column()));
        Map<String, Diagnostic> out = new LinkedHashMap<>();
        for (UndeclaredUse u : sorted) out.putIfAbsent(u.name(), u.diagnostic());
        return out;
    }

    Binding binding(Object site) {
        Binding b = bindings.get(site);
        if (b == null) throw new IllegalStateException("unresolved name site " + site);
        return b;
    }

    ResolvedFunction function(Expr.Lambda fn) { return functions.get(fn); }

    /** A top-level function's layout, resolving it in full now if it was only checked. */
    ResolvedFunction resolvedLate(Expr.Lambda fn) {
        ResolvedFunction f = functions.get(fn);
        return f != null ? f : lateResolver.resolveLate(fn);
    }
}
