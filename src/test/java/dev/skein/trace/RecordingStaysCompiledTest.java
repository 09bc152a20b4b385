package dev.skein.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skein.cli.Main;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The recording code holds no branch that only a new thread or a new buffer takes: C2 compiles
 * a branch its profile never saw taken as a trap, so the threads of a pool started after the
 * recording code was compiled deoptimised it (a buffer's first chunk, its first strings, a
 * thread's first track and its first event's track). In a real JVM that compiles as it goes
 * (-Xbatch: each compile finishes before the code runs on, so the first pool's 20,000 tasks
 * leave the recording code compiled), a second pool's threads deoptimise none of it.
 */
class RecordingStaysCompiledTest {
    @TempDir Path dir;

    @Test void aSecondPoolsThreadsDeoptimiseNoRecordingMethod() throws Exception {
        Path log = dir.resolve("deopt.log");
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = List.of(javaBin, "-Xbatch", "-XX:+UseSerialGC", "-Xlog:deoptimization=debug:file=" + log,
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "--trace", dir.resolve("t.json").toString(), Path.of("src/test/resources/trace/second_pool.skein").toString());
        Process p = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectError(dir.resolve("stderr.txt").toFile()).start();
        try {
            byte[] out = p.getInputStream().readAllBytes();
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the script did not end");
            assertEquals(0, p.exitValue(), Files.readString(dir.resolve("stderr.txt")));
            assertEquals("22000\n", new String(out, StandardCharsets.UTF_8));
        } finally {
            p.destroyForcibly();
        }
        // Deoptimisations of the methods that record (writing the file afterwards is not timed).
        List<String> recording = Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                .filter(l -> l.matches(".*dev\\.skein\\.concurrent\\.(Timeline|TraceBuffer|TraceArgs|TraceClock)\\.(?!unpack|write|each|lambda\\$write).*"))
                .toList();
        assertEquals(List.of(), recording, "recording methods deoptimised");
    }
}
