package dev.skein.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Time limit, step budget, recursion limit and cancel() from another host thread. */
class EmbedLimitsTest {
    private static final Duration GENEROUS = Duration.ofSeconds(20);

    @Test void aTimeLimitStopsAnInfiniteLoop() {
        try (SkeinEngine engine = SkeinEngine.builder().timeLimit(Duration.ofMillis(300)).build()) {
            long start = System.nanoTime();
            SkeinException e = assertTimeoutPreemptively(GENEROUS, () ->
                    assertThrows(SkeinException.class, () -> engine.eval("loop.skein", "let n = 0\nwhile true { n += 1 }")));
            assertTrue(e.isTimeout(), e.getMessage());
            assertEquals("TimeoutError", e.kind());
            assertEquals(2, e.line());
            assertTrue(e.detail().contains("time limit of 0.3 s"), e.detail());
            assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5));
        }
    }

    @Test void aTimeLimitCannotBeCaughtAway() {
        try (SkeinEngine engine = SkeinEngine.builder().timeLimit(Duration.ofMillis(200)).build()) {
            SkeinException e = assertTimeoutPreemptively(GENEROUS, () -> assertThrows(SkeinException.class, () -> engine.eval("""
                    while true {
                        try { while true { } } catch TimeoutError as e { }
                    }
                    """)));
            assertEquals("TimeoutError", e.kind());
        }
    }

    @Test void aTimeLimitStopsTasksToo() throws Exception {
        AtomicLong ticks = new AtomicLong();
        try (SkeinEngine engine = SkeinEngine.builder().timeLimit(Duration.ofMillis(300))
                .function("tick", call -> ticks.incrementAndGet()).build()) {
            SkeinException e = assertTimeoutPreemptively(GENEROUS, () -> assertThrows(SkeinException.class, () -> engine.eval("""
                    fn spin() { while true { tick() } }
                    let pool = threads(2)
                    await [submit spin() to pool, submit spin() to pool]
                    """)));
            assertEquals("TimeoutError", e.kind());
            assertStopsGrowing(ticks);
        }
    }

    @Test void aStepBudgetStopsARunawayScript() {
        try (SkeinEngine engine = SkeinEngine.builder().stepLimit(10_000).build()) {
            SkeinLimitException e = assertThrows(SkeinLimitException.class, () -> engine.eval("while true { }"));
            assertTrue(e.isStepLimit());
            assertFalse(e.isCancelled(), "a used-up step budget is not a cancellation");
            assertEquals("StepLimitError", e.kind());
            assertEquals(SkeinLimitException.Limit.STEPS, e.limit());
            assertTrue(e.detail().contains("step budget of 10000"), e.detail());
            assertEquals(4950L, engine.eval("let s = 0\nfor i in range(100) { s += i }\ns"));
        }
    }

    @Test void aRecursionLimit() {
        try (SkeinEngine engine = SkeinEngine.builder().recursionLimit(50).build()) {
            SkeinException e = assertThrows(SkeinException.class, () -> engine.eval("fn down(n) { return down(n + 1) }\ndown(0)"));
            assertEquals("RecursionError", e.kind());
            assertTrue(e.report().contains("[the line above repeats"), e.report());
            assertEquals(40L, engine.eval("fn d(n) { return n if n == 40 else d(n + 1) }\nd(0)"));
        }
    }

    @Test void cancelFromAnotherThreadStopsAMapOnThreads() throws Exception {
        AtomicLong ticks = new AtomicLong();
        CountDownLatch started = new CountDownLatch(3);
        try (SkeinEngine engine = SkeinEngine.builder()
                .function("started", call -> { started.countDown(); return null; })
                .function("tick", call -> ticks.incrementAndGet())
                .build();
             SkeinSession session = engine.newSession()) {
            CompletableFuture<SkeinException> run = CompletableFuture.supplyAsync(() -> {
                try {
                    session.eval("map.skein", """
                            fn work(i) { started(); while true { tick() } }
                            let pool = threads(3)
                            for r in map work over range(10) to pool { print(r) }
                            """);
                    return null;
                } catch (SkeinException e) {
                    return e;
                }
            });
            assertTrue(started.await(10, TimeUnit.SECONDS), "the tasks started");
            assertTrue(session.isRunning());
            session.cancel();
            SkeinException e = run.get(10, TimeUnit.SECONDS);
            assertEquals("CancelledError", e.kind());
            assertEquals("cancelled by the host", e.detail());
            assertEquals(3, e.line());
            assertStopsGrowing(ticks);
            assertFalse(session.isRunning());
            assertEquals(2L, session.eval("1 + 1"), "the session stays usable after cancel()");
        }
    }

    @Test void cancelReachesALongHostFunctionThatChecks() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        try (SkeinEngine engine = SkeinEngine.builder().function("crunch", call -> {
                inside.countDown();
                while (true) {
                    call.checkCancelled();
                    Thread.onSpinWait();
                }
            }).build(); SkeinSession session = engine.newSession()) {
            CompletableFuture<String> run = CompletableFuture.supplyAsync(() -> {
                try {
                    session.eval("crunch()");
                    return "finished";
                } catch (SkeinException e) {
                    return e.kind();
                }
            });
            assertTrue(inside.await(10, TimeUnit.SECONDS));
            engine.cancelAll();
            assertEquals("CancelledError", run.get(10, TimeUnit.SECONDS));
        }
    }

    @Test void closeShutsEveryPool() throws Exception {
        AtomicLong ticks = new AtomicLong();
        SkeinEngine engine = SkeinEngine.builder().function("tick", call -> ticks.incrementAndGet()).build();
        SkeinSession session = engine.newSession();
        CompletableFuture<Throwable> run = CompletableFuture.supplyAsync(() -> {
            try {
                session.eval("fn spin() { while true { tick() } }\nlet pool = threads(2)\nsubmit spin() to pool\nsubmit spin() to virtual()\n"
                        + "import time\ntime.sleep(60)");
                return null;
            } catch (Throwable t) {
                return t;
            }
        });
        while (ticks.get() == 0) Thread.sleep(5);
        engine.close();
        assertTrue(session.isClosed());
        assertStopsGrowing(ticks);
        assertTrue(run.get(20, TimeUnit.SECONDS) instanceof SkeinLimitException);
    }

    @Test void theOneShotEvalWaitsForItsTasksWithinItsTimeLimit() {
        try (SkeinEngine engine = SkeinEngine.builder().timeLimit(Duration.ofMillis(600)).build()) {
            SkeinLimitException e = assertTimeoutPreemptively(GENEROUS, () -> assertThrows(SkeinLimitException.class,
                    () -> engine.eval("import time\ntime.sleep(0.4)\nsubmit time.sleep(0.5) to threads(1)")));
            assertEquals(SkeinLimitException.Limit.TIME, e.limit());
        }
    }

    @Test void tasksNeverAwaitedEndWithTheEntry() throws Exception {
        AtomicLong ticks = new AtomicLong();
        try (SkeinEngine engine = SkeinEngine.builder().function("tick", call -> ticks.incrementAndGet()).build();
             SkeinSession session = engine.newSession()) {
            session.eval("""
                    let started = event()
                    fn spin() { tick()
                        started.set()
                        while true { tick() } }
                    let pool = threads(1)
                    let running = submit spin() to pool
                    let queued = submit spin() to pool
                    started.wait()
                    """);
            assertTrue(ticks.get() > 0);
            assertStopsGrowing(ticks);
            assertEquals(List.of(true, true), session.eval("[running.cancelled(), queued.cancelled()]"));
            SkeinObject kept = (SkeinObject) session.eval("import time\nfn slow() { time.sleep(0.2)\n return 7 }\nsubmit slow() to pool");
            assertEquals(7L, kept.callMethod("result"), "a future the entry returns is the host's to await");
        }
    }

    /** The counter stops moving once the tasks that bump it are stopped. */
    static void assertStopsGrowing(AtomicLong counter) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        long last = -1;
        while (System.nanoTime() < deadline) {
            long now = counter.get();
            if (now == last) return;
            last = now;
            Thread.sleep(150);
        }
        throw new AssertionError("tasks are still running: the counter keeps growing");
    }
}
