package dev.skein.ast;

import java.util.List;

/** Expressions. Immutable; every node knows where it starts. */
public sealed interface Expr {
    Span span();

    record Literal(Span span, Object value) implements Expr {}

    record Name(Span span, String name) implements Expr {}

    /** An f-string: literal text pieces and {@link Interpolation}s, in order. */
    record FString(Span span, List<Object> parts) implements Expr {}

    /** {@code {expr!conv:spec}} inside an f-string; spec is itself an f-string (may be null). */
    record Interpolation(Span span, Expr value, char conversion, FString spec) {}

    record ListLit(Span span, List<Expr> items) implements Expr {}

    record DictLit(Span span, List<Expr> keys, List<Expr> values) implements Expr {}

    record SetLit(Span span, List<Expr> items) implements Expr {}

    enum CompKind { LIST, SET, DICT, GENERATOR }

    /** {@code [element for … if …]}; for dicts {@code element} is the key and {@code value} the value. */
    record Comprehension(Span span, CompKind kind, Expr element, Expr value, List<CompClause> clauses) implements Expr {}

    sealed interface CompClause {}

    record CompFor(Span span, Target target, Expr iterable) implements CompClause {}

    record CompIf(Span span, Expr condition) implements CompClause {}

    record Unary(Span span, String op, Expr operand) implements Expr {}

    record Binary(Span span, String op, Expr left, Expr right) implements Expr {}

    /** A comparison chain {@code a < b <= c}: ops.size() == operands.size() - 1. */
    record Compare(Span span, List<String> ops, List<Expr> operands) implements Expr {}

    record And(Span span, Expr left, Expr right) implements Expr {}

    record Or(Span span, Expr left, Expr right) implements Expr {}

    record Not(Span span, Expr operand) implements Expr {}

    record Conditional(Span span, Expr condition, Expr then, Expr otherwise) implements Expr {}

    record Call(Span span, Expr callee, List<Arg> args) implements Expr {}

    /** A call argument: positional ({@code name == null}), keyword, or spread ({@code *xs}). */
    record Arg(Span span, String name, boolean spread, Expr value) {}

    record Index(Span span, Expr target, Expr index) implements Expr {}

    record Slice(Span span, Expr start, Expr stop, Expr step) implements Expr {}

    record Attr(Span span, Expr target, String name) implements Expr {}

    /** A function literal: {@code fn(x) => x + 1}, {@code fn(x) { … }} or the body of {@code fn name(…)}. */
    record Lambda(Span span, String name, List<Param> params, List<Stmt> body) implements Expr {}

    record Await(Span span, Expr future, Expr timeout) implements Expr {}

    record Submit(Span span, Call call, Expr pool, Expr timeout) implements Expr {}

    record MapOver(Span span, Expr function, List<Expr> iterables, Expr pool, Expr chunk,
                   boolean unordered, Expr timeout, Expr buffer) implements Expr {}
}
