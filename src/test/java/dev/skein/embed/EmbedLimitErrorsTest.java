package dev.skein.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Limit errors (steps, time, cancellation) unwind the script past every catch, on the tree and
 * compiled (the try statements sit in functions, which compile); finally blocks still run; the
 * host sees a {@link SkeinLimitException} naming the limit.
 */
class EmbedLimitErrorsTest {
    private static final Duration GENEROUS = Duration.ofSeconds(30);

    /** Catches every way there is, then carries on: none of it may run past a limit. */
    private static final String CATCH_ALL = """
            fn work() {
                try {
                    try {
                        try { while true { } } catch StepLimitError, TimeoutError, CancelledError { print("caught kind") }
                    } catch Error as e {
                        print("caught Error")
                    } catch {
                        print("caught")
                    } finally {
                        print("finally")
                    }
                } catch { print("caught outer") }
                print("carried on")
                return 1
            }
            work()
            """;

    @ParameterizedTest @ValueSource(booleans = {true, false})
    void aStepBudgetCannotBeCaught(boolean compile) {
        StringWriter out = new StringWriter();
        try (SkeinEngine engine = SkeinEngine.builder().compile(compile).stepLimit(50_000).stdout(out).build()) {
            SkeinLimitException e = assertTimeoutPreemptively(GENEROUS, () ->
                    assertThrows(SkeinLimitException.class, () -> engine.eval("steps.skein", CATCH_ALL)));
            assertEquals(SkeinLimitException.Limit.STEPS, e.limit());
            assertEquals("StepLimitError", e.kind());
            assertEquals(4, e.line());
            assertEquals("finally\n", out.toString());
        }
    }

    @ParameterizedTest @ValueSource(booleans = {true, false})
    void aTimeLimitCannotBeCaught(boolean compile) {
        StringWriter out = new StringWriter();
        try (SkeinEngine engine = SkeinEngine.builder().compile(compile).timeLimit(Duration.ofMillis(200)).stdout(out).build()) {
            SkeinLimitException e = assertTimeoutPreemptively(GENEROUS, () ->
                    assertThrows(SkeinLimitException.class, () -> engine.eval("time.skein", CATCH_ALL)));
            assertEquals(SkeinLimitException.Limit.TIME, e.limit());
            assertTrue(e.isTimeout());
            assertEquals("finally\n", out.toString());
        }
    }

    @ParameterizedTest @ValueSource(booleans = {true, false})
    void aHostCancelCannotBeCaught(boolean compile) throws Exception {
        StringWriter out = new StringWriter();
        CountDownLatch inside = new CountDownLatch(1);
        try (SkeinEngine engine = SkeinEngine.builder().compile(compile).stdout(out)
                .function("inside", call -> { inside.countDown(); return null; }).build();
             SkeinSession session = engine.newSession()) {
            CompletableFuture<Throwable> run = CompletableFuture.supplyAsync(() -> {
                try {
                    session.eval("cancel.skein", "inside()\n" + CATCH_ALL);
                    return null;
                } catch (Throwable t) {
                    return t;
                }
            });
            assertTrue(inside.await(10, TimeUnit.SECONDS));
            Thread.sleep(50);
            session.cancel();
            Throwable t = run.get(20, TimeUnit.SECONDS);
            SkeinLimitException e = (SkeinLimitException) t;
            assertEquals(SkeinLimitException.Limit.CANCELLED, e.limit());
            assertEquals("finally\n", out.toString());
        }
    }

    /** A finally block that jumps out (dropping the error, Python's rule) still cannot keep a stopped script going. */
    @ParameterizedTest @ValueSource(booleans = {true, false})
    void aJumpOutOfFinallyDoesNotKeepAStoppedScriptGoing(boolean compile) {
        try (SkeinEngine engine = SkeinEngine.builder().compile(compile).stepLimit(100_000).build()) {
            SkeinLimitException e = assertTimeoutPreemptively(GENEROUS, () -> assertThrows(SkeinLimitException.class, () -> engine.eval("""
                    fn dodge() {
                        while true {
                            try { while true { } } finally { continue }
                        }
                    }
                    fn quiet() {
                        try { while true { } } finally { return 0 }
                    }
                    quiet()
                    """)));
            assertEquals(SkeinLimitException.Limit.STEPS, e.limit());
            SkeinLimitException again = assertTimeoutPreemptively(GENEROUS, () ->
                    assertThrows(SkeinLimitException.class, () -> engine.eval("""
                    fn dodge() {
                        while true {
                            try { while true { } } finally { continue }
                        }
                    }
                    dodge()
                    """)));
            assertEquals(SkeinLimitException.Limit.STEPS, again.limit());
        }
    }

    @ParameterizedTest @ValueSource(booleans = {true, false})
    void interruptingTheHostThreadCancelsTheEntry(boolean compile) throws Exception {
        SkeinLimitException e = interruptedWhileRunning(compile, "fn spin() { while true { } }\ninside()\nspin()");
        assertEquals(SkeinLimitException.Limit.CANCELLED, e.limit());
        assertEquals("the host thread was interrupted", e.detail());
    }

    @ParameterizedTest @ValueSource(booleans = {true, false})
    void interruptingTheHostThreadCancelsAnAwait(boolean compile) throws Exception {
        SkeinLimitException e = interruptedWhileRunning(compile, """
                import time
                fn wait() {
                    try { await (submit time.sleep(60) to threads(1)) } catch { print("caught") }
                    return 1
                }
                inside()
                wait()
                """);
        assertEquals(SkeinLimitException.Limit.CANCELLED, e.limit());
    }

    /** Runs {@code script} on a host thread, interrupts that thread once the script called inside(), returns what the host got. */
    private static SkeinLimitException interruptedWhileRunning(boolean compile, String script) throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        try (SkeinEngine engine = SkeinEngine.builder().compile(compile)
                .function("inside", call -> { inside.countDown(); return null; }).build()) {
            Throwable[] caught = new Throwable[1];
            Thread host = new Thread(() -> {
                try {
                    engine.eval(script);
                } catch (Throwable t) {
                    caught[0] = t;
                }
            });
            host.start();
            assertTrue(inside.await(10, TimeUnit.SECONDS));
            Thread.sleep(100);
            host.interrupt();
            host.join(10_000);
            assertTrue(!host.isAlive(), "the interrupted entry stopped");
            return (SkeinLimitException) caught[0];
        }
    }
}
