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
 * must live in cells. A use is free unless a declaration in an open block comes before it, as
 * the resolver scopes names; it over-approximates (a function a block hoists counts from its
 * statement on), which only costs a little speed for a variable that did not need a cell.
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
        /**
         * The names declared so far in each block open around the walk (and loop, catch, with and
         * comprehension scopes), the function's own outermost; {@code declared} is the innermost.
         * A use counts as free unless declared before it in an open block, as the resolver sees
         * it: a name declared later, or in a block already closed, is an outer variable there,
         * which then needs its cell.
         */
        private final java.util.ArrayDeque<Set<String>> scopes = new java.util.ArrayDeque<>(List.of(declared));

        private void open() { scopes.push(new HashSet<>()); }

        private void close() { scopes.pop(); }

        private void useName(String name) {
            for (Set<String> scope : scopes) if (scope.contains(name)) return;
            used.add(name);
        }

        void stmt(Stmt s) {
            if (s instanceof Stmt.Let l) {
                expr(l.value()); declare(l.target());
            } else if (s instanceof Stmt.Assign a) {
                expr(a.value()); use(a.target());
            } else if (s instanceof Stmt.AugAssign a) {
                expr(a.value());
                if (a.op().equals("+") && a.target() instanceof Target.NameTarget n) {
                    augAdded.add(n.name());
                    useName(n.name());
                } else {
                    use(a.target());
                }
            } else if (s instanceof Stmt.ExprStmt e) {
                expr(e.expr());
            } else if (s instanceof Stmt.FnDef d) {
                declareName(d.name()); expr(d.function());
            } else if (s instanceof Stmt.RecordDef r) {
                declareName(r.name());
                for (Param p : r.fields()) if (p.defaultValue() != null) expr(p.defaultValue());
            } else if (s instanceof Stmt.If i) {
                expr(i.condition()); stmt(i.then()); if (i.otherwise() != null) stmt(i.otherwise());
            } else if (s instanceof Stmt.While w) {
                expr(w.condition()); stmt(w.body());
            } else if (s instanceof Stmt.For f) {
                expr(f.iterable()); open(); declare(f.target()); stmt(f.body()); close();
            } else if (s instanceof Stmt.Return r) {
                if (r.value() != null) expr(r.value());
            } else if (s instanceof Stmt.Throw t) {
                expr(t.error());
            } else if (s instanceof Stmt.Try t) {
                stmt(t.body());
                for (Stmt.Catch c : t.catches()) {
                    for (Expr k : c.kinds()) expr(k);
                    open();
                    if (c.binding() != null) declareName(c.binding());
                    stmt(c.body());
                    close();
                }
                if (t.finallyBlock() != null) stmt(t.finallyBlock());
            } else if (s instanceof Stmt.Import i) {
                declareName(i.alias() != null ? i.alias() : i.module());
            } else if (s instanceof Stmt.With w) {
                expr(w.resource()); open(); if (w.name() != null) declareName(w.name()); stmt(w.body()); close();
            } else if (s instanceof Stmt.Block b) {
                open();
                for (Stmt x : b.statements()) stmt(x);
                close();
            } else if (!(s instanceof Stmt.Break || s instanceof Stmt.Continue)) {
                throw new IllegalStateException("unexpected statement " + s);
            }
        }

        void declare(Target t) { bind(t, true); }

        void declareName(String name) { scopes.peek().add(name); }

        void use(Target t) { bind(t, false); }

        /** The names a target assigns are declared (let, for) or used (assignment), and assigned. */
        private void bind(Target t, boolean declares) {
            if (t instanceof Target.NameTarget n) {
                if (declares) declareName(n.name()); else useName(n.name());
                assigned.add(n.name());
            } else if (t instanceof Target.ListTarget l) {
                for (Target x : l.items()) bind(x, declares);
            } else if (t instanceof Target.IndexTarget i) {
                expr(i.target()); expr(i.index());
            } else if (t instanceof Target.AttrTarget a) {
                expr(a.target());
            }
        }

        void expr(Expr e) {
            if (e == null || e instanceof Expr.Literal) return;
            if (e instanceof Expr.Name n) {
                useName(n.name()); reads.add(n.name());
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
                open();   // its loop variables are its own
                for (Expr.CompClause cl : c.clauses()) {
                    if (cl instanceof Expr.CompFor f) { expr(f.iterable()); declare(f.target()); }
                    else expr(((Expr.CompIf) cl).condition());
                }
                expr(c.element());
                expr(c.value());
                close();
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
                free.forEach(this::useName);
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
