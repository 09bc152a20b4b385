package dev.skein.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inputs, continuation, values, errors and commands of the REPL core (no terminal). */
class ReplSessionTest {
    private final ReplHarness repl = new ReplHarness();

    @AfterEach
    void close() { repl.close(); }

    @Test
    void anOpenBraceContinuesUntilClosed() {
        assertEquals(Reply.Status.MORE, repl.feed("fn twice(x) {").status());
        assertTrue(repl.session.isContinuing());
        assertEquals(Reply.Status.MORE, repl.feed("").status());   // a blank line inside a body is fine
        assertEquals(Reply.Status.MORE, repl.feed("    return x * 2").status());
        assertEquals(Reply.Status.DONE, repl.feed("}").status());
        assertFalse(repl.session.isContinuing());
        repl.value("twice(21)", "42");
    }

    @Test
    void openBracketsParenthesesAndLongStringsContinue() {
        assertEquals(Reply.Status.MORE, repl.feed("let xs = [1,").status());
        repl.quiet("  2]");
        repl.value("xs", "[1, 2]");

        assertEquals(Reply.Status.MORE, repl.feed("print(1,").status());
        repl.quiet("2)");
        assertEquals("1 2\n", repl.printed());

        assertEquals(Reply.Status.MORE, repl.feed("let d = {\"a\":").status());
        repl.quiet("1}");
        repl.value("d", "{'a': 1}");

        assertEquals(Reply.Status.MORE, repl.feed("let s = \"\"\"one").status());
        repl.quiet("two\"\"\"");
        repl.value("s", "'one\\ntwo'");
    }

    @Test
    void theParserDecidesWhatIsIncomplete() {
        assertTrue(ReplSession.isIncomplete("if true {"));
        assertTrue(ReplSession.isIncomplete("f(1,\n"));
        assertTrue(ReplSession.isIncomplete("'''abc\n"));
        assertTrue(ReplSession.isIncomplete("let x = [\n  1,\n"));
        assertFalse(ReplSession.isIncomplete("1 + 2"));
        assertFalse(ReplSession.isIncomplete("let = 3\n"));
        assertFalse(ReplSession.isIncomplete("f(1))\n"));
        assertFalse(ReplSession.isIncomplete("'{'\n"));          // a brace inside a string counts for nothing
        assertFalse(ReplSession.isIncomplete("# {\n"));          // nor inside a comment
        assertFalse(ReplSession.isIncomplete(":help"));
        assertFalse(ReplSession.isIncomplete("   "));
    }

    @Test
    void aSyntaxErrorIsReportedAndTheBufferCleared() {
        repl.error("let = 3", "SyntaxError");
        assertFalse(repl.session.isContinuing());
        repl.value("1 + 1", "2");
    }

    @Test
    void valuesArePrintedInReprFormAndNoneIsNot() {
        repl.value("1 + 2", "3");
        repl.value("'hi'", "'hi'");
        repl.value("[1, 'a', none, true]", "[1, 'a', none, true]");
        repl.value("0.1 + 0.2", "0.30000000000000004");
        repl.quiet("none");
        repl.quiet("print('shown by print')");
        assertEquals("shown by print\n", repl.printed());
        repl.quiet("let x = 5");
        repl.quiet("x += 1");
        repl.value("x", "6");
    }

    @Test
    void underscoreHoldsTheLastValue() {
        repl.value("6 * 7", "42");
        repl.value("_ + 1", "43");
        repl.quiet("none");
        repl.value("_", "43");   // none does not replace it
        repl.error("1 / 0", "ZeroDivisionError");
        repl.value("_e.kind", "'ZeroDivisionError'");
    }

    @Test
    void anErrorKeepsEverythingDefinedSoFar() {
        repl.quiet("let x = 5");
        repl.quiet("fn g() { return 1 / 0 }");
        String report = repl.error("g()", "ZeroDivisionError");
        assertTrue(report.contains("<repl:2>:1:"), report);   // points at the input that defined g
        assertTrue(report.contains("trace (most recent call last):"), report);
        repl.error("undefined_name + 1", "NameError: 'undefined_name' is not declared");
        repl.value("x", "5");
        repl.quiet("fn g() { return 'fixed' }");   // redefining is fine
        repl.value("g()", "'fixed'");
    }

    @Test
    void deepRecursionWorksAtThePrompt() {
        repl.quiet("fn depth(n) { return 0 if n == 0 else 1 + depth(n - 1) }");
        repl.value("depth(15000)", "15000");
    }

    @Test
    void timeShowsTheValueAndTheDuration() {
        Reply r = repl.feed(":time sum(range(1000))");
        assertTrue(r.out().startsWith("499500\ntime: "), r.out());
        assertTrue(r.out().matches("(?s).*time: [0-9.]+ m?s\n"), r.out());
        repl.error(":time", "usage: :time EXPR");
    }

    @Test
    void loadRunsAFileInTheSession(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("lib.skein");
        Files.writeString(file, "let k = 3\nfn triple(x) { return x * k }\nprint('loaded')\n");
        repl.quiet(":load " + file);
        assertEquals("loaded\n", repl.printed());
        repl.value("triple(5)", "15");
        repl.error(":load " + dir.resolve("missing.skein"), "no such file");
        Files.writeString(file, "fn broken() { return 1 / 0 }\nbroken()\n");
        String report = repl.error(":load " + file, "ZeroDivisionError");
        assertTrue(report.contains(file + ":1:"), report);   // errors point into the file
    }

    @Test
    void resetForgetsDefinitions() {
        repl.quiet("let z = 1");
        Reply r = repl.feed(":reset");
        assertTrue(r.out().startsWith("session reset"), r.out());
        repl.error("z", "NameError");
        repl.value("1", "1");
    }

    @Test
    void commandsAnswer() {
        assertTrue(repl.feed(":help").out().contains(":tasks"));
        assertEquals("no pending or running tasks\n", repl.feed(":tasks").out());
        assertTrue(repl.feed(":pools").out().startsWith("no pools"));
        assertEquals("no tasks to cancel\n", repl.feed(":cancel").out());
        repl.quiet("let answer = 42");
        assertEquals("answer = 42\n", repl.feed(":vars").out());
        repl.error(":nonsense", "unknown command ':nonsense'");
        assertEquals(Reply.Status.QUIT, repl.feed(":quit").status());
    }

    @Test
    void exitLeavesWithItsCode() {
        repl.quiet("import os");
        Reply r = repl.feed("os.exit(3)");
        assertEquals(Reply.Status.QUIT, r.status());
        assertEquals(3, r.exitCode());
    }
}
