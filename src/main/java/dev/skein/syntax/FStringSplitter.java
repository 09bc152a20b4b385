package dev.skein.syntax;

import dev.skein.ast.Expr;
import dev.skein.ast.Span;
import dev.skein.ast.Stmt;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.Token;

/**
 * Splits an f-string token into literal text and {@code {expression!conv:spec}} fields. Each
 * field's expression is parsed by the real parser, with positions mapped back into the file.
 */
final class FStringSplitter {
    private final Source source;
    private final AstBuilder owner;
    private final String body;
    private final boolean raw;
    private final int bodyLine;
    private final int bodyColumn;
    private final int parseDepth;   // grammar rules open around the f-string: its fields parse within the same limit
    private int specDepth;          // format specs open around the field being split

    FStringSplitter(Source source, AstBuilder owner, Token token, Span at, int parseDepth) {
        this.source = source;
        this.owner = owner;
        this.parseDepth = parseDepth;
        String text = token.getText();
        int p = StringLiterals.prefixLength(text);
        int q = StringLiterals.quoteLength(text, p);
        this.raw = text.substring(0, p).toLowerCase().contains("r");
        this.body = text.substring(p + q, text.length() - q);
        this.bodyLine = at.line();
        this.bodyColumn = at.column() + p + q;
    }

    /** The parts: Strings and {@link Expr.Interpolation}s. */
    List<Object> parts() {
        return split(body, 0, body.length(), true);
    }

    private List<Object> split(String s, int from, int to, boolean processEscapes) {
        List<Object> parts = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int i = from;
        while (i < to) {
            char c = s.charAt(i);
            if (c == '{' && i + 1 < to && s.charAt(i + 1) == '{') { text.append('{'); i += 2; continue; }
            if (c == '}' && i + 1 < to && s.charAt(i + 1) == '}') { text.append('}'); i += 2; continue; }
            if (c == '}') { fail(i, "a single '}' is not allowed in an f-string (write '}}')"); i++; continue; }
            if (c != '{') { text.append(c); i++; continue; }
            int end = matchingBrace(s, i, to);
            if (end < 0) { fail(i, "this '{' in the f-string is never closed"); return parts; }
            if (text.length() > 0) {
                parts.add(processEscapes && !raw ? StringLiterals.unescape(text.toString(), false) : text.toString());
                text.setLength(0);
            }
            parts.add(field(s, i + 1, end));
            i = end + 1;
        }
        if (text.length() > 0) parts.add(processEscapes && !raw ? StringLiterals.unescape(text.toString(), false) : text.toString());
        return parts;
    }

    /** Index of the '}' closing the field opened at {@code open}, skipping nested brackets and strings. */
    private static int matchingBrace(String s, int open, int to) {
        int depth = 0;
        for (int i = open + 1; i < to; i++) {
            char c = s.charAt(i);
            if (c == '\'' || c == '"') {
                int close = s.indexOf(c, i + 1);
                if (close < 0 || close >= to) return -1;
                i = close;
            } else if (c == '(' || c == '[' || c == '{') depth++;
            else if (c == ')' || c == ']') depth--;
            else if (c == '}') {
                if (depth == 0) return i;
                depth--;
            }
        }
        return -1;
    }

    /** As in Python: {@code f"{x:{w}}"} and one level more (deeper would cost time quadratic in the nesting). */
    private static final int MAX_SPEC_DEPTH = 2;

    private Expr.Interpolation field(String s, int from, int to) {
        int depth = 0, conv = -1, colon = -1;
        for (int i = from; i < to && colon < 0; i++) {
            char c = s.charAt(i);
            if (c == '\'' || c == '"') { int close = s.indexOf(c, i + 1); i = close < 0 ? to : close; }
            else if (c == '(' || c == '[' || c == '{') depth++;
            else if (c == ')' || c == ']' || c == '}') depth--;
            else if (depth == 0 && c == '!' && i + 1 < to && s.charAt(i + 1) != '=' && conv < 0) conv = i;
            else if (depth == 0 && c == ':') colon = i;
        }
        int exprEnd = conv >= 0 ? conv : colon >= 0 ? colon : to;
        // Python's self-documenting form f"{x=}" / f"{x + 1 = }": the text, then the value's repr.
        String debugText = null;
        String raw = s.substring(from, exprEnd);
        String trimmed = raw.stripTrailing();
        if (trimmed.endsWith("=") && !trimmed.endsWith("==") && !trimmed.endsWith("!=") && !trimmed.endsWith("<=") && !trimmed.endsWith(">=")) {
            debugText = raw;
            exprEnd = from + trimmed.length() - 1;
        }
        char conversion = debugText != null && conv < 0 && colon < 0 ? 'r' : 0;
        if (conv >= 0) {
            int convEnd = colon >= 0 ? colon : to;
            String cv = s.substring(conv + 1, convEnd).strip();
            if (cv.length() != 1 || "rsa".indexOf(cv.charAt(0)) < 0) fail(conv, "an f-string conversion must be !r, !s or !a");
            else conversion = cv.charAt(0);
        }
        Expr.FString spec = null;
        if (colon >= 0 && specDepth == MAX_SPEC_DEPTH) fail(colon, "f-string format specs nest at most " + MAX_SPEC_DEPTH + " levels deep");
        else if (colon >= 0) {
            specDepth++;
            spec = new Expr.FString(spanAt(colon + 1), mergeText(split(s, colon + 1, to, false)));
            specDepth--;
        }
        String exprText = s.substring(from, exprEnd);
        Span at = spanAt(from);
        if (exprText.isBlank()) {
            fail(from, "an f-string field needs an expression between the braces");
            return new Expr.Interpolation(at, new Expr.Literal(at, ""), conversion, spec);
        }
        Expr.Interpolation field = new Expr.Interpolation(at, parseExpression(exprText, at), conversion, spec);
        if (debugText == null) return field;
        return new Expr.Interpolation(at, new Expr.FString(at, List.of(debugText, field)), (char) 0, null);
    }

    private Expr parseExpression(String text, Span at) {
        Source sub = new Source(source.name(), text);
        try {
            SkeinParser.ProgramContext tree = SkeinParsing.parseTree(sub, text, parseDepth);
            List<Stmt> stmts = new AstBuilder(source, at.line(), at.column() - 1).program(tree);
            if (stmts.size() == 1 && stmts.get(0) instanceof Stmt.ExprStmt e) return e.expr();
            owner.report(new Diagnostic(source, at.line(), at.column(), "SyntaxError", "an f-string field must be one expression", false));
        } catch (CompileError e) {
            for (Diagnostic d : e.diagnostics()) {
                int line = d.line() + at.line() - 1;
                int col = d.line() == 1 ? d.column() + at.column() - 1 : d.column();
                owner.report(new Diagnostic(source, line, col, d.kind(), d.message(), false));
            }
        }
        return new Expr.Literal(at, "");
    }

    /** Position of body index {@code i} in the file (the body may span lines). */
    private Span spanAt(int i) {
        int line = bodyLine, col = bodyColumn;
        for (int k = 0; k < i; k++) {
            if (body.charAt(k) == '\n') { line++; col = 1; } else col++;
        }
        return new Span(line, col);
    }

    private void fail(int i, String message) {
        Span at = spanAt(i);
        owner.report(new Diagnostic(source, at.line(), at.column(), "SyntaxError", message, false));
    }

    /** Joins neighbouring text parts. */
    static List<Object> mergeText(List<Object> parts) {
        List<Object> out = new ArrayList<>();
        for (Object p : parts) {
            if (p instanceof String s && !out.isEmpty() && out.get(out.size() - 1) instanceof String prev) {
                out.set(out.size() - 1, prev + s);
            } else if (!(p instanceof String s && s.isEmpty())) {
                out.add(p);
            }
        }
        return out;
    }
}
