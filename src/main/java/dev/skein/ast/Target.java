package dev.skein.ast;

import java.util.List;

/** The left side of {@code let}, {@code =}, {@code for … in} and comprehensions. */
public sealed interface Target {
    Span span();

    record NameTarget(Span span, String name) implements Target {}

    /** Destructuring: {@code a, b} or {@code (i, (k, v))}. */
    record ListTarget(Span span, List<Target> items) implements Target {}

    record IndexTarget(Span span, Expr target, Expr index) implements Target {}

    record AttrTarget(Span span, Expr target, String name) implements Target {}
}
