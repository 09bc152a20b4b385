package dev.skein.interp;

import dev.skein.ast.Expr;

/** Compiles {@code submit}, {@code await} and {@code map … over} into {@link ConcurrencyNodes}. */
final class ConcurrencyCompiler {
    private final Compiler compiler;

    ConcurrencyCompiler(Compiler compiler) { this.compiler = compiler; }

    ExprNode await(Expr.Await a) {
        return new ConcurrencyNodes.Await(a.span().line(), a.span().column(), compiler.expr(a.future()), compiler.opt(a.timeout()));
    }

    ExprNode submit(Expr.Submit s) {
        Expr.Call call = s.call();
        ExprNode callee = call.callee() instanceof Expr.Attr at
                ? new ConcurrencyNodes.MethodTarget(at.span().line(), at.span().column(), compiler.expr(at.target()), at.name())
                : compiler.expr(call.callee());
        return new ConcurrencyNodes.Submit(s.span().line(), s.span().column(), callee, compiler.arguments(call.args()),
                compiler.opt(s.pool()), compiler.opt(s.timeout()));
    }

    ExprNode map(Expr.MapOver m) {
        ExprNode[] its = m.iterables().stream().map(compiler::expr).toArray(ExprNode[]::new);
        return new ConcurrencyNodes.MapOver(m.span().line(), m.span().column(), compiler.expr(m.function()), its,
                compiler.opt(m.pool()), compiler.opt(m.chunk()), m.unordered(), compiler.opt(m.timeout()), compiler.opt(m.buffer()));
    }
}
