package dev.skein.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skein.cli.Main;
import dev.skein.embed.SkeinEngine;
import dev.skein.embed.SkeinSession;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code skein --trace} and the builder's {@code trace(Path)}: the timeline of what ran where. */
class TimelineTest {
    private static final Path SCRIPTS = Path.of("src/test/resources/trace");

    @TempDir Path dir;

    private String run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = Main.run(args, new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return code + "\n" + out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
    }

    @Test void aTraceOfThreadsVirtualThreadsAndProcessesFollowsTheTraceEventFormat() throws IOException {
        Path file = dir.resolve("everywhere.json");
        String said = run("--trace", file.toString(), SCRIPTS.resolve("everywhere.skein").toString());
        assertEquals("0\n9 0.02\ntimeout\ntrue\n[1, 4, 9]\n25\ncrashed\n[0, 1, 4, 9]\n", said);
        TraceFile t = TraceFile.read(file);
        t.checkSchema();

        // One track per worker, grouped by pool: threads, virtual threads, worker processes.
        List<Map<String, Object>> tasks = t.slices("task");
        assertTrue(tasks.stream().anyMatch(e -> t.group(e).startsWith("threads(2) pool") && t.track(e).startsWith("skein-threads-")), "thread workers");
        assertTrue(tasks.stream().anyMatch(e -> t.group(e).startsWith("virtual() pool") && t.track(e).startsWith("virtual thread #")), "virtual threads");
        List<Map<String, Object>> inWorkers = tasks.stream().filter(e -> t.track(e).matches("worker process \\d+")).toList();
        assertTrue(inWorkers.stream().allMatch(e -> t.group(e).startsWith("processes(2) pool")), "worker processes are tracks of their pool");
        assertTrue(inWorkers.stream().map(t::track).distinct().count() >= 2, "the dead worker and its replacement are two tracks");

        // A slice per task: function, argument summary, outcome, queue wait and run time.
        Map<String, Object> sq5 = inWorkers.stream().filter(e -> args(e).get("args").equals("(5)")).findFirst().orElseThrow();
        assertEquals("sq", sq5.get("name"));
        assertEquals("done", args(sq5).get("outcome"));
        assertTrue(((Number) args(sq5).get("queue_wait_us")).doubleValue() >= 0 && ((Number) args(sq5).get("run_us")).doubleValue() >= 0);
        // Timed in the worker, on the parent's clock: inside its submit-to-await span.
        long id = ((Number) args(sq5).get("task")).longValue();
        Map<String, Object> submit = t.slices("submit").stream().filter(e -> taskOf(e) == id).findFirst().orElseThrow();
        Map<String, Object> await = t.slices("await").stream().filter(e -> taskOf(e) == id).findFirst().orElseThrow();
        double start = TraceFile.time(sq5, "ts"), end = start + TraceFile.time(sq5, "dur");
        assertTrue(TraceFile.time(submit, "ts") <= start && end <= TraceFile.time(await, "ts") + TraceFile.time(await, "dur"),
                "the worker's own times fall between the submit and the end of the await");

        // Flows: every submit leads to its task's slice, and a task to its await.
        assertTrue(t.events.stream().anyMatch(e -> "f".equals(e.get("ph")) && t.track(e).matches("worker process \\d+")), "a submit->task arrow into a worker process");
        assertTrue(t.events.stream().anyMatch(e -> "s".equals(e.get("ph")) && t.track(e).matches("worker process \\d+")
                && ((Number) e.get("id")).longValue() >= 1L << 40), "a task->await arrow out of a worker process");

        // Instants: the timeout, the cancellation, the worker's death and the retry.
        assertEquals(1, t.instants("timeout").size(), "one timeout");
        assertEquals(1, t.instants("cancel").size(), "one cancellation");
        assertTrue(t.instants("retry").size() == 1 && t.track(t.instants("retry").get(0)).matches("worker process \\d+"), "the retry, on the dead worker's track");
        assertEquals(2, t.instants("worker died").size(), "the worker died, and again on the retry");
        assertTrue(t.slices("task").stream().anyMatch(e -> "worker died".equals(args(e).get("outcome"))), "the run the death cut short");
    }

    @Test void aSmallTraceMatchesItsGoldenForm() throws IOException {
        Path file = dir.resolve("golden.json");
        assertEquals("0\n49\nno way\ntrue\n0.2\ntimeout\n", run("--trace", file.toString(), SCRIPTS.resolve("golden.skein").toString()));
        TraceFile t = TraceFile.read(file);
        t.checkSchema();
        assertEquals(Files.readString(SCRIPTS.resolve("golden.trace.txt")), t.normalised());
    }

    @Test void onlyTheAwaitThatGotItsTaskDoneHasAnArrowFromIt() throws IOException {
        TraceFile t = traced("await_timeout", "0\nnot yet\n0.3\n");
        List<Map<String, Object>> awaits = byTime(t.slices("await"));
        assertEquals(2, awaits.size(), "the timed-out await and the one that got the result");
        List<Map<String, Object>> arrows = awaitArrowEnds(t);
        assertEquals(1, arrows.size(), "one task->await arrow");
        Map<String, Object> second = awaits.get(1);
        double at = TraceFile.time(arrows.get(0), "ts");
        assertTrue(TraceFile.time(second, "ts") <= at && at <= TraceFile.time(second, "ts") + TraceFile.time(second, "dur"), "it ends in the second await");
        Map<String, Object> run = t.slices("task").get(0);
        assertTrue(TraceFile.time(awaits.get(0), "ts") + TraceFile.time(awaits.get(0), "dur") < TraceFile.time(run, "ts") + TraceFile.time(run, "dur"),
                "the first await ended before its task did");
    }

    @Test void anAwaitOfATaskAlreadyDoneIsASliceOfNoLengthAfterTheTaskAndTheTrackBeforeIt() throws IOException {
        TraceFile t = traced("await_done", "0\n0.05\n0.01\n0.01\n");
        List<Map<String, Object>> awaits = byTime(t.slices("await"));
        assertEquals(3, awaits.size());
        assertTrue(TraceFile.time(awaits.get(0), "dur") > 0, "the await that waited is timed");
        Map<String, Object> run = t.slices("task").stream().filter(e -> taskOf(e) == taskOf(awaits.get(1))).findFirst().orElseThrow();
        // ts and dur are microseconds to the nanosecond: their sum in doubles may exceed the
        // await's ts (written as the same nanosecond) by a rounding error, hence the half nanosecond.
        double ranTo = TraceFile.time(run, "ts") + TraceFile.time(run, "dur") - 0.0005;
        double before = TraceFile.time(awaits.get(0), "ts") + TraceFile.time(awaits.get(0), "dur");
        for (Map<String, Object> done : awaits.subList(1, 3)) {
            assertEquals(0.0, TraceFile.time(done, "dur"), "no wait, no clock read: " + done);
            assertTrue(TraceFile.time(done, "ts") >= ranTo && TraceFile.time(done, "ts") > before, "after the task's end and the track's last slice: " + done + ", task ran to " + ranTo + ", last slice to " + before);
        }
        assertTrue(TraceFile.time(awaits.get(2), "ts") > TraceFile.time(awaits.get(1), "ts"), "two such awaits are told apart");
        List<Map<String, Object>> ends = byTime(awaitArrowEnds(t));
        assertEquals(3, ends.size(), "an arrow into each await");
        for (int i = 0; i < 3; i++) {
            double at = TraceFile.time(ends.get(i), "ts"), from = TraceFile.time(awaits.get(i), "ts");
            assertTrue(from <= at && at <= from + TraceFile.time(awaits.get(i), "dur"), "arrow " + i + " ends in await " + i);
        }
    }

    @Test void tasksSubmittedAndAwaitedFromManyThreadsAreEachRecordedOnce() throws IOException {
        Path file = dir.resolve("many.json");
        assertEquals("0\n100 249000\n", run("--trace", file.toString(), SCRIPTS.resolve("many_threads.skein").toString()));
        TraceFile t = TraceFile.read(file);
        t.checkSchema();
        for (String cat : List.of("submit", "task", "await")) {
            List<Long> ids = t.slices(cat).stream().map(TimelineTest::taskOf).toList();
            assertEquals(600, ids.size(), cat + " slices");
            assertEquals(600, ids.stream().distinct().count(), "one " + cat + " slice per task");
        }
        assertEquals(2 * 600, t.events.stream().filter(e -> "f".equals(e.get("ph"))).count(), "an arrow into each run and each await");
        // Leaves were submitted from the outer pool's threads: their submits sit on those tracks.
        assertTrue(t.slices("submit").stream().filter(e -> "submit leaf".equals(e.get("name"))).allMatch(e -> t.group(e).startsWith("threads(4) pool")));
    }

    @Test void aTraceThatCannotBeWrittenIsAnErrorNotAStackTrace() {
        String said = run("--trace", dir.resolve("no/such/dir/t.json").toString(), SCRIPTS.resolve("golden.skein").toString());
        assertTrue(said.startsWith("1\n") && said.endsWith("skein: cannot write the trace '" + dir.resolve("no/such/dir/t.json") + "': no such directory\n"), said);
    }

    @Test void theEmbeddingBuilderWritesTheTraceWhenTheEngineCloses() throws IOException {
        Path file = dir.resolve("engine.json");
        try (SkeinEngine engine = SkeinEngine.builder().trace(file).build(); SkeinSession session = engine.newSession()) {
            session.eval("fn sq(x) { return x * x }\nlet p = threads(2)\nlet got = await [submit sq(i) to p for i in range(3)]");
            Object v = session.eval("got");
            assertEquals(List.of(0L, 1L, 4L), v);
            assertFalse(Files.exists(file), "written at close, not before");
        }
        TraceFile t = TraceFile.read(file);
        t.checkSchema();
        assertEquals(3, t.slices("task").size());
        assertEquals(3, t.events.stream().filter(e -> "f".equals(e.get("ph"))).filter(e -> ((Number) e.get("id")).longValue() < 1L << 40).count(), "three submit arrows");
        assertTrue(t.processes.containsValue("threads(2) pool #1"), t.processes.toString());
    }

    /** Runs {@code script}.skein of the trace scripts with a trace, checks what it printed and the trace's schema. */
    private TraceFile traced(String script, String printed) throws IOException {
        Path file = dir.resolve(script + ".json");
        assertEquals(printed, run("--trace", file.toString(), SCRIPTS.resolve(script + ".skein").toString()));
        TraceFile t = TraceFile.read(file);
        t.checkSchema();
        return t;
    }

    private static List<Map<String, Object>> byTime(List<Map<String, Object>> events) {
        return events.stream().sorted(Comparator.comparingDouble(e -> TraceFile.time(e, "ts"))).toList();
    }

    /** The ends of the arrows from tasks to awaits (their ids are above any task's). */
    private static List<Map<String, Object>> awaitArrowEnds(TraceFile t) {
        return t.events.stream().filter(e -> "f".equals(e.get("ph")) && ((Number) e.get("id")).longValue() >= 1L << 40).toList();
    }

    private static Map<?, ?> args(Map<String, Object> e) { return (Map<?, ?>) e.get("args"); }

    private static long taskOf(Map<String, Object> e) { return ((Number) args(e).get("task")).longValue(); }
}
