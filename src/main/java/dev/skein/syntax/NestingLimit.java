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
     * Grammar rules the parser may have open at once. One level of brackets costs 8 (the
     * rules from {@code expr} down to {@code atom}), a prefix operator one: about 250 nested
     * brackets, or 2,000 minus signs. A 1 MB thread ran out near 3,500 (with 17 rules a
     * bracket, before the binary operators shared one rule).
     */
    public static final int PARSE_DEPTH = 2000;

    /**
     * Levels of the syntax tree: an operand of an operator is one level below it, a statement
     * in a block two below the block's statement, a function body three below the function. A
     * chain {@code a + b + c …} nests one level per operator. A 1 MB thread ran out near 2,300.
     */
    public static final int TREE_DEPTH = 1000;

    static String parseMessage() {
        return "too deeply nested: at most about 250 levels of brackets and blocks, or 2000 prefix operators";
    }

    static String treeMessage() {
        return "too deeply nested: an expression or block may be at most " + TREE_DEPTH
                + " levels deep (split a long chain of operators, or nest less)";
    }

    /**
     * Source characters a top-level statement may span and still be too shallow to check. Every
     * level of the tree below a statement belongs to a node with characters of its own (a name,
     * an operator, a bracket, a keyword: a block's two levels have its two braces, a function's
     * three its {@code fn} and parentheses), except argument and expression-statement wrappers and
     * a generator argument's comprehension, never more than two of them in a row: a statement of
     * c characters is at most about 3c + 2 levels deep. Four levels a character leaves a margin;
     * {@code NestingLimitTest} checks the bound on every golden script and deep shape.
     */
    static final int SHALLOW_CHARS = TREE_DEPTH / 4;

    /**
     * The first node (in source order) deeper than {@link #TREE_DEPTH}, or null, skipping the
     * top-level statements {@code shallow} marks (too short to be that deep: {@link #SHALLOW_CHARS};
     * a walk of a cold program's every node cost a 2,000-line script milliseconds).
     */
    static Span tooDeep(List<Stmt> program, boolean[] shallow) {
        List<Object> roots = new java.util.ArrayList<>();
        for (int i = 0; i < program.size(); i++) if (!shallow[i]) roots.add(program.get(i));
        return walk(roots, TREE_DEPTH, new int[1]);
    }

    /** How deep the deepest node under {@code root} is, counting {@code root} as 1 (tests: the bound of {@link #SHALLOW_CHARS}). */
    static int depth(Object root) {
        int[] deepest = new int[1];
        walk(List.of(root), Integer.MAX_VALUE, deepest);
        return deepest[0];
    }

    /**
     * Walks the trees under {@code roots} (each at depth 1), in source order: the first node
     * deeper than {@code limit}, or null; {@code deepest[0]} is the deepest depth seen. Iterative:
     * any depth is safe.
     */
    private static Span walk(List<Object> roots, int limit, int[] deepest) {
        ArrayDeque<Object> nodes = new ArrayDeque<>();
        ArrayDeque<Integer> depths = new ArrayDeque<>();
        for (int i = roots.size() - 1; i >= 0; i--) { nodes.push(roots.get(i)); depths.push(1); }
        List<Object> kids = new java.util.ArrayList<>();
        while (!nodes.isEmpty()) {
            Object node = nodes.pop();
            int depth = depths.pop();
            Span at = spanOf(node);
            if (at != null) {
                if (depth > limit) return at;
                if (depth > deepest[0]) deepest[0] = depth;
            }
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
        // instanceof, not a pattern switch: each pattern switch spins a class at its first use,
        // which every script's parse paid (see Compiler). The commonest nodes are tested first.
        if (node instanceof Expr.Name || node instanceof Expr.Literal) {
            return 1;
        } else if (node instanceof List<?> l) {
            out.addAll(l); return 0;
        } else if (node instanceof Expr.Binary e) {
            out.add(e.left()); out.add(e.right());
        } else if (node instanceof Expr.Call e) {
            out.add(e.callee()); out.add(e.args());
        } else if (node instanceof Expr.Arg e) {
            out.add(e.value());
        } else if (node instanceof Expr.Attr e) {
            out.add(e.target());
        } else if (node instanceof Stmt.Let s) {
            out.add(s.target()); out.add(s.value());
        } else if (node instanceof Stmt.Assign s) {
            out.add(s.target()); out.add(s.value());
        } else if (node instanceof Stmt.AugAssign s) {
            out.add(s.target()); out.add(s.value());
        } else if (node instanceof Stmt.ExprStmt s) {
            out.add(s.expr());
        } else if (node instanceof Stmt.FnDef s) {
            out.add(s.function());
        } else if (node instanceof Stmt.RecordDef s) {
            out.add(s.fields());
        } else if (node instanceof Stmt.If s) {
            out.add(s.condition()); out.add(s.then()); out.add(s.otherwise());
        } else if (node instanceof Stmt.While s) {
            out.add(s.condition()); out.add(s.body());
        } else if (node instanceof Stmt.For s) {
            out.add(s.target()); out.add(s.iterable()); out.add(s.body());
        } else if (node instanceof Stmt.Return s) {
            out.add(s.value());
        } else if (node instanceof Stmt.Throw s) {
            out.add(s.error());
        } else if (node instanceof Stmt.Try s) {
            out.add(s.body()); out.add(s.catches()); out.add(s.finallyBlock());
        } else if (node instanceof Stmt.Catch s) {
            out.add(s.kinds()); out.add(s.body());
        } else if (node instanceof Stmt.With s) {
            out.add(s.resource()); out.add(s.body());
        } else if (node instanceof Stmt.Block s) {
            out.add(s.statements()); return 2;
        } else if (node instanceof Target.ListTarget t) {
            out.add(t.items());
        } else if (node instanceof Target.IndexTarget t) {
            out.add(t.target()); out.add(t.index());
        } else if (node instanceof Target.AttrTarget t) {
            out.add(t.target());
        } else if (node instanceof Param p) {
            out.add(p.defaultValue());
        } else if (node instanceof Expr.FString e) {
            out.add(e.parts());
        } else if (node instanceof Expr.Interpolation e) {
            out.add(e.value()); out.add(e.spec());
        } else if (node instanceof Expr.ListLit e) {
            out.add(e.items());
        } else if (node instanceof Expr.DictLit e) {
            out.add(e.keys()); out.add(e.values());
        } else if (node instanceof Expr.SetLit e) {
            out.add(e.items());
        } else if (node instanceof Expr.Comprehension e) {
            out.add(e.element()); out.add(e.value()); out.add(e.clauses());
        } else if (node instanceof Expr.CompFor e) {
            out.add(e.target()); out.add(e.iterable());
        } else if (node instanceof Expr.CompIf e) {
            out.add(e.condition());
        } else if (node instanceof Expr.Unary e) {
            out.add(e.operand());
        } else if (node instanceof Expr.Compare e) {
            out.add(e.operands());
        } else if (node instanceof Expr.And e) {
            out.add(e.left()); out.add(e.right());
        } else if (node instanceof Expr.Or e) {
            out.add(e.left()); out.add(e.right());
        } else if (node instanceof Expr.Not e) {
            out.add(e.operand());
        } else if (node instanceof Expr.Conditional e) {
            out.add(e.condition()); out.add(e.then()); out.add(e.otherwise());
        } else if (node instanceof Expr.Index e) {
            out.add(e.target()); out.add(e.index());
        } else if (node instanceof Expr.Slice e) {
            out.add(e.start()); out.add(e.stop()); out.add(e.step());
        } else if (node instanceof Expr.Lambda e) {
            out.add(e.params()); out.add(e.body()); return 3;
        } else if (node instanceof Expr.Await e) {
            out.add(e.future()); out.add(e.timeout());
        } else if (node instanceof Expr.Submit e) {
            out.add(e.call()); out.add(e.pool()); out.add(e.timeout());
        } else if (node instanceof Expr.MapOver e) {
            out.add(e.function()); out.add(e.iterables()); out.add(e.pool()); out.add(e.chunk()); out.add(e.timeout()); out.add(e.buffer());
        }   // else a leaf: names, literals, text pieces of f-strings, break, import, …
        return 1;
    }

    private static Span spanOf(Object node) {
        if (node instanceof Stmt s) return s.span();
        if (node instanceof Expr e) return e.span();
        if (node instanceof Target t) return t.span();
        if (node instanceof Param p) return p.span();
        if (node instanceof Stmt.Catch c) return c.span();
        if (node instanceof Expr.Interpolation i) return i.span();
        if (node instanceof Expr.Arg a) return a.span();
        if (node instanceof Expr.CompFor c) return c.span();
        if (node instanceof Expr.CompIf c) return c.span();
        return null;
    }
}
