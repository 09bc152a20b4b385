package dev.skein.interp;

import dev.skein.ast.Expr;
import dev.skein.ast.Param;
import dev.skein.ast.Span;
import dev.skein.ast.Stmt;
import dev.skein.ast.Target;
import dev.skein.syntax.Diagnostic;
import dev.skein.syntax.Source;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Name resolution, the pass before code generation: gives every local a frame slot, every
 * captured variable a cell, and decides for every name whether it is a local, a capture, a
 * module global or a builtin. Reports every undeclared name (and misplaced break/continue/return,
 * assignments to builtins or record fields, unknown standard modules) before anything runs.
 * Needs no interpreter: only the names it may take as given ({@link KnownNames}).
 *
 * <p>Nodes are told apart with {@code instanceof} chains for the reason given on {@link Compiler}.
 */
public final class Resolver {
    private final ResolvedProgram out;
    private final Set<String> moduleGlobals;
    private final KnownNames known;
    private final boolean undeclaredAreGlobals;
    private final Set<String> declared = new LinkedHashSet<>();
    private final FreeNames freeNames = new FreeNames();
    private Scope scope;
    /**
     * Inside a top-level function while the module is resolved: its errors are found (the walk
     * is the same) but nothing is recorded for code generation, which resolves it again, in
     * full, when its body is built ({@link #resolveLate}). No cells, no loop buffers, no bindings.
     */
    private boolean checkOnly;
    /** Resolving a top-level function for its body's build: its errors were reported already. */
    private boolean late;

    private Resolver(ResolvedProgram out, Set<String> moduleGlobals, KnownNames known, boolean undeclaredAreGlobals) {
        this.out = out;
        this.moduleGlobals = moduleGlobals;
        this.known = known;
        this.undeclaredAreGlobals = undeclaredAreGlobals;
    }

    /**
     * Resolves a module's top level. {@code moduleGlobals}: the globals the module already has
     * (earlier REPL inputs, host globals); the program's own top-level declarations join them.
     * With {@code undeclaredAreGlobals} (an embedding host compiling a script) a name declared
     * nowhere is still reported, but resolved as a module global the host may set.
     */
    public static ResolvedProgram resolve(List<Stmt> program, Source source, Set<String> moduleGlobals, KnownNames known,
                                          boolean undeclaredAreGlobals) {
        ResolvedProgram out = new ResolvedProgram(source, program);
        Resolver resolver = new Resolver(out, moduleGlobals, known, undeclaredAreGlobals);
        resolver.module(program);
        out.lateResolver = resolver;
        return out;
    }

    /**
     * Resolves a top-level function in full, as {@link #module} would have (same walk, same slots),
     * for the build of its body ({@link LazyBodies}): what it sees from outside is the module's.
     */
    ResolvedFunction resolveLate(Expr.Lambda fn) {
        Scope outer = scope;
        scope = new Scope(null, true, "<main>", java.util.Set::of);
        scope.pushBlock();
        late = true;
        try {
            lambda(fn);
        } finally {
            late = false;
            scope = outer;
        }
        return out.functions.get(fn);
    }

    private void module(List<Stmt> program) {
        for (Stmt s : program) declareGlobal(s);
        scope = new Scope(null, true, "<main>", () -> freeNames.usedByClosures(program));
        scope.pushBlock();
        for (Stmt s : program) stmt(s);
        scope.popBlock();
        out.declaredGlobals.addAll(declared);
        out.main = finish(scope, new int[0], new int[0]);
    }

    /** Top-level declarations are globals, known before anything is resolved (functions may use later ones). */
    private void declareGlobal(Stmt s) {
        if (s instanceof Stmt.Let l) {
            declareGlobals(l.target());
        } else if (s instanceof Stmt.FnDef d) {
            declared.add(d.name());
        } else if (s instanceof Stmt.RecordDef r) {
            declared.add(r.name());
        } else if (s instanceof Stmt.Import i) {
            declared.add(importName(i));
        }
    }

    private void declareGlobals(Target t) {
        if (t instanceof Target.NameTarget n) declared.add(n.name());
        else if (t instanceof Target.ListTarget l) l.items().forEach(this::declareGlobals);
    }

    /** The name an import binds: its alias, else the last part of the module name. */
    static String importName(Stmt.Import i) {
        if (i.alias() != null) return i.alias();
        int dot = i.module().lastIndexOf('.');
        return dot < 0 ? i.module() : i.module().substring(dot + 1);
    }

    private ResolvedFunction finish(Scope s, int[] cellParams, int[] hoistedCells) {
        return new ResolvedFunction(s.functionName, s.frameSize, s.locals(), cellParams, s.captures(),
                s.globalsRead.toArray(new String[0]), hoistedCells);
    }

    // ------------------------------------------------------------------ diagnostics

    private Diagnostic error(Span at, String kind, String message) {
        Diagnostic d = new Diagnostic(out.source, at.line(), at.column(), kind, message, false);
        if (!late) out.errors.add(d);
        return d;
    }

    private void undeclared(Span at, String name, String message) {
        Diagnostic d = error(at, "NameError", message);
        if (!late) out.undeclaredErrors.add(new ResolvedProgram.UndeclaredUse(name, d));
    }

    /** Records what a name site means (not while only checking). */
    private void bind(Object site, Binding b) {
        if (!checkOnly) out.bindings.put(site, b);
    }

    // ------------------------------------------------------------------ names

    /** What {@code name} means in scope {@code s}, or null when it is not declared anywhere. */
    private Binding resolve(Scope s, String name) {
        Scope.Var v = s.findLocal(name);
        if (v != null) return new Binding.Local(v.slot(), v.cell(), false);
        if (s.isModule) {
            if (moduleGlobals.contains(name) || declared.contains(name)) return new Binding.Global(name);
            if (known.builtins().contains(name)) return new Binding.Builtin(name);
            return null;
        }
        Binding outer = resolve(s.parent, name);
        if (outer instanceof Binding.Local l) {
            if (!l.cell() && !checkOnly) throw new IllegalStateException("captured variable '" + name + "' has no cell");
            s.parent.used(l.slot(), false);   // the closure is made there, from the cell in that slot
            return new Binding.Captured(s.capture(s.parent.findLocal(name), new ResolvedFunction.FreeVar(name, true, l.slot())));
        }
        if (outer instanceof Binding.Captured c) {
            return new Binding.Captured(s.capture(c.index(), new ResolvedFunction.FreeVar(name, false, c.index())));
        }
        return outer;
    }

    /** A global used here: every enclosing function reads it ("globals used", sent to process pools). */
    private void usesGlobal(String name) {
        if (checkOnly) return;
        for (Scope s = scope; s != null; s = s.parent) s.globalsRead.add(name);
    }

    private void read(Expr.Name n) {
        String name = n.name();
        Binding b = resolve(scope, name);
        if (b == null) {
            undeclared(n.span(), name, "'" + name + "' is not declared" + suggestion(name));
            b = undeclaredAreGlobals ? new Binding.Global(name) : new Binding.Undeclared(name);
        }
        if (b instanceof Binding.Global) usesGlobal(name);
        if (b instanceof Binding.Local l) scope.used(l.slot(), false);
        bind(n, b);
    }

    private static String suggestion(String name) {
        return switch (name) {
            case "None", "null", "nil" -> " (Skein spells it none)";
            case "True" -> " (Skein spells it true)";
            case "False" -> " (Skein spells it false)";
            default -> "";
        };
    }

    /** Assigning (not declaring) a name. */
    private void assign(Target.NameTarget n) {
        String name = n.name();
        Binding b = resolve(scope, name);
        if (b == null) {
            undeclared(n.span(), name, "'" + name + "' is not declared; declare it first with: let " + name + " = …");
            b = undeclaredAreGlobals ? new Binding.Global(name) : new Binding.Undeclared(name);
        } else if (b instanceof Binding.Builtin) {
            error(n.span(), "NameError", "'" + name + "' is a builtin and cannot be assigned; declare your own with: let " + name + " = …");
        }
        if (b instanceof Binding.Global) usesGlobal(name);
        if (b instanceof Binding.Local l) scope.used(l.slot(), true);
        bind(n, b);
    }

    /** Declares {@code name} here: a global at module top level, else a new local. */
    private Binding declare(String name) {
        if (scope.atModuleTop()) {
            declared.add(name);
            return new Binding.Global(name);
        }
        return fresh(scope.declare(name));
    }

    /** Declares a block-local even at module top level (catch bindings, comprehension variables). */
    private Binding declareLocal(String name) { return fresh(scope.declare(name)); }

    private static Binding fresh(Scope.Var v) { return new Binding.Local(v.slot(), v.cell(), true); }

    /** Where a hoisted {@code fn}/{@code record}/import name goes: a global at top level, else its block slot. */
    private Binding definition(String name) {
        if (scope.atModuleTop()) return declare(name);
        Scope.Var v = scope.declaredHere(name);
        return v == null ? declare(name) : new Binding.Local(v.slot(), v.cell(), false);
    }

    private void target(Target t, boolean declare) {
        if (t instanceof Target.NameTarget n) {
            if (declare) bind(n, declare(n.name()));
            else assign(n);
        } else if (t instanceof Target.ListTarget l) {
            for (Target x : l.items()) target(x, declare);
        } else if (t instanceof Target.IndexTarget i) {
            expr(i.target());
            expr(i.index());
        } else if (t instanceof Target.AttrTarget a) {
            expr(a.target());   // checked when it runs: a host object's field or setter; records are immutable
        } else {
            throw new IllegalStateException("unexpected target " + t);
        }
    }

    /** Comprehension variables are always locals of the comprehension, even at module top level. */
    private void declaringTarget(Target t) {
        if (t instanceof Target.NameTarget n) bind(n, declareLocal(n.name()));
        else if (t instanceof Target.ListTarget l) l.items().forEach(this::declaringTarget);
        else target(t, true);
    }

    // ------------------------------------------------------------------ statements

    private void block(Stmt.Block b) {
        int[] hoisted = block(b.statements());
        if (hoisted.length > 0 && !checkOnly) out.hoistedCells.put(b, hoisted);
    }

    /** Resolves a block; returns the slots of its hoisted names that are cells. */
    private int[] block(List<Stmt> statements) {
        scope.pushBlock();
        try {
            List<Integer> hoistedCells = new ArrayList<>();
            for (Stmt s : statements) {
                String hoisted = s instanceof Stmt.FnDef d ? d.name() : s instanceof Stmt.RecordDef r ? r.name() : null;
                if (hoisted != null && scope.declaredHere(hoisted) == null) {
                    Scope.Var v = scope.declare(hoisted);
                    if (v.cell()) hoistedCells.add(v.slot());
                }
            }
            for (Stmt s : statements) stmt(s);
            return hoistedCells.stream().mapToInt(Integer::intValue).toArray();
        } finally {
            scope.popBlock();
        }
    }

    /** Visits in the order the code generator used to, so slots and errors come out the same. */
    private void stmt(Stmt s) {
        if (s instanceof Stmt.Let l) {
            expr(l.value());
            target(l.target(), true);
        } else if (s instanceof Stmt.Assign a) {
            expr(a.value());
            target(a.target(), false);
        } else if (s instanceof Stmt.AugAssign a) {
            augAssign(a);
        } else if (s instanceof Stmt.ExprStmt e) {
            expr(e.expr());
        } else if (s instanceof Stmt.FnDef d) {
            scope.defines();
            bind(d, definition(d.name()));
            if (scope.atModuleTop()) checkLater(d.function());
            else lambda(d.function());
        } else if (s instanceof Stmt.RecordDef r) {
            scope.defines();
            for (Param p : r.fields()) if (p.defaultValue() != null) expr(p.defaultValue());
            bind(r, definition(r.name()));
        } else if (s instanceof Stmt.If i) {
            if (i.otherwise() != null) stmt(i.otherwise());
            expr(i.condition());
            block(i.then());
        } else if (s instanceof Stmt.While w) {
            LoopSlots whileSlots = scope.openLoop();
            if (!checkOnly) out.loopSlots.put(w, whileSlots);
            int[][] buffers = startAccumulating(w.body().statements(), w.condition());
            expr(w.condition());
            loopBody(w.body());
            finishAccumulating(w, buffers);
            scope.closeLoop();
        } else if (s instanceof Stmt.For f) {
            LoopSlots forSlots = scope.openLoop();
            if (!checkOnly) out.loopSlots.put(f, forSlots);
            expr(f.iterable());
            int[][] buffers = startAccumulating(f.body().statements(), null);
            scope.pushBlock();
            target(f.target(), true);
            loopBody(f.body());
            scope.popBlock();
            finishAccumulating(f, buffers);
            scope.closeLoop();
        } else if (s instanceof Stmt.Break b) {
            if (scope.loopDepth == 0) error(b.span(), "SyntaxError", "'break' outside a loop");
        } else if (s instanceof Stmt.Continue c) {
            if (scope.loopDepth == 0) error(c.span(), "SyntaxError", "'continue' outside a loop");
        } else if (s instanceof Stmt.Return r) {
            if (scope.isModule) error(r.span(), "SyntaxError", "'return' outside a function");
            if (r.value() != null) expr(r.value());
        } else if (s instanceof Stmt.Throw t) {
            expr(t.error());
        } else if (s instanceof Stmt.Try t) {
            tryStmt(t);
        } else if (s instanceof Stmt.Import i) {
            scope.defines();
            bind(i, definition(importName(i)));
            if (!i.isPath() && !known.stdModules().contains(i.module())) {
                error(i.span(), "ImportError", "there is no standard module '" + i.module() + "' (there are: "
                        + String.join(", ", new java.util.TreeSet<>(known.stdModules())) + ")");
            }
        } else if (s instanceof Stmt.With w) {
            expr(w.resource());
            scope.pushBlock();
            if (w.name() != null) bind(w, declare(w.name()));
            block(w.body());
            scope.popBlock();
        } else if (s instanceof Stmt.Block b) {
            block(b);
        } else {
            throw new IllegalStateException("unexpected statement " + s);
        }
    }

    private void loopBody(Stmt.Block body) {
        scope.loopDepth++;
        block(body);
        scope.loopDepth--;
    }

    /**
     * Finds the plain locals of this function that the loop only extends with {@code +=} and
     * never reads, and gives each a buffer slot: {@code s += str(i)} in a loop then appends to
     * a buffer instead of copying the whole string each time (which is quadratic).
     */
    private int[][] startAccumulating(List<Stmt> body, Expr condition) {
        if (checkOnly) return new int[0][];
        List<int[]> pairs = new ArrayList<>();
        for (String name : freeNames.appendOnly(body, condition)) {
            Scope.Var v = scope.findLocal(name);
            if (v == null || v.cell() || scope.accumulating.containsKey(v.slot())) continue;
            int buffer = scope.frameSize++;
            scope.accumulating.put(v.slot(), buffer);
            pairs.add(new int[] {v.slot(), buffer});
        }
        return pairs.toArray(new int[0][]);
    }

    private void finishAccumulating(Stmt loop, int[][] pairs) {
        if (pairs.length == 0) return;
        for (int[] p : pairs) {
            scope.accumulating.remove(p[0]);
            scope.used(p[0], true);   // the loop writes its buffer back to the variable
        }
        out.loopBuffers.put(loop, pairs);
    }

    private void augAssign(Stmt.AugAssign a) {
        expr(a.value());
        if (a.target() instanceof Target.NameTarget n) {
            Scope.Var local = a.op().equals("+") ? scope.findLocal(n.name()) : null;
            if (local != null && !local.cell() && scope.accumulating.containsKey(local.slot())) {
                out.appends.put(a, new int[] {local.slot(), scope.accumulating.get(local.slot())});
                scope.used(local.slot(), true);
                scope.used(local.slot(), false);
                scope.used(scope.accumulating.get(local.slot()), true);
                scope.used(scope.accumulating.get(local.slot()), false);
                return;
            }
            // x op= v reads x, then assigns it: both must resolve (two errors when x is undeclared).
            Binding read = resolve(scope, n.name());
            if (read instanceof Binding.Local l) scope.used(l.slot(), false);
            if (read == null) undeclared(n.span(), n.name(), "'" + n.name() + "' is not declared" + suggestion(n.name()));
            else if (read instanceof Binding.Global) usesGlobal(n.name());
            assign(n);
        } else if (a.target() instanceof Target.IndexTarget i) {
            expr(i.target());
            expr(i.index());
        } else if (a.target() instanceof Target.AttrTarget t) {
            error(t.span(), "SyntaxError", "'." + t.name() + " " + a.op() + "=' is not supported: write x." + t.name() + " = x." + t.name() + " " + a.op() + " …");
        } else {
            target(a.target(), false);  // reports the error
        }
    }

    private void tryStmt(Stmt.Try t) {
        block(t.body());
        for (Stmt.Catch c : t.catches()) {
            c.kinds().forEach(this::expr);
            scope.pushBlock();
            if (c.binding() != null) bind(c, declareLocal(c.binding()));
            block(c.body());
            scope.popBlock();
        }
        if (t.finallyBlock() != null) block(t.finallyBlock());
    }

    // ------------------------------------------------------------------ expressions

    private void expr(Expr e) {
        if (e == null || e instanceof Expr.Literal) return;
        if (e instanceof Expr.Name n) {
            read(n);
        } else if (e instanceof Expr.FString f) {
            fstring(f);
        } else if (e instanceof Expr.ListLit l) {
            l.items().forEach(this::expr);
        } else if (e instanceof Expr.SetLit s) {
            s.items().forEach(this::expr);
        } else if (e instanceof Expr.DictLit d) {
            d.keys().forEach(this::expr);
            d.values().forEach(this::expr);
        } else if (e instanceof Expr.Comprehension c) {
            comprehension(c);
        } else if (e instanceof Expr.Unary u) {
            expr(u.operand());
        } else if (e instanceof Expr.Binary b) {
            expr(b.left());
            expr(b.right());
        } else if (e instanceof Expr.Compare c) {
            c.operands().forEach(this::expr);
        } else if (e instanceof Expr.And a) {
            expr(a.left());
            expr(a.right());
        } else if (e instanceof Expr.Or o) {
            expr(o.left());
            expr(o.right());
        } else if (e instanceof Expr.Not n) {
            expr(n.operand());
        } else if (e instanceof Expr.Conditional c) {
            expr(c.condition());
            expr(c.then());
            expr(c.otherwise());
        } else if (e instanceof Expr.Call c) {
            call(c);
        } else if (e instanceof Expr.Index i) {
            expr(i.target());
            expr(i.index());
        } else if (e instanceof Expr.Slice s) {
            expr(s.start());
            expr(s.stop());
            expr(s.step());
        } else if (e instanceof Expr.Attr a) {
            expr(a.target());
        } else if (e instanceof Expr.Lambda l) {
            lambda(l);
        } else if (e instanceof Expr.Await a) {
            expr(a.future());
            expr(a.timeout());
        } else if (e instanceof Expr.Submit s) {
            call(s.call());
            expr(s.pool());
            expr(s.timeout());
        } else if (e instanceof Expr.MapOver m) {
            m.iterables().forEach(this::expr);
            expr(m.function());
            expr(m.pool());
            expr(m.chunk());
            expr(m.timeout());
            expr(m.buffer());
        } else {
            throw new IllegalStateException("unexpected expression " + e);
        }
    }

    /** A method call resolves its receiver (the method is looked up by name at run time). */
    private void call(Expr.Call c) {
        expr(c.callee() instanceof Expr.Attr a ? a.target() : c.callee());
        for (Expr.Arg a : c.args()) expr(a.value());
    }

    private void fstring(Expr.FString f) {
        for (Object p : f.parts()) {
            if (p instanceof Expr.Interpolation in) {
                expr(in.value());
                if (in.spec() != null) fstring(in.spec());
            }
        }
    }

    private void comprehension(Expr.Comprehension c) {
        scope.pushBlock();
        try {
            for (Expr.CompClause cl : c.clauses()) {
                if (cl instanceof Expr.CompFor f) {
                    expr(f.iterable());
                    declaringTarget(f.target());
                } else {
                    expr(((Expr.CompIf) cl).condition());
                }
            }
            expr(c.element());
            expr(c.value());
        } finally {
            scope.popBlock();
        }
    }

    /** A top-level function: its errors are found now, the rest when its body is built ({@link #resolveLate}). */
    private void checkLater(Expr.Lambda fn) {
        checkOnly = true;
        try {
            lambda(fn);
        } finally {
            checkOnly = false;
        }
    }

    private void lambda(Expr.Lambda fn) {
        Scope outer = scope;
        scope = new Scope(outer, false, fn.name() != null ? fn.name() : "<lambda>",
                checkOnly ? java.util.Set::of : () -> freeNames.usedByClosures(fn.body()));
        scope.pushBlock();
        try {
            List<Integer> cellParams = new ArrayList<>();
            for (Param p : fn.params()) {
                Scope.Var v = scope.declare(p.name());
                if (v.cell()) cellParams.add(v.slot());
            }
            for (Param p : fn.params()) if (p.defaultValue() != null) expr(p.defaultValue());
            int[] hoisted = block(fn.body());
            if (!checkOnly) out.functions.put(fn, finish(scope, cellParams.stream().mapToInt(Integer::intValue).toArray(), hoisted));
        } finally {
            scope.popBlock();
            scope = outer;
        }
    }
}
