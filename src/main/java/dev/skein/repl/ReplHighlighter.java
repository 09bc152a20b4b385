package dev.skein.repl;

import dev.skein.syntax.SkeinLexer;
import java.util.regex.Pattern;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;
import org.jline.reader.Highlighter;
import org.jline.reader.LineReader;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/** Colours the line being typed with Skein's own lexer: keywords, strings, numbers, comments. */
final class ReplHighlighter implements Highlighter {
    private static final AttributedStyle KEYWORD = AttributedStyle.BOLD.foreground(AttributedStyle.BLUE);
    private static final AttributedStyle STRING = AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN);
    private static final AttributedStyle NUMBER = AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN);
    private static final AttributedStyle CONSTANT = AttributedStyle.DEFAULT.foreground(AttributedStyle.MAGENTA);
    private static final AttributedStyle COMMENT = AttributedStyle.DEFAULT.foreground(AttributedStyle.BRIGHT);
    private static final AttributedStyle ERROR = AttributedStyle.DEFAULT.foreground(AttributedStyle.RED);

    @Override public AttributedString highlight(LineReader reader, String buffer) {
        if (ReplCommands.isCommand(buffer)) return new AttributedString(buffer, AttributedStyle.BOLD);
        AttributedStringBuilder sb = new AttributedStringBuilder();
        SkeinLexer lexer = new SkeinLexer(CharStreams.fromString(buffer));
        lexer.removeErrorListeners();
        int at = 0;
        for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
            if (t.getStartIndex() > at) plainOrComment(sb, buffer.substring(at, t.getStartIndex()));
            sb.styled(style(t.getType()), t.getText());
            at = t.getStopIndex() + 1;
        }
        if (at < buffer.length()) plainOrComment(sb, buffer.substring(at));
        return sb.toAttributedString();
    }

    /** Skipped text between tokens: spaces, line joins and comments (which run to the line end). */
    private static void plainOrComment(AttributedStringBuilder sb, String gap) {
        int hash = gap.indexOf('#');
        if (hash < 0) {
            sb.append(gap);
            return;
        }
        sb.append(gap.substring(0, hash));
        sb.styled(COMMENT, gap.substring(hash));
    }

    private static AttributedStyle style(int type) {
        return switch (type) {
            case SkeinLexer.STRING, SkeinLexer.FSTRING, SkeinLexer.UNTERMINATED_STRING -> STRING;
            case SkeinLexer.INT, SkeinLexer.FLOAT -> NUMBER;
            case SkeinLexer.TRUE, SkeinLexer.FALSE, SkeinLexer.NONE -> CONSTANT;
            case SkeinLexer.ERROR_CHAR -> ERROR;
            case SkeinLexer.NAME, SkeinLexer.OVER, SkeinLexer.TO, SkeinLexer.CHUNK, SkeinLexer.UNORDERED,
                 SkeinLexer.TIMEOUT, SkeinLexer.BUFFER -> AttributedStyle.DEFAULT;
            default -> isWord(type) ? KEYWORD : AttributedStyle.DEFAULT;
        };
    }

    private static boolean isWord(int type) {
        String lit = SkeinLexer.VOCABULARY.getLiteralName(type);
        return lit != null && WORD.matcher(lit).matches();
    }

    private static final Pattern WORD = Pattern.compile("'[a-z]+'");

    @Override public void setErrorPattern(Pattern errorPattern) { }

    @Override public void setErrorIndex(int errorIndex) { }
}
