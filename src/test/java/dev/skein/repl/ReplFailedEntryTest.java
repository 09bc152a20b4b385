package dev.skein.repl;

import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A failed entry leaves no trace in the session's namespace. */
class ReplFailedEntryTest {
    private final ReplHarness repl = new ReplHarness();

    @AfterEach void close() { repl.close(); }

    @Test
    void aRejectedLetLeavesTheNameUndefined() {
        repl.error("let x = 1 / 0", "ZeroDivisionError");
        repl.error("x", "NameError");
        assertFalse(repl.session.complete("x", 1).contains("x"), "a rejected name is not offered");
        assertFalse(repl.feed(":vars").out().contains("x"), ":vars does not list it");
        repl.quiet("let x = 2");   // and it can be declared afresh
        repl.value("x", "2");
    }

    @Test
    void aRejectedLetKeepsThePreviousValue() {
        repl.quiet("let y = 'old'");
        repl.error("let y = [][3]", "IndexError");
        repl.value("y", "'old'");
        repl.error("y = 1 / 0", "ZeroDivisionError");
        repl.value("y", "'old'");
    }

    @Test
    void everyBindingOfAFailedEntryIsUndone() {
        repl.quiet("let a = 1");
        repl.error("let b = 2; a = 10; fn h() { return 3 }; let c = 1 / 0", "ZeroDivisionError");
        repl.value("_e.kind", "'ZeroDivisionError'");   // the REPL's own record of the error stays
        repl.value("a", "1");
        repl.error("b", "NameError");
        repl.error("h()", "NameError");
    }

    @Test
    void aFailedEntryUndoesOnlyItsOwnBindings() {
        repl.quiet("let n = 0");
        repl.quiet("fn bump() { n += 1; return n }");
        repl.value("bump()", "1");
        repl.error("bump(); 1 / 0", "ZeroDivisionError");
        repl.value("n", "1");   // the failed entry's assignment through a function is undone too
        repl.value("bump()", "2");
    }
    // An entry stopped by Ctrl-C keeps what it did so far: ReplConcurrencyTest.cancelStopsARunningEvaluationFromAnotherThread.
}
