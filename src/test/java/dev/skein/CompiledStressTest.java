package dev.skein;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The bytecode compiler under concurrency: every self-contained golden script (and example) is
 * compiled and run, each run in its own engine, by several threads at once, every thread going
 * through all of them in its own order, and each output is checked against the script's
 * expectations exactly as {@link GoldenScriptTest} checks it. Compiled units are defined and
 * unloaded concurrently, and scripts that share nothing must not see each other.
 *
 * <p>Left out: scripts that start process pools (worker JVMs: minutes on two cores at this
 * concurrency), read stdin, use a temporary directory or a local server, and those whose
 * expectations depend on wall-clock timing (sleeps, timeouts), which a loaded machine stretches.
 */
class CompiledStressTest {
    private static final int THREADS = 4;
    private static final Pattern LEFT_OUT = Pattern.compile(
            "processes\\(|portable|#\\s*(stdin|server):|\\{tmp}|sleep|timeout|time\\.|elapsed|deadline|os\\.env|fs\\.|import \"");

    @Test
    void everyGoldenScriptCompilesAndRunsInManyEnginesOnManyThreadsAtOnce() throws Exception {
        Path base = GoldenScriptTest.baseDir();
        List<Path> scripts = new ArrayList<>();
        for (Path p : GoldenScriptTest.goldenFiles(base)) if (selfContained(p)) scripts.add(p);
        assertTrue(scripts.size() > 300, "only " + scripts.size() + " scripts selected");

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<List<String>>> runs = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            List<Path> order = new ArrayList<>(scripts);
            Collections.shuffle(order, new java.util.Random(t));
            runs.add(pool.submit(() -> runAll(base, order)));
        }
        List<String> failures = new ArrayList<>();
        for (Future<List<String>> f : runs) failures.addAll(f.get(15, TimeUnit.MINUTES));
        pool.shutdown();
        assertEquals(List.of(), failures, failures.size() + " failed runs");
    }

    /** Runs each script once, collecting the failures (the first lines of each report). */
    private static List<String> runAll(Path base, List<Path> scripts) {
        List<String> failures = new ArrayList<>();
        for (Path script : scripts) {
            String name = GoldenScriptTest.displayName(base, script);
            try {
                GoldenScriptTest.run(name, script, true);
            } catch (Throwable t) {
                String m = String.valueOf(t.getMessage());
                failures.add(m.substring(0, Math.min(m.length(), 2000)));
            }
        }
        return failures;
    }

    private static boolean selfContained(Path script) throws IOException {
        return !LEFT_OUT.matcher(Files.readString(script, StandardCharsets.UTF_8)).find();
    }
}
