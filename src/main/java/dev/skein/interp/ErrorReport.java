package dev.skein.interp;

import dev.skein.runtime.ErrorValue;
import dev.skein.runtime.TraceEntry;
import dev.skein.syntax.Source;
import java.util.List;

/**
 * Renders an uncaught error the way the CLI and REPL print it: {@code file:line:col: Kind:
 * message}, the source line with a caret, then the trace, most recent call last.
 */
public final class ErrorReport {
    private ErrorReport() {}

    public static String render(ErrorValue error, Runner runner) {
        StringBuilder sb = new StringBuilder();
        List<TraceEntry> trace = error.trace();
        if (!trace.isEmpty()) {
            TraceEntry at = trace.get(0);
            sb.append(at.file()).append(':').append(at.line()).append(':').append(at.column()).append(": ");
            sb.append(error.headline());
            Source src = runner.source(at.file());
            if (src != null) {
                String text = src.line(at.line());
                if (!text.isBlank()) {
                    sb.append("\n    ").append(text.stripTrailing()).append("\n    ");
                    for (int i = 1; i < at.column() && i - 1 < text.length(); i++) sb.append(text.charAt(i - 1) == '\t' ? '\t' : ' ');
                    sb.append('^');
                }
            }
            sb.append("\ntrace (most recent call last):");
            appendTrace(sb, trace);
        } else {
            sb.append(error.headline());
        }
        for (ErrorValue c = error.cause(); c != null; c = c.cause()) {
            sb.append("\ncaused by: ");
            List<TraceEntry> ct = c.trace();
            if (!ct.isEmpty()) sb.append(ct.get(0).file()).append(':').append(ct.get(0).line()).append(':').append(ct.get(0).column()).append(": ");
            sb.append(c.headline());
            appendTrace(sb, ct);
        }
        return sb.toString();
    }

    /** Most recent call last; runs of identical frames (deep recursion) are folded into one line. */
    private static void appendTrace(StringBuilder sb, List<TraceEntry> trace) {
        for (int i = trace.size() - 1; i >= 0; ) {
            TraceEntry e = trace.get(i);
            int j = i;
            while (j > 0 && trace.get(j - 1).equals(e)) j--;
            sb.append("\n  ").append(e);
            int repeats = i - j;
            if (repeats > 2) {
                sb.append("\n  [the line above repeats ").append(repeats).append(" more times]");
            } else {
                for (int k = 0; k < repeats; k++) sb.append("\n  ").append(e);
            }
            i = j - 1;
        }
    }
}
