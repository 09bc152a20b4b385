package dev.skein.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skein.cli.Main;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A trace is streamed to its file, not built in memory first: in a real JVM whose 20 MB heap
 * holds the run and its recorded buffers but not an object per event (the writer that built
 * every event first ran out of memory here), a trace of 40,000 tasks (280,000 lines, 34 MB) is
 * written whole.
 */
class LargeTraceTest {
    private static final int TASKS = 40_000;

    @TempDir Path dir;

    @Test void aTraceOfManyTasksIsWrittenInAHeapTooSmallToHoldItsEvents() throws Exception {
        Path file = dir.resolve("many.json");
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(javaBin, "-Xmx20m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "--trace", file.toString(), Path.of("src/test/resources/trace/many_tasks.skein").toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectError(dir.resolve("stderr.txt").toFile());
        pb.environment().put("TASKS", Integer.toString(TASKS));
        Process p = pb.start();
        try {
            byte[] out = p.getInputStream().readAllBytes();
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the script did not end");
            String err = Files.readString(dir.resolve("stderr.txt"));
            assertEquals(0, p.exitValue(), err);
            assertEquals((long) TASKS / 1000 * (999 * 1000 / 2) + "\n", new String(out, StandardCharsets.UTF_8));
        } finally {
            p.destroyForcibly();
        }

        // One event a line: the object's head, then every slice and arrow, then its tail.
        long submits = 0, runs = 0, awaits = 0, flowStarts = 0, flowEnds = 0, lines = 0;
        String first, last = null;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            first = in.readLine();
            for (String line; (line = in.readLine()) != null; last = line) {
                lines++;
                if (line.equals("]}")) continue;
                assertTrue(line.startsWith("{") && (line.endsWith("},") || line.endsWith("}")), "an event a line: " + line);
                if (line.contains("\"cat\":\"submit\"")) submits++;
                if (line.contains("\"cat\":\"task\"") && line.contains("\"name\":\"ident\"")) runs++;
                if (line.contains("\"cat\":\"await\"")) awaits++;
                if (line.contains("\"ph\":\"s\"")) flowStarts++;
                if (line.contains("\"ph\":\"f\"")) flowEnds++;
            }
        }
        assertEquals("{\"displayTimeUnit\":\"ms\",\"traceEvents\":[", first);
        assertEquals("]}", last);
        assertEquals(List.of((long) TASKS, (long) TASKS, (long) TASKS), List.of(submits, runs, awaits), "a submit, a run and an await per task");
        assertEquals(2L * TASKS, flowStarts, "an arrow from each submit and from each run");
        assertEquals(2L * TASKS, flowEnds, "an arrow into each run and each await");
        assertTrue(lines > 7L * TASKS, lines + " lines");
    }
}
