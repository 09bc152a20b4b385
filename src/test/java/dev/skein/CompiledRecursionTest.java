package dev.skein;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skein.cli.Main;
import dev.skein.embed.SkeinEngine;
import dev.skein.embed.SkeinException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deep recursion on every path a Skein function runs on — the CLI's main thread, a
 * {@code threads()} pool thread, a {@code virtual()} thread, a {@code processes()} worker and an
 * embedded engine on the host's thread — compiled and on the node tree: past the recursion limit
 * it is Skein's RecursionError with Skein frames only, and the default limit (20,000) is reached
 * on every path before the thread's stack is full.
 */
class CompiledRecursionTest {
    /** Every thread path, each printing the message of the RecursionError its probe caught. */
    private static final String PATHS = """
            fn down(n) { return down(n + 1) }
            fn probe() {
                try { down(0) } catch RecursionError as e { return e.message }
                return "no error"
            }
            print("main", probe())
            with threads(1) as p { print("threads", await (submit probe() to p)) }
            with virtual() as p { print("virtual", await (submit probe() to p)) }
            with processes(1) as p { print("processes", await (submit probe() to p)) }
            """;
    private static final List<String> NAMES = List.of("main", "threads", "virtual", "processes");
    private static final Pattern FULL_AT = Pattern.compile("stack is full at depth (\\d+)");

    @TempDir Path dir;

    @Test
    void everyPathStopsAtTheRecursionLimitCompiledAndOnTheTree() throws Exception {
        for (boolean compile : new boolean[] {true, false}) {
            List<String> lines = cli(PATHS, compile, 20_000);
            assertEquals(NAMES.size(), lines.size(), String.join("\n", lines));
            for (int i = 0; i < NAMES.size(); i++) {
                assertEquals(NAMES.get(i) + " maximum recursion depth exceeded (limit 20000)", lines.get(i), "compile=" + compile);
            }
            assertEquals("maximum recursion depth exceeded (limit 20000)", embedded(compile, 20_000));
        }
    }

    /**
     * With a limit the stack cannot hold, an embedded engine on the host's thread (16 MB here)
     * stops with RecursionError at the stack's depth, compiled and on the tree, well past the
     * default limit. The CLI's paths are measured by {@code bench/recursion_depth.sh}.
     */
    @Test
    void theHostThreadsStackBoundsAnEmbeddedEngineWithRecursionError() {
        int compiled = depth(embedded(true, 100_000_000));
        int tree = depth(embedded(false, 100_000_000));
        System.out.println("embedded recursion depth on the host thread: compiled " + compiled + ", tree " + tree);
        assertTrue(compiled > 20_000 && tree > 20_000, "compiled " + compiled + ", tree " + tree);
    }

    @Test
    void anUncaughtOverflowShowsSkeinFramesOnly() throws Exception {
        Path script = dir.resolve("deep.skein");
        Files.writeString(script, "fn down(n) {\n    return down(n + 1)\n}\ndown(0)\n");
        for (boolean compile : new boolean[] {true, false}) {
            String[] outErr = run(script, compile, 20_000);
            String err = outErr[1];
            assertTrue(err.startsWith(script + ":2:12: RecursionError: maximum recursion depth exceeded (limit 20000)"), err);
            assertTrue(err.contains(script + ":4:1 in <main>"), err);
            assertTrue(err.contains(script + ":2:12 in down"), err);
            assertFalse(err.contains("java.") || err.contains("dev.skein") || err.contains("Exception"), err);
        }
    }

    /** The stdout lines of a script run by the CLI in-process. */
    private List<String> cli(String text, boolean compile, int limit) throws Exception {
        Path script = dir.resolve("paths.skein");
        Files.writeString(script, text);
        String[] outErr = run(script, compile, limit);
        assertEquals("", outErr[1]);
        return List.of(outErr[0].split("\n"));
    }

    private static String[] run(Path script, boolean compile, int limit) {
        List<String> argv = new ArrayList<>(List.of("--recursion-limit", String.valueOf(limit)));
        if (!compile) argv.add("--no-compile");
        argv.add(script.toString());
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        Main.run(argv.toArray(String[]::new), new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new String[] {out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
    }

    /** The RecursionError's message of an unbounded recursion in an embedded engine, on this (the host's) thread. */
    private static String embedded(boolean compile, int limit) {
        SkeinEngine engine = SkeinEngine.builder().compile(compile).recursionLimit(limit).build();
        try {
            engine.eval("fn down(n) { return down(n + 1) }\ndown(0)");
            return "no error";
        } catch (SkeinException e) {
            assertEquals("RecursionError", e.kind());
            return e.getMessage().lines().findFirst().orElse("").replaceFirst("^.*RecursionError: ", "");
        } finally {
            engine.close();
        }
    }

    private static int depth(String message) {
        Matcher m = FULL_AT.matcher(message);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }
}
