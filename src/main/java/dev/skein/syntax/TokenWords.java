package dev.skein.syntax;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.Vocabulary;
import org.antlr.v4.runtime.misc.IntervalSet;

/** Turns tokens and expected-token sets into words for error messages. */
final class TokenWords {
    private TokenWords() {}

    private static final Vocabulary VOCAB = SkeinLexer.VOCABULARY;

    static String describe(Token t) {
        return switch (t.getType()) {
            case Token.EOF -> "the end of the input";
            case SkeinLexer.NL -> "the end of the line";
            case SkeinLexer.STRING, SkeinLexer.FSTRING -> "a string";
            case SkeinLexer.INT, SkeinLexer.FLOAT -> "the number " + t.getText();
            case SkeinLexer.NAME -> "the name '" + t.getText() + "'";
            default -> "'" + t.getText() + "'";
        };
    }

    static String expected(IntervalSet set) {
        // An unclosed bracket is the most likely cause when a closer would have fitted.
        if (set.contains(SkeinLexer.RPAREN)) return "')' to close an open '('";
        if (set.contains(SkeinLexer.RBRACK)) return "']' to close an open '['";
        if (set.contains(SkeinLexer.INT) && set.contains(SkeinLexer.NAME)) return "an expression";
        if (set.contains(SkeinLexer.NAME) && !set.contains(SkeinLexer.RBRACE)) return "a name";
        List<String> words = new ArrayList<>();
        for (int type : set.toArray()) {
            if (type == SkeinLexer.NL || type == SkeinLexer.SEMI) { addOnce(words, "a new line or ';'"); continue; }
            if (type == Token.EOF) { addOnce(words, "the end of the input"); continue; }
            String lit = VOCAB.getLiteralName(type);
            if (lit != null) words.add(lit);
        }
        if (words.isEmpty()) return "something else";
        if (words.size() > 4) return String.join(", ", words.subList(0, 4)) + " or something else";
        if (words.size() == 1) return words.get(0);
        return String.join(", ", words.subList(0, words.size() - 1)) + " or " + words.get(words.size() - 1);
    }

    private static void addOnce(List<String> words, String w) {
        if (!words.contains(w)) words.add(w);
    }
}
