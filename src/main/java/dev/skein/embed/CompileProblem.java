package dev.skein.embed;

/**
 * One problem a compile error found before running: where, its kind (SyntaxError, NameError…)
 * and its message; {@code atEnd} when the source simply ended too early.
 */
public record CompileProblem(String file, int line, int column, String kind, String message, boolean atEnd) {}
