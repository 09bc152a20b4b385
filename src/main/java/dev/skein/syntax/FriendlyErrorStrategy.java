package dev.skein.syntax;

import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.InputMismatchException;
import org.antlr.v4.runtime.NoViableAltException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * ANTLR's recovery, with messages in plain words ("expected an expression, found ')'") instead
 * of token-name dumps.
 */
final class FriendlyErrorStrategy extends DefaultErrorStrategy {
    @Override protected void reportNoViableAlternative(Parser p, NoViableAltException e) {
        Token t = e.getOffendingToken();
        p.notifyErrorListeners(t, unexpected(t, p.getExpectedTokens()), e);
    }

    @Override protected void reportInputMismatch(Parser p, InputMismatchException e) {
        Token t = e.getOffendingToken();
        p.notifyErrorListeners(t, unexpected(t, e.getExpectedTokens()), e);
    }

    @Override protected void reportUnwantedToken(Parser p) {
        if (inErrorRecoveryMode(p)) return;
        beginErrorCondition(p);
        Token t = p.getCurrentToken();
        p.notifyErrorListeners(t, unexpected(t, getExpectedTokens(p)), null);
    }

    @Override protected void reportMissingToken(Parser p) {
        if (inErrorRecoveryMode(p)) return;
        beginErrorCondition(p);
        Token t = p.getCurrentToken();
        p.notifyErrorListeners(t, "expected " + TokenWords.expected(getExpectedTokens(p)) + " before " + TokenWords.describe(t), null);
    }

    static String unexpected(Token t, IntervalSet expected) {
        if (t.getType() == SkeinLexer.UNTERMINATED_STRING) return "unterminated string (missing its closing quote)";
        if (t.getType() == SkeinLexer.ERROR_CHAR) return "unexpected character " + quote(t.getText());
        String found = TokenWords.describe(t);
        if (expected == null || expected.isNil()) return "unexpected " + found;
        return "expected " + TokenWords.expected(expected) + ", found " + found;
    }

    private static String quote(String s) { return "'" + s + "'"; }
}
