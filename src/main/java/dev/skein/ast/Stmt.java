package dev.skein.ast;

import java.util.List;

/** Statements. Immutable. */
public sealed interface Stmt {
    Span span();

    record Let(Span span, Target target, Expr value) implements Stmt {}

    record Assign(Span span, Target target, Expr value) implements Stmt {}

    /** {@code x += 1}: op is the binary operator ("+", "//", …). */
    record AugAssign(Span span, Target target, String op, Expr value) implements Stmt {}

    record ExprStmt(Span span, Expr expr) implements Stmt {}

    record FnDef(Span span, String name, Expr.Lambda function) implements Stmt {}

    record RecordDef(Span span, String name, List<Param> fields) implements Stmt {}

    /** {@code otherwise} is null, a nested If (for else-if), or a Block. */
    record If(Span span, Expr condition, Block then, Stmt otherwise) implements Stmt {}

    record While(Span span, Expr condition, Block body) implements Stmt {}

    record For(Span span, Target target, Expr iterable, Block body) implements Stmt {}

    record Break(Span span) implements Stmt {}

    record Continue(Span span) implements Stmt {}

    record Return(Span span, Expr value) implements Stmt {}

    record Throw(Span span, Expr error) implements Stmt {}

    record Try(Span span, Block body, List<Catch> catches, Block finallyBlock) implements Stmt {}

    /** {@code catch K1, K2 as e { … }}; kinds empty means catch everything. */
    record Catch(Span span, List<Expr> kinds, String binding, Span bindingSpan, Block body) {}

    /** {@code import math}, {@code import "lib/x.skein" as x}. */
    record Import(Span span, String module, boolean isPath, String alias) implements Stmt {}

    record With(Span span, Expr resource, String name, Block body) implements Stmt {}

    record Block(Span span, List<Stmt> statements) implements Stmt {}
}
