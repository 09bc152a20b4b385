package dev.skein.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skein.process.ProcessPools;
import dev.skein.runtime.Interpreter;
import dev.skein.runtime.OutputSink;
import dev.skein.stdlib.Stdlib;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** A REPL session driven by strings, with the interpreter's printed output captured. */
final class ReplHarness implements AutoCloseable {
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream printedStream = new PrintStream(printed, true, StandardCharsets.UTF_8);
    final ReplSession session = new ReplSession(() -> ProcessPools.install(Stdlib.install(Interpreter.builder()))
            .stdout(OutputSink.of(printedStream))
            .stderr(OutputSink.of(printedStream))
            .grantAll()
            .build());

    /** Feeds each line; returns the last reply. */
    Reply feed(String... lines) {
        Reply r = null;
        for (String line : lines) r = session.feed(line);
        return r;
    }

    /** Feeds one complete input and expects exactly this value to be shown. */
    void value(String input, String expected) {
        Reply r = feed(input);
        assertEquals("", r.err(), "error for: " + input);
        assertEquals(expected + "\n", r.out(), "value of: " + input);
    }

    /** Feeds one complete input that shows nothing and fails not. */
    void quiet(String input) {
        Reply r = feed(input);
        assertEquals(Reply.Status.DONE, r.status(), input);
        assertEquals("", r.err(), "error for: " + input);
        assertEquals("", r.out(), "output for: " + input);
    }

    /** Feeds one input that fails; returns the error report. */
    String error(String input, String expectedPart) {
        Reply r = feed(input);
        assertFalse(r.err().isEmpty(), "expected an error for: " + input);
        assertTrue(r.err().contains(expectedPart), r.err());
        return r.err();
    }

    /** What code printed since the last call. */
    String printed() {
        String s = printed.toString(StandardCharsets.UTF_8);
        printed.reset();
        return s;
    }

    @Override public void close() { session.close(); }
}
