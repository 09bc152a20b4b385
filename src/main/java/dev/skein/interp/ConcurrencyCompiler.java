package dev.skein.interp;

import dev.skein.ast.Expr;

/** Compiles {@code submit}, {@code await} and {@code map … over}. */
final class ConcurrencyCompiler {
    private final Compiler compiler;

    ConcurrencyCompiler(Compiler compiler) { this.compiler = compiler; }

    ExprNode await(Expr.Await a) { return unavailable(a, "await"); }

    ExprNode submit(Expr.Submit s) { return unavailable(s, "submit"); }

    ExprNode map(Expr.MapOver m) { return unavailable(m, "map"); }

    private ExprNode unavailable(Expr e, String what) {
        compiler.error(e.span(), "SyntaxError", "'" + what + "' is not supported by this build yet");
        return new Variables.Const(e.span().line(), e.span().column(), null);
    }
}
