package dev.skein;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skein.cli.Main;
import dev.skein.embed.SkeinEngine;
import dev.skein.embed.SkeinException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Running out of memory is Skein's MemoryError everywhere: a size checked before allocating
 * (catchable), and a heap that really runs out (a real JVM with a 48 MB heap) reported as
 * MemoryError by the CLI, by a task's future and to an embedding host — never an
 * OutOfMemoryError or an "internal error".
 */
class MemoryErrorTest {
    @TempDir Path dir;

    /** Runs a script in a fresh JVM with a small heap; returns exit code, stdout and stderr. */
    private String[] runSmallHeap(String script, String... options) throws Exception {
        Path file = dir.resolve("oom.skein");
        Files.writeString(file, script);
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        java.util.List<String> cmd = new java.util.ArrayList<>(java.util.List.of(javaBin, "-Xmx48m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(java.util.List.of(options));
        cmd.add(file.toString());
        Process p = new ProcessBuilder(cmd)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the script did not end");
        return new String[] {String.valueOf(p.exitValue()), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8)};
    }

    private static void assertClean(String stderr) {
        assertFalse(stderr.contains("internal error"), stderr);
        assertFalse(stderr.contains("java.lang") || stderr.contains("Runtime.exit"), stderr);
        assertFalse(stderr.contains("\tat "), stderr);
    }

    @Test void aHeapThatRunsOutIsAMemoryErrorInTheCli() throws Exception {
        String[] r = runSmallHeap("""
                print("start", flush=true)
                let xs = [] 
                while true { xs.append(str(len(xs)) * 10) }
                """);
        assertEquals("1", r[0], r[2]);
        assertEquals("start\n", r[1]);
        // Located at the call whose allocation failed: the append (3:17), the repeat (3:24) or len's boxed result (3:28).
        assertTrue(java.util.regex.Pattern.compile("oom\\.skein:3:(17|24|28): MemoryError: out of memory").matcher(r[2]).find(), r[2]);
        assertTrue(r[2].contains("MemoryError: "), r[2]);
        assertClean(r[2]);
    }

    private void catchableInAFunction(String... options) throws Exception {
        String[] r = runSmallHeap("""
                fn fill() {
                    let xs = []
                    while true { xs.append(str(len(xs)) * 10) }
                }
                try { fill() } catch MemoryError as e { print("caught", e.kind) }
                print(len([0] * 1000))
                """, options);
        assertEquals("0", r[0], r[2]);
        assertEquals("caught MemoryError\n1000\n", r[1]);
        assertClean(r[2]);
    }

    @Test void aHeapThatRunsOutInACompiledFunctionIsCatchable() throws Exception { catchableInAFunction(); }

    @Test void aHeapThatRunsOutInAFunctionOnTheTreeIsCatchable() throws Exception { catchableInAFunction("--no-compile"); }

    @Test void aHeapThatRunsOutInATaskFailsTheTaskWithMemoryError() throws Exception {
        String[] r = runSmallHeap("""
                fn fill() {
                    let xs = []
                    while true { xs.append(str(len(xs)) * 10) }
                }
                try {
                    await (submit fill() to threads(1))
                } catch MemoryError as e {
                    print("task failed:", e.kind)
                }
                print([0] * 3)
                """);
        assertEquals("0", r[0], r[2]);
        assertEquals("task failed: MemoryError\n[0, 0, 0]\n", r[1]);
        assertClean(r[2]);
    }

    @Test void aSizeCheckedFirstIsCatchableWithASmallHeap() throws Exception {
        String[] r = runSmallHeap("""
                try { [0] * 20_000_000 } catch MemoryError as e { print(e.message) }
                """);
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].startsWith("cannot allocate a list of 20000000 items (the heap holds at most "), r[1]);
    }

    @Test void theHostSeesAMemoryError() {
        long tooMany = Runtime.getRuntime().maxMemory() / 4 + 1;
        try (SkeinEngine engine = SkeinEngine.builder().constant("N", tooMany).build()) {
            SkeinException e = assertThrows(SkeinException.class, () -> engine.eval("let xs = [none] * N"));
            assertEquals("MemoryError", e.kind());
            assertTrue(e.getMessage().contains("cannot allocate a list of " + tooMany + " items"), e.getMessage());
            assertEquals("ok", engine.eval("try { [none] * N } catch MemoryError { 'ok' }\n'ok'"));
        }
    }
}
