package dev.skein.repl;

import java.util.List;
import org.jline.reader.CompletingParsedLine;
import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;

/**
 * Tells JLine when the buffer is an incomplete input (it then shows the continuation prompt
 * and keeps editing all lines as one buffer), and which word Tab completes: the identifier
 * before the cursor, so {@code math.sq} completes {@code sq}.
 */
final class JLineParser implements Parser {
    @Override public ParsedLine parse(String line, int cursor, ParseContext context) {
        if (context == ParseContext.ACCEPT_LINE && ReplSession.isIncomplete(line)) {
            // The open brackets tell JLine how far to indent the continuation line (AUTO_INDENT).
            throw new EOFError(-1, -1, "incomplete input", null, InputCheck.openBrackets(line), null);
        }
        int file = FileNameCompleter.argumentStart(line.substring(0, cursor));
        return new Word(line, cursor, file >= 0 ? file : ReplCompleter.wordStart(line, cursor));
    }

    /** The line with the identifier being completed; candidates replace it as they are. */
    private record Word(String line, int cursor, int start) implements CompletingParsedLine {
        @Override public String word() { return line.substring(start, cursor); }

        @Override public int wordCursor() { return cursor - start; }

        @Override public int wordIndex() { return 0; }

        @Override public List<String> words() { return List.of(word()); }

        @Override public CharSequence escape(CharSequence candidate, boolean complete) { return candidate; }

        @Override public int rawWordCursor() { return wordCursor(); }

        @Override public int rawWordLength() { return cursor - start; }
    }
}
