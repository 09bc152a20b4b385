package dev.skein.syntax;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown when source cannot be compiled: carries every diagnostic found. */
public final class CompileError extends RuntimeException {
    private final List<Diagnostic> diagnostics;

    public CompileError(List<Diagnostic> diagnostics) {
        super(diagnostics.isEmpty() ? "compile error" : diagnostics.get(0).kind() + ": " + diagnostics.get(0).message(), null, false, false);
        List<Diagnostic> sorted = new java.util.ArrayList<>(diagnostics);
        sorted.sort(java.util.Comparator.comparingInt(Diagnostic::line).thenComparingInt(Diagnostic::column));
        this.diagnostics = List.copyOf(sorted);
    }

    public List<Diagnostic> diagnostics() { return diagnostics; }

    /** True when the only problem is that the input ended early (more lines would help). */
    public boolean isIncompleteInput() {
        return diagnostics.size() == 1 && diagnostics.get(0).atEnd();
    }

    public String render() {
        return diagnostics.stream().map(Diagnostic::render).collect(Collectors.joining("\n"));
    }
}
