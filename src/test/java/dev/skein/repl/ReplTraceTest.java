package dev.skein.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skein.trace.TraceFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code :trace on FILE} / {@code :trace off}: a timeline of the tasks of part of a session. */
class ReplTraceTest {
    private final ReplHarness repl = new ReplHarness();

    @TempDir Path dir;

    @AfterEach
    void close() { repl.close(); }

    @Test
    void traceOnRecordsTheTasksUntilTraceOff() throws Exception {
        Path file = dir.resolve("session.json");
        repl.quiet("fn sq(x) { return x * x }");
        repl.value("await (submit sq(2))", "4");   // before :trace on: not in the trace
        Reply on = repl.feed(":trace on " + file);
        assertTrue(on.out().startsWith("tracing tasks to " + file), on.toString());
        assertEquals("tracing tasks to " + file + "\n", repl.feed(":trace").out());
        repl.value("await (submit sq(3))", "9");
        repl.feed(":reset");   // a fresh interpreter is traced too
        repl.quiet("fn cube(x) { return x * x * x }");
        repl.value("await (submit cube(2))", "8");
        Reply off = repl.feed(":trace off");
        assertTrue(off.out().startsWith("trace written to " + file + " ("), off.toString());
        repl.value("await (submit cube(3))", "27");   // after :trace off: not in it
        assertEquals("tracing is off\n", repl.feed(":trace").out());
        assertTrue(repl.feed(":trace off").isError(), "off twice says tracing is off");

        TraceFile t = TraceFile.read(file);
        t.checkSchema();
        assertEquals(java.util.List.of("(3)", "(2)"), t.slices("task").stream()
                .sorted(java.util.Comparator.comparingDouble(e -> ((Number) e.get("ts")).doubleValue()))
                .map(e -> String.valueOf(((Map<?, ?>) e.get("args")).get("args"))).toList());
        assertTrue(t.processes.values().stream().anyMatch(g -> g.startsWith("skein REPL")), t.processes.toString());
    }

    @Test
    void anAwaitOfATaskThatRanInAnEarlierTraceFallsInsideThisOne() throws Exception {
        Path first = dir.resolve("first.json"), second = dir.resolve("second.json");
        repl.quiet("fn sq(x) { return x * x }");
        repl.feed(":trace on " + first);
        repl.quiet("let f = submit sq(5)");
        repl.quiet("while not f.done() { }");
        repl.feed(":trace off");
        repl.feed(":trace on " + second);
        repl.value("await f", "25");   // done, ran in the first trace: placed without a clock read
        repl.feed(":trace off");
        TraceFile t = TraceFile.read(second);
        t.checkSchema();
        assertEquals(1, t.slices("await").size());
        assertEquals(0, t.slices("task").size());
    }

    @Test
    void leavingWritesATraceStillOnAndABadFileIsAnError() throws Exception {
        Path file = dir.resolve("left.json");
        repl.feed(":trace on " + file);
        repl.value("await (submit abs(-1))", "1");
        assertFalse(Files.exists(file));
        repl.close();
        TraceFile.read(file).checkSchema();
        assertEquals(1, TraceFile.read(file).slices("task").size());

        try (ReplHarness other = new ReplHarness()) {
            other.feed(":trace on " + dir.resolve("missing/t.json"));
            Reply r = other.feed(":trace off");
            assertEquals("cannot write the trace '" + dir.resolve("missing/t.json") + "': no such directory\n", r.err());
            assertTrue(other.feed(":trace on").isError(), "usage");
        }
    }
}
