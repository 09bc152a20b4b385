package dev.skein.syntax;

import java.util.ArrayDeque;
import java.util.Deque;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenFactory;
import org.antlr.v4.runtime.TokenSource;

/**
 * Drops the newline tokens that fall inside parentheses or brackets, so that expressions there
 * may span lines. Inside braces newlines stay: they separate the statements of a block (dict and
 * set literals allow them explicitly in the grammar).
 */
final class NewlineFilter implements TokenSource {
    private final SkeinLexer lexer;
    private final Deque<Token> open = new ArrayDeque<>();
    private Token unterminated;

    NewlineFilter(SkeinLexer lexer) { this.lexer = lexer; }

    @Override public Token nextToken() {
        while (true) {
            Token t = lexer.nextToken();
            switch (t.getType()) {
                case SkeinLexer.LPAREN, SkeinLexer.LBRACK, SkeinLexer.LBRACE -> open.push(t);
                case SkeinLexer.RPAREN, SkeinLexer.RBRACK, SkeinLexer.RBRACE -> { if (!open.isEmpty()) open.pop(); }
                case SkeinLexer.UNTERMINATED_STRING -> { if (unterminated == null) unterminated = t; }
                case SkeinLexer.NL -> {
                    if (!open.isEmpty() && open.peek().getType() != SkeinLexer.LBRACE) continue;
                }
                default -> { }
            }
            return t;
        }
    }

    /** The innermost bracket still open where the input ended (for "never closed" messages), or null. */
    Token unclosed() { return open.peek(); }

    /** The first string that reached the end of its line or of the input unclosed, or null. */
    Token unterminatedString() { return unterminated; }

    @Override public int getLine() { return lexer.getLine(); }
    @Override public int getCharPositionInLine() { return lexer.getCharPositionInLine(); }
    @Override public CharStream getInputStream() { return lexer.getInputStream(); }
    @Override public String getSourceName() { return lexer.getSourceName(); }
    @Override public void setTokenFactory(TokenFactory<?> factory) { lexer.setTokenFactory(factory); }
    @Override public TokenFactory<?> getTokenFactory() { return lexer.getTokenFactory(); }
}
