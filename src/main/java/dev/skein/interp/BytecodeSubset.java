package dev.skein.interp;

import dev.skein.ast.Expr;
import dev.skein.ast.Stmt;
import dev.skein.ast.Target;
import java.math.BigInteger;
import java.util.List;
import java.util.Set;

/**
 * Decides which functions {@link BytecodeCompiler} compiles: those whose whole body stays inside
 * what the bytecode walkers know, which is now every construct (closures, data expressions,
 * targets, comprehensions, throw/try/with/import/record, await/submit/map) except a
 * {@code submit} with a spread argument. Anything else keeps running on the node tree, per
 * function (Rhino learnt that falling back per script costs whole programs their speed).
 */
final class BytecodeSubset {
    /** Binary operators with a static {@code Arith} helper (see {@link BytecodeExpressions#ARITH}). */
    static final Set<String> BINARY = Set.of("+", "-", "*", "/", "//", "%", "**", "&", "|", "^", "<<", ">>");
    static final Set<String> COMPARE = Set.of("<", "<=", ">", ">=", "==", "!=", "in", "not in");
    /** Parameters and locals become JVM locals; beyond this many (rare) a function stays on the tree, where a frame is an array. */
    private static final int MAX_LOCALS = 200;

    private final ResolvedProgram resolved;

    BytecodeSubset(ResolvedProgram resolved) { this.resolved = resolved; }

    boolean supports(Expr.Lambda fn) {
        ResolvedFunction layout = resolved.function(fn);
        if (layout == null || layout.frameSize > MAX_LOCALS) return false;
        return stmts(fn.body());
    }

    /**
     * Whether a module's top level compiles: its statements in the subset compile, the others
     * run their tree node (top-level statements share no JVM locals: a local there lives in one
     * statement's block). Only worth it when a statement that compiles holds a loop.
     */
    boolean supports(BytecodeCompiler.Main main) {
        if (main.code().frameSize > MAX_LOCALS) return false;
        for (Stmt s : main.statements()) if (hasLoop(s) && stmt(s)) return true;
        return false;
    }

    /** A top-level statement inside the subset. */
    boolean topLevel(Stmt s) { return stmt(s); }

    /** The REPL's final expression inside the subset. */
    boolean topLevelExpr(Expr e) { return expr(e); }

    private static boolean hasLoop(Stmt s) {
        if (s instanceof Stmt.While || s instanceof Stmt.For) return true;
        if (s instanceof Stmt.If i) return hasLoop(i.then()) || (i.otherwise() != null && hasLoop(i.otherwise()));
        if (s instanceof Stmt.Block b) {
            for (Stmt t : b.statements()) if (hasLoop(t)) return true;
        }
        if (s instanceof Stmt.Try t) return hasLoop(t.body()) || (t.finallyBlock() != null && hasLoop(t.finallyBlock()))
                || t.catches().stream().anyMatch(c -> hasLoop(c.body()));
        if (s instanceof Stmt.With w) return hasLoop(w.body());
        return false;
    }

    private boolean stmts(List<Stmt> body) {
        for (Stmt s : body) if (!stmt(s)) return false;
        return true;
    }

    private boolean stmt(Stmt s) {
        if (s instanceof Stmt.Let l) return target(l.target()) && expr(l.value());
        if (s instanceof Stmt.Assign a) return target(a.target()) && expr(a.value());
        if (s instanceof Stmt.AugAssign a) {
            if (resolved.appends.get(a) != null) return expr(a.value());   // an uncaptured local, appending to its buffer
            return BINARY.contains(a.op()) && (name(a.target()) || index(a.target())) && expr(a.value());
        }
        if (s instanceof Stmt.ExprStmt e) return expr(e.expr());
        if (s instanceof Stmt.If i) return expr(i.condition()) && block(i.then()) && (i.otherwise() == null || stmt(i.otherwise()));
        if (s instanceof Stmt.While w) return expr(w.condition()) && block(w.body());
        if (s instanceof Stmt.For f) return target(f.target()) && expr(f.iterable()) && block(f.body());
        if (s instanceof Stmt.Break || s instanceof Stmt.Continue) return true;
        if (s instanceof Stmt.Return r) return r.value() == null || expr(r.value());
        if (s instanceof Stmt.Block b) return block(b);
        if (s instanceof Stmt.FnDef d) return storable(resolved.binding(d));   // a closure (its body compiles on its own)
        if (s instanceof Stmt.Throw || s instanceof Stmt.Try || s instanceof Stmt.With || s instanceof Stmt.Import
                || s instanceof Stmt.RecordDef) return control(s);
        return false;
    }

    private boolean block(Stmt.Block b) {
        return stmts(b.statements());
    }

    /** A plain name target: a local (a cell when captured), a capture or a global. */
    private boolean name(Target t) {
        return t instanceof Target.NameTarget n && storable(resolved.binding(n));
    }

    private static boolean storable(Binding b) {
        return b instanceof Binding.Local || b instanceof Binding.Captured || b instanceof Binding.Global;
    }

    private boolean expr(Expr e) {
        if (e instanceof Expr.Literal l) {
            Object v = l.value();
            return v == null || v instanceof Long || v instanceof Double || v instanceof String || v instanceof Boolean
                    || v instanceof BigInteger || v instanceof dev.skein.ast.LiteralBytes;
        }
        if (e instanceof Expr.Name n) {
            Binding b = resolved.binding(n);
            return storable(b) || b instanceof Binding.Builtin;
        }
        if (e instanceof Expr.Lambda) return true;   // makes a closure; its body compiles (or not) as a function of its own
        if (e instanceof Expr.Unary u) return expr(u.operand());
        if (e instanceof Expr.Binary b) return BINARY.contains(b.op()) && expr(b.left()) && expr(b.right());
        if (e instanceof Expr.Compare c) return COMPARE.containsAll(c.ops()) && exprs(c.operands());
        if (e instanceof Expr.And a) return expr(a.left()) && expr(a.right());
        if (e instanceof Expr.Or o) return expr(o.left()) && expr(o.right());
        if (e instanceof Expr.Not n) return expr(n.operand());
        if (e instanceof Expr.Conditional c) return expr(c.condition()) && expr(c.then()) && expr(c.otherwise());
        if (BytecodeData.handles(e)) return BytecodeData.supports(e, this::expr);
        if (e instanceof Expr.Comprehension c) return comprehension(c);
        if (e instanceof Expr.Call c) {
            if (c.callee() instanceof Expr.Attr a ? !expr(a.target()) : !expr(c.callee())) return false;
            for (Expr.Arg a : c.args()) if (!expr(a.value())) return false;   // keywords and spreads: BytecodeData
            return true;
        }
        if (e instanceof Expr.Await || e instanceof Expr.Submit || e instanceof Expr.MapOver) return concurrency(e);
        return false;
    }

    private boolean exprs(List<Expr> es) {
        for (Expr e : es) if (!expr(e)) return false;
        return true;
    }

    /** An assignment target: a name, a subscript, or a destructuring (nested) of those. */
    private boolean target(Target t) {
        if (t instanceof Target.ListTarget l) {
            for (Target x : l.items()) if (!target(x)) return false;
            return true;
        }
        return name(t) || index(t);
    }

    /** {@code t[i]} or {@code t.name} as a target: its container (and index) in the subset. */
    private boolean index(Target t) {
        return t instanceof Target.IndexTarget i && expr(i.target()) && expr(i.index())
                || t instanceof Target.AttrTarget a && expr(a.target());
    }

    /** A list, set or dict comprehension (or generator expression) whose clauses, targets and element are in the subset. */
    private boolean comprehension(Expr.Comprehension c) {
        for (Expr.CompClause cl : c.clauses()) {
            boolean ok = cl instanceof Expr.CompFor f ? target(f.target()) && expr(f.iterable()) : expr(((Expr.CompIf) cl).condition());
            if (!ok) return false;
        }
        return expr(c.element()) && (c.value() == null || expr(c.value()));
    }

    // ------------------------------------------------------------------ control statements and concurrency (BytecodeControl, BytecodeConcurrency)

    /** throw, try/catch/finally, with, import, record: their parts in the subset, their names plain stores. */
    private boolean control(Stmt s) {
        if (s instanceof Stmt.Throw t) return expr(t.error());
        if (s instanceof Stmt.Try t) {
            if (!block(t.body()) || (t.finallyBlock() != null && !block(t.finallyBlock()))) return false;
            for (Stmt.Catch c : t.catches()) {
                if (!exprs(c.kinds()) || !block(c.body()) || (c.binding() != null && !storable(resolved.binding(c)))) return false;
            }
            return true;
        }
        if (s instanceof Stmt.With w) return expr(w.resource()) && (w.name() == null || storable(resolved.binding(w))) && block(w.body());
        if (s instanceof Stmt.Import i) return storable(resolved.binding(i));
        Stmt.RecordDef r = (Stmt.RecordDef) s;
        for (dev.skein.ast.Param p : r.fields()) if (p.defaultValue() != null && !expr(p.defaultValue())) return false;
        return storable(resolved.binding(r));
    }

    /** await, submit (positional and keyword arguments, no spread), map … over. */
    private boolean concurrency(Expr e) {
        if (e instanceof Expr.Await a) return expr(a.future()) && optional(a.timeout());
        if (e instanceof Expr.Submit s) {
            Expr.Call c = s.call();
            if (!(c.callee() instanceof Expr.Attr a ? expr(a.target()) : expr(c.callee()))) return false;
            for (Expr.Arg a : c.args()) if (a.spread() || !expr(a.value())) return false;
            return optional(s.pool()) && optional(s.timeout());
        }
        Expr.MapOver m = (Expr.MapOver) e;
        return expr(m.function()) && exprs(m.iterables()) && optional(m.pool()) && optional(m.chunk()) && optional(m.timeout())
                && optional(m.buffer());
    }

    private boolean optional(Expr e) { return e == null || expr(e); }
}
