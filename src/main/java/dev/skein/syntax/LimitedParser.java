package dev.skein.syntax;

import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;

/**
 * The generated parser, counting the grammar rules it has open: each is a Java frame, so past
 * {@link NestingLimit#PARSE_DEPTH} it stops with {@link TooDeep} (a SyntaxError at that token)
 * instead of running out of stack.
 */
final class LimitedParser extends SkeinParser {
    private int depth;

    LimitedParser(TokenStream input, int depth) {
        super(input);
        this.depth = depth;
    }

    @Override public void enterRule(ParserRuleContext ctx, int state, int ruleIndex) {
        if (++depth > NestingLimit.PARSE_DEPTH) throw new TooDeep(getCurrentToken());
        super.enterRule(ctx, state, ruleIndex);
    }

    @Override public void exitRule() {
        depth--;
        super.exitRule();
    }

    /** Nesting past the limit, at token {@code at}. Not a RecognitionException: no recovery from it. */
    static final class TooDeep extends RuntimeException {
        final transient Token at;

        TooDeep(Token at) {
            super(null, null, false, false);   // no stack trace: it is thrown from deep down, and often
            this.at = at;
        }
    }
}
