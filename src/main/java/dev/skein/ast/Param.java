package dev.skein.ast;

/** A function or record parameter: {@code x}, {@code x = default} or {@code *rest}. */
public record Param(Span span, String name, Expr defaultValue, boolean rest) {}
