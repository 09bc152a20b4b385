package dev.skein.repl;

import dev.skein.syntax.CompileError;
import dev.skein.syntax.Diagnostic;
import dev.skein.syntax.SkeinLexer;
import dev.skein.syntax.SkeinParsing;
import dev.skein.syntax.Source;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;

/**
 * Decides, with the real parser, whether REPL input is complete: it is incomplete when the only
 * problems are that the input ended early (an open brace, bracket or parenthesis) or that a
 * triple-quoted string is still open at the end. Counting characters would be fooled by
 * brackets inside strings and comments; the parser is not.
 */
final class InputCheck {
    private InputCheck() {}

    static boolean isIncomplete(String text) {
        if (text.isBlank()) return false;
        try {
            SkeinParsing.parseProgram(new Source(ReplSession.MODULE_FILE, text));
            return false;
        } catch (CompileError e) {
            return e.isIncompleteInput() || onlyAnOpenLongString(text, e);
        }
    }

    /** True when the last token is a triple-quoted string running to the end and no error comes before it. */
    private static boolean onlyAnOpenLongString(String text, CompileError e) {
        Token last = lastToken(text);
        if (last == null || last.getType() != SkeinLexer.UNTERMINATED_STRING) return false;
        String body = last.getText().replaceFirst("^[fFrRbB]+", "");
        if (!body.startsWith("\"\"\"") && !body.startsWith("'''")) return false;
        for (Diagnostic d : e.diagnostics()) {
            boolean before = d.line() < last.getLine() || (d.line() == last.getLine() && d.column() <= last.getCharPositionInLine());
            if (before) return false;
        }
        return true;
    }

    /** Brackets, braces and parentheses open at the end of {@code text} (those inside strings and comments do not count). */
    static int openBrackets(String text) {
        SkeinLexer lexer = new SkeinLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        int depth = 0;
        for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
            if (t.getChannel() != Token.DEFAULT_CHANNEL || t.getText().length() != 1) continue;
            switch (t.getText().charAt(0)) {
                case '(', '[', '{' -> depth++;
                case ')', ']', '}' -> depth = Math.max(0, depth - 1);
                default -> { }
            }
        }
        return depth;
    }

    private static Token lastToken(String text) {
        SkeinLexer lexer = new SkeinLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        Token last = null;
        for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
            if (t.getChannel() == Token.DEFAULT_CHANNEL && t.getType() != SkeinLexer.NL) last = t;
        }
        return last;
    }
}
