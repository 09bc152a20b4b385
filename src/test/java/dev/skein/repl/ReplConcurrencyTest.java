package dev.skein.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skein.concurrent.Pool;
import dev.skein.concurrent.PoolRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Pools that live across inputs, top-level await, :tasks / :cancel, and stopping a running input. */
@Timeout(60)
class ReplConcurrencyTest {
    private final ReplHarness repl = new ReplHarness();

    @AfterEach
    void close() { repl.close(); }

    @Test
    void poolsLiveAcrossInputsAndAwaitWorksAtTopLevel() {
        repl.quiet("let pool = threads(2)");   // switch to processes(2) once process pools exist
        repl.quiet("fn square(x) { return x * x }");
        repl.quiet("let f = submit square(7) to pool");
        repl.value("await f", "49");
        repl.value("await [submit square(i) to pool for i in range(4)]", "[0, 1, 4, 9]");
        repl.quiet("let inc = fn(x) => x + 1");
        repl.value("await (submit inc(1) to pool)", "2");                     // a lambda defined at the prompt
        repl.value("await pool.submit(fn(x) => x * 10, 4)", "40");
        repl.value("[r for r in map square over range(5) to pool]", "[0, 1, 4, 9, 16]");
        repl.value("await (submit square(3))", "9");                          // the default pool
    }

    @Test
    void tasksListsARunningTaskAndCancelStopsIt() throws Exception {
        repl.quiet("let pool = threads(2)");
        repl.quiet("import time");
        repl.quiet("fn slow() { time.sleep(60); return 1 }");
        repl.quiet("let f = submit slow() to pool");
        waitUntil(() -> repl.feed("f.running()").out().equals("true\n"));
        String tasks = repl.feed(":tasks").out();
        assertTrue(tasks.startsWith("task"), tasks);
        assertTrue(tasks.matches("(?s).*\\n1 +running +\\d+\\.\\ds +slow +<pool threads\\(2\\) #\\d+> +<repl:4>.*"), tasks);
        String pools = repl.feed(":pools").out();
        assertTrue(pools.contains("<pool threads(2)") && pools.contains("1 running"), pools);
        assertEquals("cancelled 1 task\n", repl.feed(":cancel").out());
        repl.error("await f", "CancelledError");
        assertEquals("no pending or running tasks\n", repl.feed(":tasks").out());
    }

    @Test
    void cancelStopsARunningEvaluationFromAnotherThread() throws Exception {
        repl.quiet("let n = 0");
        Thread ctrlC = cancelSoon();
        long start = System.nanoTime();
        String report = repl.error("while true { n += 1 }", "CancelledError: interrupted (Ctrl-C)");
        ctrlC.join();
        assertTrue(System.nanoTime() - start < 10_000_000_000L, "took too long");
        assertTrue(report.contains("<repl:2>:1:"), report);
        assertEquals(1, report.lines().count(), "one line after Ctrl-C: " + report);
        assertTrue(repl.feed("n > 0").out().equals("true\n"));   // what it did so far is kept
        repl.value("1 + 1", "2");                                 // and the session goes on
    }

    @Test
    void cancelStopsAnAwaitAndTheTasksOfThatInputOnly() throws Exception {
        repl.quiet("let pool = threads(4)");
        repl.quiet("import time");
        repl.quiet("fn slow() { time.sleep(60); return 1 }");
        repl.quiet("let earlier = submit slow() to pool");
        Thread ctrlC = cancelSoon();
        Reply r = repl.feed("let mine = submit slow() to pool; await mine");
        ctrlC.join();
        assertTrue(r.err().contains("CancelledError"), r.err());
        assertEquals("(1 task submitted by earlier inputs still running: :tasks lists them, :cancel stops them)\n", r.out());
        repl.value("earlier.cancelled()", "false");
        waitUntil(() -> repl.feed("mine.cancelled()").out().equals("true\n"));
    }

    @Test
    void aRunawayJavaWaitIsAbandonedAfterRepeatedCancels() throws Exception {
        repl.quiet("let q = queue()");
        Thread ctrlC = new Thread(() -> {
            for (int i = 0; i < 3; i++) {
                sleep(300);
                repl.session.cancel();
            }
        });
        ctrlC.start();
        Reply r = repl.feed("q.get()");   // stops whether or not q.get() polls for cancellation
        ctrlC.join();
        assertTrue(r.isError(), r.toString());
        repl.value("1 + 1", "2");
    }

    @Test
    void closingShutsEveryPoolDown() throws Exception {
        repl.quiet("let pool = threads(2)");
        repl.quiet("import time");
        repl.quiet("fn slow() { time.sleep(60) }");
        repl.quiet("let f = submit slow() to pool");
        waitUntil(() -> repl.feed("f.running()").out().equals("true\n"));
        PoolRegistry registry = PoolRegistry.of(repl.session.interp());
        repl.session.close();
        for (Pool p : registry.pools()) {
            assertTrue(p.isClosed());
            assertTrue(p.liveTasks().isEmpty());
        }
        assertEquals(Reply.Status.QUIT, repl.session.submit("1").status());
    }

    private Thread cancelSoon() {
        Thread t = new Thread(() -> {
            sleep(300);
            repl.session.cancel();
        });
        t.start();
        return t;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("condition not reached in 10 s");
            Thread.sleep(20);
        }
    }
}
