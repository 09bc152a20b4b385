package dev.skein.interp;

import dev.skein.ast.Expr;
import dev.skein.ast.Param;
import dev.skein.ast.Stmt;
import dev.skein.ast.Target;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds which names closures use from outside themselves, so the compiler knows which locals
 * must live in cells. It over-approximates (it ignores block structure), which only costs a
 * little speed for a variable that did not need a cell.
 */
final class FreeNames {
    private final Map<Expr.Lambda, Set<String>> memo = new IdentityHashMap<>();

    /** Names that closures nested directly in these statements use from outside themselves. */
    Set<String> usedByClosures(List<Stmt> body) {
        Walk w = new Walk();
        for (Stmt s : body) w.stmt(s);
        return w.nestedFree;
    }

    /** The free names of a function literal: used inside, declared outside. */
    Set<String> of(Expr.Lambda fn) {
        Set<String> cached = memo.get(fn);
        if (cached != null) return cached;
        Walk w = new Walk();
        for (Param p : fn.params()) {
            w.declared.add(p.name());
            if (p.defaultValue() != null) w.expr(p.defaultValue());
        }
        for (Stmt s : fn.body()) w.stmt(s);
        Set<String> free = new HashSet<>(w.used);
        free.removeAll(w.declared);
        memo.put(fn, free);
        return free;
    }

    /**
     * Locals a loop only ever extends with {@code name += …} and never reads otherwise: their
     * string appends can go to a buffer for the loop's duration (see StrAccumulate).
     */
    Set<String> appendOnly(List<Stmt> body, Expr condition) {
        Walk w = new Walk();
        if (condition != null) w.expr(condition);
        for (Stmt s : body) w.stmt(s);
        Set<String> out = new HashSet<>(w.augAdded);
        out.removeAll(w.reads);
        out.removeAll(w.assigned);
        out.removeAll(w.nestedFree);
        return out;
    }

    /** Uses {@code instanceof} chains for the reason given on {@link Compiler}. */
    private final class Walk {
        final Set<String> reads = new HashSet<>();
        final Set<String> assigned = new HashSet<>();
        final Set<String> augAdded = new HashSet<>();
        final Set<String> used = new HashSet<>();
        final Set<String> declared = new HashSet<>();
        final Set<String> nestedFree = new HashSet<>();

        void stmt(Stmt s) {
            if (s instanceof Stmt.Let l) {
                expr(l.value()); declare(l.target());
            } else if (s instanceof Stmt.Assign a) {
                expr(a.value()); use(a.target());
            } else if (s instanceof Stmt.AugAssign a) {
                expr(a.value());
                if (a.op().equals("+") && a.target() instanceof Target.NameTarget n) {
                    augAdded.add(n.name());
                    used.add(n.name());
                } else {
                    use(a.target());
                }
            } else if (s instanceof Stmt.ExprStmt e) {
                expr(e.expr());
            } else if (s instanceof Stmt.FnDef d) {
                declared.add(d.name()); expr(d.function());
            } else if (s instanceof Stmt.RecordDef r) {
                declared.add(r.name());
                for (Param p : r.fields()) if (p.defaultValue() != null) expr(p.defaultValue());
            } else if (s instanceof Stmt.If i) {
                expr(i.condition()); stmt(i.then()); if (i.otherwise() != null) stmt(i.otherwise());
            } else if (s instanceof Stmt.While w) {
                expr(w.condition()); stmt(w.body());
            } else if (s instanceof Stmt.For f) {
                expr(f.iterable()); declare(f.target()); stmt(f.body());
            } else if (s instanceof Stmt.Return r) {
                if (r.value() != null) expr(r.value());
            } else if (s instanceof Stmt.Throw t) {
                expr(t.error());
            } else if (s instanceof Stmt.Try t) {
                stmt(t.body());
                for (Stmt.Catch c : t.catches()) {
                    for (Expr k : c.kinds()) expr(k);
                    if (c.binding() != null) declared.add(c.binding());
                    stmt(c.body());
                }
                if (t.finallyBlock() != null) stmt(t.finallyBlock());
            } else if (s instanceof Stmt.Import i) {
                declared.add(i.alias() != null ? i.alias() : i.module());
            } else if (s instanceof Stmt.With w) {
                expr(w.resource()); if (w.name() != null) declared.add(w.name()); stmt(w.body());
            } else if (s instanceof Stmt.Block b) {
                for (Stmt x : b.statements()) stmt(x);
            } else if (!(s instanceof Stmt.Break || s instanceof Stmt.Continue)) {
                throw new IllegalStateException("unexpected statement " + s);
            }
        }

        void declare(Target t) { bind(t, declared); }

        void use(Target t) { bind(t, used); }

        /** The names a target assigns go into {@code kind} (declared or used) and into assigned. */
        private void bind(Target t, Set<String> kind) {
            if (t instanceof Target.NameTarget n) {
                kind.add(n.name()); assigned.add(n.name());
            } else if (t instanceof Target.ListTarget l) {
                for (Target x : l.items()) bind(x, kind);
            } else if (t instanceof Target.IndexTarget i) {
                expr(i.target()); expr(i.index());
            } else if (t instanceof Target.AttrTarget a) {
                expr(a.target());
            }
        }

        void expr(Expr e) {
            if (e == null || e instanceof Expr.Literal) return;
            if (e instanceof Expr.Name n) {
                used.add(n.name()); reads.add(n.name());
            } else if (e instanceof Expr.FString f) {
                for (Object p : f.parts()) {
                    if (p instanceof Expr.Interpolation i) { expr(i.value()); if (i.spec() != null) expr(i.spec()); }
                }
            } else if (e instanceof Expr.ListLit l) {
                l.items().forEach(this::expr);
            } else if (e instanceof Expr.SetLit s) {
                s.items().forEach(this::expr);
            } else if (e instanceof Expr.DictLit d) {
                d.keys().forEach(this::expr); d.values().forEach(this::expr);
            } else if (e instanceof Expr.Comprehension c) {
                for (Expr.CompClause cl : c.clauses()) {
                    if (cl instanceof Expr.CompFor f) { expr(f.iterable()); declare(f.target()); }
                    else expr(((Expr.CompIf) cl).condition());
                }
                expr(c.element());
                expr(c.value());
            } else if (e instanceof Expr.Unary u) {
                expr(u.operand());
            } else if (e instanceof Expr.Binary b) {
                expr(b.left()); expr(b.right());
            } else if (e instanceof Expr.Compare c) {
                c.operands().forEach(this::expr);
            } else if (e instanceof Expr.And a) {
                expr(a.left()); expr(a.right());
            } else if (e instanceof Expr.Or o) {
                expr(o.left()); expr(o.right());
            } else if (e instanceof Expr.Not n) {
                expr(n.operand());
            } else if (e instanceof Expr.Conditional c) {
                expr(c.condition()); expr(c.then()); expr(c.otherwise());
            } else if (e instanceof Expr.Call c) {
                expr(c.callee()); for (Expr.Arg a : c.args()) expr(a.value());
            } else if (e instanceof Expr.Index i) {
                expr(i.target()); expr(i.index());
            } else if (e instanceof Expr.Slice s) {
                expr(s.start()); expr(s.stop()); expr(s.step());
            } else if (e instanceof Expr.Attr a) {
                expr(a.target());
            } else if (e instanceof Expr.Lambda fn) {
                Set<String> free = of(fn);
                used.addAll(free);
                nestedFree.addAll(free);
            } else if (e instanceof Expr.Await a) {
                expr(a.future()); expr(a.timeout());
            } else if (e instanceof Expr.Submit s) {
                expr(s.call()); expr(s.pool()); expr(s.timeout());
            } else if (e instanceof Expr.MapOver m) {
                expr(m.function());
                m.iterables().forEach(this::expr);
                expr(m.pool()); expr(m.chunk()); expr(m.timeout()); expr(m.buffer());
            } else {
                throw new IllegalStateException("unexpected expression " + e);
            }
        }
    }
}
