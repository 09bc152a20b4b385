package dev.skein.ast;

/** Where a node starts in its source: 1-based line and column. */
public record Span(int line, int column) {
    @Override public String toString() { return line + ":" + column; }
}
