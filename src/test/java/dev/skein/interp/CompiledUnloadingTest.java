package dev.skein.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skein.embed.SkeinEngine;
import dev.skein.embed.SkeinSession;
import java.lang.management.ClassLoadingMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.Test;

/**
 * Generated classes are hidden classes of their unit: once nothing uses a unit's functions, the
 * class goes with them. Many distinct small scripts, each defining a compiled function (so each
 * defines one class), run in one long-lived session (a REPL redefining {@code f} again and again)
 * and in fresh engines; metaspace, measured after a full GC at checkpoints, must stay bounded and
 * the JVM must report the classes unloaded. {@link #theCheckSeesALeak} proves the measure can
 * fail: holding on to the functions of 5,000 scripts makes metaspace grow past the same bound
 * (about 6 KB a unit).
 *
 * <p>CI runs {@value #SCRIPTS} scripts per path; {@code bench/unloading.sh} runs 100,000 (the
 * issue's figure) with {@code -Dskein.unloading.scripts=100000}.
 */
class CompiledUnloadingTest {
    static final int SCRIPTS = 20_000;
    private static final int CHECKPOINTS = 5;
    /** Growth allowed between the first checkpoint and the last, far below what the scripts' classes would take. */
    private static final long SLACK_BYTES = 12L << 20;

    private static int scripts() { return Integer.getInteger("skein.unloading.scripts", SCRIPTS); }

    /** Script {@code i}: a compiled function (a loop keeps it in the compiler's subset) and a call of it. */
    static String script(int i) {
        return "fn f(x) {\n    let s = 0\n    for k in range(x) { s += k * 7 }\n    return s + " + i + "\n}\nf(10)\n";
    }

    @Test
    void oneLongLivedSessionRedefiningAFunctionDoesNotLeakClasses() {
        try (SkeinEngine engine = SkeinEngine.builder().build(); SkeinSession session = engine.newSession()) {
            assertBounded(scripts(), i -> assertEquals(315L + i, session.eval(script(i))));
        }
    }

    @Test
    void freshEnginesDoNotLeakClasses() {
        assertBounded(scripts(), i -> {
            try (SkeinEngine engine = SkeinEngine.builder().build()) {
                assertEquals(315L + i, engine.eval(script(i)));
            }
        });
    }

    /** The same measure with every unit kept alive: it must see the leak (else the tests above prove nothing). */
    @Test
    void theCheckSeesALeak() {
        List<Object> kept = new ArrayList<>();
        try (SkeinEngine engine = SkeinEngine.builder().build()) {
            long growth = measure(5_000, i -> {
                SkeinSession s = engine.newSession();
                s.eval(script(i));
                kept.add(s.get("f"));
            });
            assertTrue(growth > SLACK_BYTES, "holding " + kept.size() + " functions grew metaspace by only " + growth + " bytes");
        }
    }

    @Test
    void theScriptsFunctionRunsCompiled() {
        Runner runner = Runner.of(dev.skein.stdlib.Stdlib.install(dev.skein.runtime.Interpreter.builder()).compile(true).build());
        ModuleInstance module = new ModuleInstance("__main__", "<unload>");
        Code main = runner.compile(new dev.skein.syntax.Source("<unload>", script(7)), module, true);
        assertEquals(322L, runner.run(main, module, new dev.skein.runtime.ThreadState(runner.interp())));
        assertNotNull(((Function) module.get("f")).code().compiled, "f runs on the node tree");
    }

    /**
     * Runs {@code n} scripts, asserting that metaspace after a full GC grows by less than the
     * slack from the first checkpoint to the last, and that classes were defined (one per script)
     * and unloaded.
     */
    private static void assertBounded(int n, IntConsumer run) {
        ClassLoadingMXBean classes = ManagementFactory.getClassLoadingMXBean();
        long loadedBefore = classes.getTotalLoadedClassCount();
        long unloadedBefore = classes.getUnloadedClassCount();
        long growth = measure(n, run);
        long defined = classes.getTotalLoadedClassCount() - loadedBefore;
        long unloaded = classes.getUnloadedClassCount() - unloadedBefore;
        assertTrue(defined >= n, "only " + defined + " classes defined for " + n + " compiled scripts");
        assertTrue(unloaded >= n * 9L / 10, "only " + unloaded + " of " + defined + " classes unloaded");
        assertTrue(growth < SLACK_BYTES, "metaspace grew by " + growth + " bytes over " + n + " scripts");
    }

    /** Metaspace growth (after a full GC) from the first checkpoint, a fifth of the way in, to the end. */
    private static long measure(int n, IntConsumer run) {
        long first = -1;
        long last = 0;
        int step = n / CHECKPOINTS;
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            run.accept(i);
            if ((i + 1) % step == 0) {
                last = metaspaceAfterGc();
                if (first < 0) first = last;
                long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
                System.out.printf("unloading: %d scripts, metaspace %.1f MB, heap %.1f MB, %.1f s%n",
                        i + 1, last / 1e6, heap / 1e6, (System.nanoTime() - start) / 1e9);
            }
        }
        return last - first;
    }

    private static long metaspaceAfterGc() {
        for (int i = 0; i < 3; i++) System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getName().equals("Metaspace")) return pool.getUsage().getUsed();
        }
        throw new IllegalStateException("no Metaspace memory pool");
    }
}
