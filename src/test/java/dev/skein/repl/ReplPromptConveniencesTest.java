package dev.skein.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jline.reader.EOFError;
import org.jline.reader.Parser.ParseContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Huge results cut at the prompt, file names after :load, indented continuation lines. */
class ReplPromptConveniencesTest {
    private final ReplHarness repl = new ReplHarness();

    @AfterEach void close() { repl.close(); }

    @Test
    void aHugeResultShowsItsHeadItsSizeAndHowToSeeAll() {
        String shown = repl.feed("[0] * 10**6").out();
        assertTrue(shown.startsWith("[0, 0, 0, "), shown);
        assertTrue(shown.length() < ResultPreview.HEAD_CHARS + 200, "cut: " + shown.length() + " characters");
        assertTrue(shown.endsWith("…\n(1,000,000 items, 3,000,000 characters in all; print(_) shows it whole)\n"), shown);
        repl.value("len(_)", "1000000");   // the value itself is whole
        repl.quiet("print(len(str([0] * 10**6)))");
        assertEquals("3000000\n", repl.printed());
    }

    @Test
    void aLongStringIsCutAndSmallValuesAreNot() {
        String shown = repl.feed("'ab' * 5000").out();
        assertTrue(shown.startsWith("'abab") && shown.endsWith("…\n(10,002 characters in all; print(_) shows it whole)\n"), shown);
        repl.value("[1] * 3", "[1, 1, 1]");
        String exact = "x".repeat(ResultPreview.MAX_CHARS - 2);
        repl.value("'x' * " + (ResultPreview.MAX_CHARS - 2), "'" + exact + "'");   // right at the limit: whole
    }

    @Test
    void loadCompletesFileNames(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("stats.skein"), "let k = 1\n");
        Files.writeString(dir.resolve("setup.skein"), "");
        Files.createDirectories(dir.resolve("scripts"));
        Files.writeString(dir.resolve(".hidden.skein"), "");
        assertEquals(List.of("scripts/", "setup.skein", "stats.skein"), FileNameCompleter.complete("s", dir));
        assertEquals(List.of("stats.skein"), FileNameCompleter.complete("st", dir));
        assertEquals(List.of(), FileNameCompleter.complete("scripts/", dir));
        assertEquals(-1, FileNameCompleter.argumentStart(":load"));   // not yet a :load with an argument
        assertEquals(6, FileNameCompleter.argumentStart(":load st"));
        // Through the session, relative to the current directory (the project's, under Maven).
        assertTrue(repl.session.complete(":load po", 8).contains("pom.xml"), repl.session.complete(":load po", 8).toString());
        assertTrue(repl.session.complete(":load src/ma", 12).contains("src/main/"));
    }

    @Test
    void continuationLinesAreIndentedByTheOpenBrackets() {
        JLineParser parser = new JLineParser();
        EOFError one = assertThrows(EOFError.class, () -> parser.parse("fn f(x) {", 9, ParseContext.ACCEPT_LINE));
        assertEquals(1, one.getOpenBrackets());
        String two = "fn f(x) {\n    let xs = [\n";
        assertEquals(2, assertThrows(EOFError.class, () -> parser.parse(two, two.length(), ParseContext.ACCEPT_LINE)).getOpenBrackets());
        String inString = "let s = \"\"\"{ [ (\n";
        assertEquals(0, assertThrows(EOFError.class, () -> parser.parse(inString, inString.length(), ParseContext.ACCEPT_LINE)).getOpenBrackets());
    }
}
