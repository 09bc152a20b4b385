package dev.skein.syntax;

import dev.skein.ast.Expr;
import dev.skein.ast.Param;
import dev.skein.ast.Span;
import dev.skein.ast.Stmt;
import dev.skein.ast.Target;
import java.util.ArrayDeque;
import java.util.List;

/**
 * How deeply a program may nest, checked once while parsing so that every later phase that
 * recurses over the tree (AST builder, resolver, both code generators, the evaluator) has room
 * for it on the smallest stack Skein runs code on: a 1 MB host thread of an embedded engine, a
 * virtual thread. Past a limit the program is a SyntaxError at the spot, never a Java
 * {@link StackOverflowError}. Both limits are about half of what a cold 1 MB thread handled
 * when they were measured (see docs/language.md, "Limits").
 */
public final class NestingLimit {
    private NestingLimit() {}

    /**
     * Grammar rules the parser may have open at once. One level of brackets costs about 17
     * (the precedence levels from {@code expr} down to {@code atom}), a prefix operator one:
     * about 120 nested brackets, or 2,000 minus signs. A 1 MB thread ran out near 3,500.
     */
    public static final int PARSE_DEPTH = 2000;

    /**
     * Levels of the syntax tree: an operand of an operator is one level below it, a statement
     * in a block two below the block's statement, a function body three below the function. A
     * chain {@code a + b + c …} nests one level per operator. A 1 MB thread ran out near 2,300.
     */
    public static final int TREE_DEPTH = 1000;

    static String parseMessage() {
        return "too deeply nested: at most about 120 levels of brackets and blocks, or 2000 prefix operators";
    }

    static String treeMessage() {
        return "too deeply nested: an expression or block may be at most " + TREE_DEPTH
                + " levels deep (split a long chain of operators, or nest less)";
    }

    /** The first node (in source order) deeper than {@link #TREE_DEPTH}, or null. Iterative: any depth is safe. */
    static Span tooDeep(List<Stmt> program) {
        ArrayDeque<Object> nodes = new ArrayDeque<>();
        ArrayDeque<Integer> depths = new ArrayDeque<>();
        for (int i = program.size() - 1; i >= 0; i--) { nodes.push(program.get(i)); depths.push(1); }
        List<Object> kids = new java.util.ArrayList<>();
        while (!nodes.isEmpty()) {
            Object node = nodes.pop();
            int depth = depths.pop();
            Span at;
            if (depth > TREE_DEPTH && (at = spanOf(node)) != null) return at;
            kids.clear();
            int step = children(node, kids);
            for (int i = kids.size() - 1; i >= 0; i--) {
                if (kids.get(i) == null) continue;
                nodes.push(kids.get(i));
                depths.push(depth + step);
            }
        }
        return null;
    }

    /** Adds a node's children to {@code out}; returns how many levels below it they count (a list: none). */
    private static int children(Object node, List<Object> out) {
        switch (node) {
            case List<?> l -> { out.addAll(l); return 0; }
            case Stmt.Let s -> { out.add(s.target()); out.add(s.value()); }
            case Stmt.Assign s -> { out.add(s.target()); out.add(s.value()); }
            case Stmt.AugAssign s -> { out.add(s.target()); out.add(s.value()); }
            case Stmt.ExprStmt s -> out.add(s.expr());
            case Stmt.FnDef s -> out.add(s.function());
            case Stmt.RecordDef s -> out.add(s.fields());
            case Stmt.If s -> { out.add(s.condition()); out.add(s.then()); out.add(s.otherwise()); }
            case Stmt.While s -> { out.add(s.condition()); out.add(s.body()); }
            case Stmt.For s -> { out.add(s.target()); out.add(s.iterable()); out.add(s.body()); }
            case Stmt.Return s -> out.add(s.value());
            case Stmt.Throw s -> out.add(s.error());
            case Stmt.Try s -> { out.add(s.body()); out.add(s.catches()); out.add(s.finallyBlock()); }
            case Stmt.Catch s -> { out.add(s.kinds()); out.add(s.body()); }
            case Stmt.With s -> { out.add(s.resource()); out.add(s.body()); }
            case Stmt.Block s -> { out.add(s.statements()); return 2; }
            case Target.ListTarget t -> out.add(t.items());
            case Target.IndexTarget t -> { out.add(t.target()); out.add(t.index()); }
            case Target.AttrTarget t -> out.add(t.target());
            case Param p -> out.add(p.defaultValue());
            case Expr.FString e -> out.add(e.parts());
            case Expr.Interpolation e -> { out.add(e.value()); out.add(e.spec()); }
            case Expr.ListLit e -> out.add(e.items());
            case Expr.DictLit e -> { out.add(e.keys()); out.add(e.values()); }
            case Expr.SetLit e -> out.add(e.items());
            case Expr.Comprehension e -> { out.add(e.element()); out.add(e.value()); out.add(e.clauses()); }
            case Expr.CompFor e -> { out.add(e.target()); out.add(e.iterable()); }
            case Expr.CompIf e -> out.add(e.condition());
            case Expr.Unary e -> out.add(e.operand());
            case Expr.Binary e -> { out.add(e.left()); out.add(e.right()); }
            case Expr.Compare e -> out.add(e.operands());
            case Expr.And e -> { out.add(e.left()); out.add(e.right()); }
            case Expr.Or e -> { out.add(e.left()); out.add(e.right()); }
            case Expr.Not e -> out.add(e.operand());
            case Expr.Conditional e -> { out.add(e.condition()); out.add(e.then()); out.add(e.otherwise()); }
            case Expr.Call e -> { out.add(e.callee()); out.add(e.args()); }
            case Expr.Arg e -> out.add(e.value());
            case Expr.Index e -> { out.add(e.target()); out.add(e.index()); }
            case Expr.Slice e -> { out.add(e.start()); out.add(e.stop()); out.add(e.step()); }
            case Expr.Attr e -> out.add(e.target());
            case Expr.Lambda e -> { out.add(e.params()); out.add(e.body()); return 3; }
            case Expr.Await e -> { out.add(e.future()); out.add(e.timeout()); }
            case Expr.Submit e -> { out.add(e.call()); out.add(e.pool()); out.add(e.timeout()); }
            case Expr.MapOver e -> { out.add(e.function()); out.add(e.iterables()); out.add(e.pool()); out.add(e.chunk()); out.add(e.timeout()); out.add(e.buffer()); }
            default -> { }   // leaves: names, literals, text pieces of f-strings, break, import, …
        }
        return 1;
    }

    private static Span spanOf(Object node) {
        return switch (node) {
            case Stmt s -> s.span();
            case Expr e -> e.span();
            case Target t -> t.span();
            case Param p -> p.span();
            case Stmt.Catch c -> c.span();
            case Expr.Interpolation i -> i.span();
            case Expr.Arg a -> a.span();
            case Expr.CompFor c -> c.span();
            case Expr.CompIf c -> c.span();
            default -> null;
        };
    }
}
