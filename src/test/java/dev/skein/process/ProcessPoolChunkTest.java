package dev.skein.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Chunks whose item reports travel batched, and large values, through one real worker: items
 * finished before a slow one are reported while it runs, a crash mid-chunk fails only the item
 * that was running, and big bytes and lists come back equal.
 */
class ProcessPoolChunkTest {
    private static ScriptSession s;

    @BeforeAll static void startPool() {
        s = new ScriptSession("chunk_test");
        s.ok("""
                import fs
                import os
                import time
                fn ident(x) { return x }
                fn quit_on_zero(x) {
                    if x == 0 { os.exit(3) }
                    return x
                }
                fn nap_on_zero(x, started = none) {
                    if x == 0 {
                        if started != none { fs.write_text(started, "napping") }
                        time.sleep(60)
                    }
                    return x
                }
                fn drain(it, n) {
                    let got = []
                    for k in range(n) {
                        try { got.append(next(it)) } catch WorkerCrashedError as e { got.append(e.message) }
                    }
                    return got
                }
                fn nap_for(x) { time.sleep(x); return x }
                fn drain_kinds(it, n) {
                    let got = []
                    for k in range(n) {
                        try { got.append(next(it)) } catch Error as e { got.append(e.kind) }
                    }
                    return got
                }
                let one = processes(1)
                let side = threads(1)
                """);
        // Each function compiled in the worker before a test times its items: a first call's
        // compile in a cold worker JVM takes seconds on a loaded machine.
        s.ok("let warm = [await (submit ident(1) to one), await (submit nap_for(0) to one), await (submit nap_on_zero(1) to one)]");
    }

    @AfterAll static void close() { s.close(); }

    @BeforeEach void clearOutput() {
        s.takeStdout();
        s.takeStderr();
    }

    @Test void aCrashMidChunkFailsOnlyTheItemThatWasRunning() {
        s.ok("""
                let got = drain(map quit_on_zero over [1, 2, 0, 4, 5] to one chunk 5, 5)
                print(got[0], got[1], got[3], got[4])
                print(got[2])
                """);
        List<String> lines = s.takeStdout().lines().toList();
        assertEquals("1 2 4 5", lines.get(0));
        assertTrue(lines.get(1).contains("exit code 3") && lines.get(1).contains("item 3 of a chunk"), lines.get(1));
    }

    @Test void itemsFinishedBeforeASlowOneAreReportedWhileItRuns(@TempDir Path dir) {
        Path started = dir.resolve("napping");
        s.ok("let slow_map = submit drain(map nap_on_zero over [1, 2, 3, 0, 5], [\"" + started + "\"] * 5 to one chunk 5, 5) to side");
        awaitFile(started);     // item 4 naps in the worker, so items 1-3 are done there
        Processes.sleep(1000);  // and their reports (batched for at most 5 ms) have long reached us
        List<Long> pids = s.workerPids("one");
        assertEquals(1, pids.size());
        Processes.kill9(pids.get(0));
        s.ok("""
                let slow_got = await slow_map
                print(slow_got[0], slow_got[1], slow_got[2], slow_got[4])
                print(slow_got[3])
                """);
        List<String> lines = s.takeStdout().lines().toList();
        assertEquals("1 2 3 5", lines.get(0));
        assertTrue(lines.get(1).contains("item 4 of a chunk"), "the crash is blamed on the running item: " + lines.get(1));
    }

    /** Waits (at most 30 s: a loaded machine is slow, a bug must not hang) until {@code file} exists. */
    private static void awaitFile(Path file) {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!Files.exists(file)) {
            assertTrue(System.nanoTime() < deadline, file + " was not written within 30 s");
            Processes.sleep(20);
        }
    }

    @Test void bigValuesComeBackEqual() {
        s.ok("""
                let big_bytes = bytes(range(256)) * 12289
                let big_list = list(range(-1000, 300000)) + [2 ** 80, "s", 1.5, none, [1, [2]]]
                print(await (submit ident(big_bytes) to one) == big_bytes)
                print(await (submit ident(big_list) to one) == big_list)
                let mixed = [r for r in map ident over [big_bytes, 1, big_bytes, "x", big_list] to one chunk 5]
                print(mixed == [big_bytes, 1, big_bytes, "x", big_list])
                """);
        assertEquals("true\ntrue\ntrue\n", s.takeStdout());
    }

    @Test void aPortabilityErrorNamesItsPathInsideABigList() {
        s.ok("""
                let with_lock = list(range(100000))
                with_lock.append({"k": lock()})
                try { await (submit ident(with_lock) to one) } catch PortabilityError as e { print(e.message) }
                fn make_bad(x) { return [x, [lock()]] }
                try { let r = [v for v in map make_bad over [1, 2] to one chunk 2] } catch PortabilityError as e { print(e.message) }
                """);
        List<String> lines = s.takeStdout().lines().toList();
        assertTrue(lines.get(0).startsWith("argument 1 → [100000] → \"k\": a lock cannot cross a process boundary"), lines.get(0));
        assertEquals("the task's result → [1] → [0]: a lock cannot cross a process boundary (in the worker)", lines.get(1));
    }

    @Test void aTimeoutInAChunkStopsOnlyTheItemThatRanTooLong() {
        // The quick items take 0.01 s against a 5 s timeout, the slow one would nap 60 s: a wide
        // margin both ways (the last item runs in a new worker JVM, which a loaded machine slows).
        s.ok("print(drain_kinds(map nap_for over [0.01, 0.02, 0.01, 60, 0.01] to one chunk 5 timeout 5, 5))");
        assertEquals("[0.01, 0.02, 0.01, 'TimeoutError', 0.01]\n", s.takeStdout());
    }
}
