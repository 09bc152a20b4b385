package dev.skein.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The builder's memory limit: what an entry's threads allocate is counted, and past the limit
 * the entry stops with a MemoryError no catch takes; each entry gets the whole limit afresh.
 */
class EmbedMemoryLimitTest {
    private static final Duration GENEROUS = Duration.ofSeconds(60);
    private static final long LIMIT = 64L << 20;
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();

    /** Keeps every list it makes, catching whatever it can. */
    private static final String HOARD = """
            fn hoard() {
                let kept = []
                try {
                    while true { kept.append([0] * 1000) }
                } catch MemoryError {
                    print("caught MemoryError")
                } catch {
                    print("caught")
                }
                print("carried on")
            }
            """;

    @ParameterizedTest @ValueSource(booleans = {true, false})
    void anEntryThatKeepsAllocatingIsStoppedAndCannotCatchIt(boolean compile) {
        StringWriter out = new StringWriter();
        try (SkeinEngine engine = SkeinEngine.builder().compile(compile).memoryLimit(LIMIT).stdout(out).build()) {
            long before = THREADS.getCurrentThreadAllocatedBytes();
            SkeinLimitException e = assertThrows(SkeinLimitException.class, () -> engine.eval("hoard.skein", HOARD + "hoard()\n"));
            long allocated = THREADS.getCurrentThreadAllocatedBytes() - before;
            assertTrue(allocated < LIMIT + (16L << 20), "the entry's thread allocated " + (allocated >> 20) + " MiB");
            assertEquals(SkeinLimitException.Limit.MEMORY, e.limit());
            assertEquals("MemoryError", e.kind());
            assertTrue(e.getMessage().contains("memory limit of 64 MiB"), e.getMessage());
            assertEquals("", out.toString());
        }
    }

    @ParameterizedTest @ValueSource(booleans = {true, false})
    void tasksOfTheEntryCountAgainstItsLimit(boolean compile) {
        try (SkeinEngine engine = SkeinEngine.builder().compile(compile).memoryLimit(LIMIT).build()) {
            SkeinLimitException e = assertTimeoutPreemptively(GENEROUS, () -> assertThrows(SkeinLimitException.class, () -> engine.eval("tasks.skein", HOARD + """
                    with threads(2) as pool {
                        let fs = [submit hoard() to pool, submit hoard() to pool]
                        for f in fs { await f }
                    }
                    """)));
            assertEquals(SkeinLimitException.Limit.MEMORY, e.limit());
        }
    }

    @ParameterizedTest @ValueSource(booleans = {true, false})
    void eachEntryHasTheWholeLimit(boolean compile) {
        try (SkeinEngine engine = SkeinEngine.builder().compile(compile).memoryLimit(LIMIT).build()) {
            // About 8 MB kept per entry: six entries allocate more than the limit together, none alone.
            String keep = "let xs = [[0] * 1000 for _ in range(2000)]\nlen(xs)\n";
            for (int i = 0; i < 6; i++) assertEquals(2000L, engine.eval("keep.skein", keep));
        }
    }

    @ParameterizedTest @ValueSource(booleans = {true, false})
    void garbageCountsToo(boolean compile) {
        // An allocation limit, not a live-size limit: documented, and pinned here.
        try (SkeinEngine engine = SkeinEngine.builder().compile(compile).memoryLimit(LIMIT).build()) {
            SkeinLimitException e = assertTimeoutPreemptively(GENEROUS, () -> assertThrows(SkeinLimitException.class,
                    () -> engine.eval("churn.skein", "for i in range(10**9) { let x = [i] * 1000 }\n")));
            assertEquals(SkeinLimitException.Limit.MEMORY, e.limit());
        }
    }

    @ParameterizedTest @ValueSource(booleans = {true, false})
    void virtualThreadsAreRefusedUnderTheLimit(boolean compile) {
        try (SkeinEngine engine = SkeinEngine.builder().compile(compile).memoryLimit(LIMIT).build()) {
            SkeinException e = assertThrows(SkeinException.class, () -> engine.eval("v.skein", "let p = virtual()\n"));
            assertFalse(e instanceof SkeinLimitException);
            assertTrue(e.getMessage().contains("not available under the engine's memory limit"), e.getMessage());
            assertEquals(1, e.line());
        }
    }
}
