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

    private final class Walk {
        final Set<String> reads = new HashSet<>();
        final Set<String> assigned = new HashSet<>();
        final Set<String> augAdded = new HashSet<>();
        final Set<String> used = new HashSet<>();
        final Set<String> declared = new HashSet<>();
        final Set<String> nestedFree = new HashSet<>();

        void stmt(Stmt s) {
            switch (s) {
                case Stmt.Let l -> { expr(l.value()); declare(l.target()); }
                case Stmt.Assign a -> { expr(a.value()); use(a.target()); }
                case Stmt.AugAssign a -> {
                    expr(a.value());
                    if (a.op().equals("+") && a.target() instanceof Target.NameTarget n) {
                        augAdded.add(n.name());
                        used.add(n.name());
                    } else {
                        use(a.target());
                    }
                }
                case Stmt.ExprStmt e -> expr(e.expr());
                case Stmt.FnDef d -> { declared.add(d.name()); expr(d.function()); }
                case Stmt.RecordDef r -> {
                    declared.add(r.name());
                    for (Param p : r.fields()) if (p.defaultValue() != null) expr(p.defaultValue());
                }
                case Stmt.If i -> { expr(i.condition()); stmt(i.then()); if (i.otherwise() != null) stmt(i.otherwise()); }
                case Stmt.While w -> { expr(w.condition()); stmt(w.body()); }
                case Stmt.For f -> { expr(f.iterable()); declare(f.target()); stmt(f.body()); }
                case Stmt.Return r -> { if (r.value() != null) expr(r.value()); }
                case Stmt.Throw t -> expr(t.error());
                case Stmt.Try t -> {
                    stmt(t.body());
                    for (Stmt.Catch c : t.catches()) {
                        for (Expr k : c.kinds()) expr(k);
                        if (c.binding() != null) declared.add(c.binding());
                        stmt(c.body());
                    }
                    if (t.finallyBlock() != null) stmt(t.finallyBlock());
                }
                case Stmt.Import i -> declared.add(i.alias() != null ? i.alias() : i.module());
                case Stmt.With w -> { expr(w.resource()); if (w.name() != null) declared.add(w.name()); stmt(w.body()); }
                case Stmt.Block b -> { for (Stmt x : b.statements()) stmt(x); }
                case Stmt.Break b -> { }
                case Stmt.Continue c -> { }
            }
        }

        void declare(Target t) {
            switch (t) {
                case Target.NameTarget n -> { declared.add(n.name()); assigned.add(n.name()); }
                case Target.ListTarget l -> { for (Target x : l.items()) declare(x); }
                case Target.IndexTarget i -> { expr(i.target()); expr(i.index()); }
                case Target.AttrTarget a -> expr(a.target());
            }
        }

        void use(Target t) {
            switch (t) {
                case Target.NameTarget n -> { used.add(n.name()); assigned.add(n.name()); }
                case Target.ListTarget l -> { for (Target x : l.items()) use(x); }
                case Target.IndexTarget i -> { expr(i.target()); expr(i.index()); }
                case Target.AttrTarget a -> expr(a.target());
            }
        }

        void expr(Expr e) {
            if (e == null) return;
            switch (e) {
                case Expr.Literal l -> { }
                case Expr.Name n -> { used.add(n.name()); reads.add(n.name()); }
                case Expr.FString f -> {
                    for (Object p : f.parts()) {
                        if (p instanceof Expr.Interpolation i) { expr(i.value()); if (i.spec() != null) expr(i.spec()); }
                    }
                }
                case Expr.ListLit l -> l.items().forEach(this::expr);
                case Expr.SetLit s -> s.items().forEach(this::expr);
                case Expr.DictLit d -> { d.keys().forEach(this::expr); d.values().forEach(this::expr); }
                case Expr.Comprehension c -> {
                    for (Expr.CompClause cl : c.clauses()) {
                        if (cl instanceof Expr.CompFor f) { expr(f.iterable()); declare(f.target()); }
                        else expr(((Expr.CompIf) cl).condition());
                    }
                    expr(c.element());
                    expr(c.value());
                }
                case Expr.Unary u -> expr(u.operand());
                case Expr.Binary b -> { expr(b.left()); expr(b.right()); }
                case Expr.Compare c -> c.operands().forEach(this::expr);
                case Expr.And a -> { expr(a.left()); expr(a.right()); }
                case Expr.Or o -> { expr(o.left()); expr(o.right()); }
                case Expr.Not n -> expr(n.operand());
                case Expr.Conditional c -> { expr(c.condition()); expr(c.then()); expr(c.otherwise()); }
                case Expr.Call c -> { expr(c.callee()); for (Expr.Arg a : c.args()) expr(a.value()); }
                case Expr.Index i -> { expr(i.target()); expr(i.index()); }
                case Expr.Slice s -> { expr(s.start()); expr(s.stop()); expr(s.step()); }
                case Expr.Attr a -> expr(a.target());
                case Expr.Lambda fn -> {
                    Set<String> free = of(fn);
                    used.addAll(free);
                    nestedFree.addAll(free);
                }
                case Expr.Await a -> { expr(a.future()); expr(a.timeout()); }
                case Expr.Submit s -> { expr(s.call()); expr(s.pool()); expr(s.timeout()); }
                case Expr.MapOver m -> {
                    expr(m.function());
                    m.iterables().forEach(this::expr);
                    expr(m.pool()); expr(m.chunk()); expr(m.timeout()); expr(m.buffer());
                }
            }
        }
    }
}
