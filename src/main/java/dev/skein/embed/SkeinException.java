package dev.skein.embed;

import dev.skein.runtime.ErrorKind;
import dev.skein.runtime.ErrorValue;
import dev.skein.runtime.SkeinError;
import dev.skein.runtime.TraceEntry;
import dev.skein.syntax.CompileError;
import dev.skein.syntax.Diagnostic;
import java.util.List;

/**
 * The one exception a host sees from Skein: a compile error, a runtime error, a cancellation, a
 * time limit or a used-up step budget (these last three as its subclass {@link SkeinLimitException}). It carries the Skein error kind ({@code "ValueError"}),
 * the message, where it happened (file, line, column of the innermost script frame) and the
 * script trace; {@link #report()} renders it the way the CLI prints it.
 *
 * <p>Host functions may also throw it to raise a Skein error of a built-in kind:
 * {@code throw new SkeinException("ValueError", "no such order")}.
 */
public class SkeinException extends RuntimeException {
    private final String kind;
    private final String detail;
    private final String file;
    private final int line;
    private final int column;
    private final List<TraceEntry> trace;
    private final List<Diagnostic> diagnostics;
    private final ErrorValue error;
    private final String report;
    private final Integer exitCode;

    SkeinException(String kind, String detail, String file, int line, int column, List<TraceEntry> trace,
                           List<Diagnostic> diagnostics, ErrorValue error, String report, Integer exitCode, Throwable cause) {
        super(headline(kind, detail, file, line, column), cause);
        this.kind = kind;
        this.detail = detail;
        this.file = file;
        this.line = line;
        this.column = column;
        this.trace = trace;
        this.diagnostics = diagnostics;
        this.error = error;
        this.report = report;
        this.exitCode = exitCode;
    }

    /**
     * A Skein error of a built-in kind, for host functions to throw (the script can catch it with
     * {@code catch ValueError as e}).
     *
     * @throws IllegalArgumentException if {@code kind} is not a built-in error kind
     */
    public SkeinException(String kind, String message) {
        this(checkedKind(kind).name(), message, null, 0, 0, List.of(), List.of(),
                new ErrorValue(checkedKind(kind), message, null), null, null, null);
    }

    private static ErrorKind checkedKind(String kind) {
        ErrorKind k = ErrorKind.BUILTIN.get(kind);
        if (k == null) throw new IllegalArgumentException("'" + kind + "' is not a Skein error kind; use one of " + ErrorKind.BUILTIN.keySet());
        return k;
    }

    static SkeinException fromError(ErrorValue e, String report, Throwable hostCause) {
        List<TraceEntry> trace = e.trace();
        TraceEntry at = trace.isEmpty() ? null : trace.get(0);
        return new SkeinException(e.kind().name(), e.message(), at == null ? null : at.file(), at == null ? 0 : at.line(),
                at == null ? 0 : at.column(), trace, List.of(), e, report, null, hostCause);
    }

    static SkeinException fromCompileError(CompileError c) {
        Diagnostic d = c.diagnostics().get(0);
        return new SkeinException(d.kind(), d.message(), d.source().name(), d.line(), d.column(), List.of(),
                c.diagnostics(), null, c.render(), null, null);
    }

    static SkeinException fromDiagnostic(Diagnostic d, String message) {
        return new SkeinException(d.kind(), message, d.source().name(), d.line(), d.column(), List.of(),
                List.of(d), null, new Diagnostic(d.source(), d.line(), d.column(), d.kind(), message, false).render(), null, null);
    }

    static SkeinException exit(int code) {
        return new SkeinException("Exit", "the script called os.exit(" + code + ")", null, 0, 0, List.of(), List.of(),
                null, null, code, null);
    }

    static SkeinException internal(Throwable t) {
        return new SkeinException("Error", "internal error: " + t, null, 0, 0, List.of(), List.of(),
                new ErrorValue(ErrorKind.ERROR, "internal error: " + t, null), null, null, t);
    }

    private static String headline(String kind, String message, String file, int line, int column) {
        String head = message == null || message.isEmpty() ? kind : kind + ": " + message;
        return file == null ? head : file + ":" + line + ":" + column + ": " + head;
    }

    /** The Skein error kind: "ValueError", "TimeoutError", "SyntaxError", "NameError", … ("Exit" for os.exit). */
    public String kind() { return kind; }

    /** The error's own message, without kind or position. */
    public String detail() { return detail; }

    /** The script file (as named when compiled) of the innermost frame, or null when unknown. */
    public String file() { return file; }

    /** 1-based line of the innermost frame, 0 when unknown. */
    public int line() { return line; }

    /** 1-based column of the innermost frame, 0 when unknown. */
    public int column() { return column; }

    /** The script frames the error passed through, innermost first (empty for compile errors). */
    public List<ScriptFrame> trace() {
        return trace.stream().map(t -> new ScriptFrame(t.file(), t.line(), t.column(), t.function())).toList();
    }

    /** The trace as the runtime keeps it, for this package. */
    List<TraceEntry> traceEntries() { return trace; }

    /** Every problem found before running, for a compile error; empty otherwise. */
    public List<CompileProblem> diagnostics() {
        return diagnostics.stream().map(d -> new CompileProblem(d.source() == null ? null : d.source().name(), d.line(), d.column(),
                d.kind(), d.message(), d.atEnd())).toList();
    }

    public boolean isCompileError() { return !diagnostics.isEmpty(); }

    /** True for a compile error caused only by the source ending too early (more input would help). */
    public boolean isIncompleteInput() {
        return diagnostics.size() == 1 && diagnostics.get(0).atEnd();
    }

    /** True when a cancellation (the host's {@code cancel()}, a Java interrupt) stopped the script. */
    public boolean isCancelled() { return kind.equals("CancelledError"); }

    /** True when the engine's step budget stopped the script (kind StepLimitError). */
    public boolean isStepLimit() { return kind.equals("StepLimitError"); }

    /** True when the engine's time limit (or a task timeout the script did not catch) stopped it. */
    public boolean isTimeout() { return kind.equals("TimeoutError"); }

    /** The status the script asked for with {@code os.exit(n)} (only when the EXIT capability is granted), or null. */
    public Integer exitCode() { return exitCode; }

    /**
     * The error the way the CLI prints it: position, source line with a caret, and the trace
     * (most recent call last).
     */
    public String report() { return report != null ? report : getMessage(); }

    /** The Skein error value (null for compile errors and exits): host functions rethrow it unchanged. */
    ErrorValue errorValue() { return error; }

    /** This exception as a Skein error to throw inside the interpreter (a host function failing). */
    SkeinError toSkeinError() {
        if (error != null) {
            SkeinError e = new SkeinError(error);
            return this instanceof SkeinLimitException ? e.asLimit() : e;
        }
        return new SkeinError(new ErrorValue(ErrorKind.ERROR, getMessage(), null));
    }
}
