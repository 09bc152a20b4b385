package dev.skein.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** on_done callbacks run under the limits of the code that registered them, and close() stops them. */
class EmbedCallbackLimitsTest {
    private static final Duration GENEROUS = Duration.ofSeconds(30);

    /** A task whose callback spins, calling tick() (the host counts). */
    private static final String SPINNING_CALLBACK = """
            fn spin(f) { while true { tick() } }
            let pool = threads(2)
            let f = submit abs(-1) to pool
            f.on_done(spin)
            """;

    @Test void closeStopsASpinningCallback() throws Exception {
        AtomicLong ticks = new AtomicLong();
        SkeinEngine engine = SkeinEngine.builder().function("tick", call -> ticks.incrementAndGet()).build();
        SkeinSession session = engine.newSession();
        CompletableFuture<Throwable> run = CompletableFuture.supplyAsync(() -> {
            try {
                session.eval(SPINNING_CALLBACK + "import time\ntime.sleep(60)\n");
                return null;
            } catch (Throwable t) {
                return t;
            }
        });
        waitForTicks(ticks);
        session.close();
        assertStopsGrowing(ticks);
        assertEquals(SkeinLimitException.Limit.CANCELLED, ((SkeinLimitException) run.get(20, TimeUnit.SECONDS)).limit());
        engine.close();
    }

    @Test void theEndOfTheEntryThatRegisteredACallbackStopsIt() throws Exception {
        AtomicLong ticks = new AtomicLong();
        try (SkeinEngine engine = SkeinEngine.builder().function("tick", call -> ticks.incrementAndGet()).build();
             SkeinSession session = engine.newSession()) {
            // The task waits for the gate, so the callback runs on the pool's thread after the
            // entry returns (a callback of a future already finished runs at once, inside the entry).
            assertTimeoutPreemptively(GENEROUS, () -> session.eval("""
                    let started = event()
                    let gate = event()
                    fn spin(f) { tick()
                        started.set()
                        while true { tick() } }
                    fn held() { gate.wait()
                        return 1 }
                    let f = submit held() to threads(1)
                    f.on_done(spin)
                    gate.set()
                    started.wait()
                    """));
            assertTrue(ticks.get() > 0, "the callback ran");
            assertStopsGrowing(ticks);
            assertEquals(2L, session.eval("1 + 1"));
        }
    }

    @Test void theTimeLimitOfTheEntryThatRegisteredACallbackStopsIt() throws Exception {
        AtomicLong ticks = new AtomicLong();
        try (SkeinEngine engine = SkeinEngine.builder().timeLimit(Duration.ofMillis(500))
                .function("tick", call -> ticks.incrementAndGet()).build();
             SkeinSession session = engine.newSession()) {
            SkeinLimitException e = assertTimeoutPreemptively(GENEROUS, () -> assertThrows(SkeinLimitException.class,
                    () -> session.eval(SPINNING_CALLBACK + "import time\ntime.sleep(30)\n")));
            assertEquals(SkeinLimitException.Limit.TIME, e.limit());
            assertTrue(ticks.get() > 0, "the callback ran");
            assertStopsGrowing(ticks);
        }
    }

    @Test void aCallbackOfAFinishedFutureRunsUnderTheRegisteringEntrysStepBudget() {
        try (SkeinEngine engine = SkeinEngine.builder().stepLimit(100_000).build()) {
            SkeinLimitException e = assertTimeoutPreemptively(GENEROUS, () -> assertThrows(SkeinLimitException.class, () -> engine.eval("""
                    let f = submit abs(-1) to threads(1)
                    await f
                    f.on_done(fn(x) => [0 for i in range(10**12)])
                    """)));
            assertEquals(SkeinLimitException.Limit.STEPS, e.limit());
        }
    }

    private static void waitForTicks(AtomicLong ticks) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (ticks.get() == 0 && System.nanoTime() < deadline) Thread.sleep(5);
        assertTrue(ticks.get() > 0, "the callback started");
    }

    private static void assertStopsGrowing(AtomicLong ticks) throws InterruptedException {
        EmbedLimitsTest.assertStopsGrowing(ticks);
    }
}
