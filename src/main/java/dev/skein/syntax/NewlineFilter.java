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
    private final Deque<Integer> open = new ArrayDeque<>();

    NewlineFilter(SkeinLexer lexer) { this.lexer = lexer; }

    @Override public Token nextToken() {
        while (true) {
            Token t = lexer.nextToken();
            switch (t.getType()) {
                case SkeinLexer.LPAREN, SkeinLexer.LBRACK, SkeinLexer.LBRACE -> open.push(t.getType());
                case SkeinLexer.RPAREN, SkeinLexer.RBRACK, SkeinLexer.RBRACE -> { if (!open.isEmpty()) open.pop(); }
                case SkeinLexer.NL -> {
                    if (!open.isEmpty() && open.peek() != SkeinLexer.LBRACE) continue;
                }
                default -> { }
            }
            return t;
        }
    }

    @Override public int getLine() { return lexer.getLine(); }
    @Override public int getCharPositionInLine() { return lexer.getCharPositionInLine(); }
    @Override public CharStream getInputStream() { return lexer.getInputStream(); }
    @Override public String getSourceName() { return lexer.getSourceName(); }
    @Override public void setTokenFactory(TokenFactory<?> factory) { lexer.setTokenFactory(factory); }
    @Override public TokenFactory<?> getTokenFactory() { return lexer.getTokenFactory(); }
}
