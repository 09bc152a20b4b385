package dev.skein.syntax;

/**
 * One problem found before running: a syntax error or an undeclared name. {@code atEnd} marks a
 * syntax error caused only by the input ending too early (the REPL then asks for more lines).
 */
public record Diagnostic(Source source, int line, int column, String kind, String message, boolean atEnd) {
    /** {@code file:line:col: Kind: message}, the source line and a caret under the column. */
    public String render() {
        StringBuilder sb = new StringBuilder();
        sb.append(source.name()).append(':').append(line).append(':').append(column).append(": ")
          .append(kind).append(": ").append(message);
        String text = source.line(line);
        if (!text.isBlank()) {
            sb.append('\n').append("    ").append(text.stripTrailing()).append('\n').append("    ");
            for (int i = 1; i < column && i - 1 < text.length(); i++) sb.append(text.charAt(i - 1) == '\t' ? '\t' : ' ');
            sb.append('^');
        }
        return sb.toString();
    }
}
