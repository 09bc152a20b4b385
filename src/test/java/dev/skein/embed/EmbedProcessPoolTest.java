package dev.skein.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The embedding API on process pools (docs/embedding.md, "Process pools and extensions"), kept
 * apart for the process layer's author to extend. Scripts here define no function at line 1,
 * column 1: one there shares its key with the module's top-level code (reported to the process
 * layer's author).
 */
class EmbedProcessPoolTest {
    @Test void processPoolsNeedTheProcessesCapability() {
        try (SkeinEngine engine = SkeinEngine.builder().build()) {
            SkeinException e = org.junit.jupiter.api.Assertions.assertThrows(SkeinException.class, () -> engine.eval("processes(1)"));
            assertEquals("PermissionError", e.kind());
            assertTrue(e.detail().contains("capability processes"), e.detail());
        }
    }

    @Test void aPoolThatCannotBeSetUpIsOneSkeinExceptionAndTheEngineGoesOn() {
        try (SkeinEngine engine = SkeinEngine.builder().allowProcesses().build()) {
            SkeinException e = org.junit.jupiter.api.Assertions.assertThrows(SkeinException.class,
                    () -> engine.eval("\nlet p = processes(1, init=fn(x) => x, init_args=[lock()])"));
            assertEquals("PortabilityError", e.kind());
            assertTrue(e.detail().contains("argument 1: a lock cannot cross a process boundary (init)"), e.detail());
            SkeinException t = org.junit.jupiter.api.Assertions.assertThrows(SkeinException.class, () -> engine.eval("\nprocesses(1, init=5)"));
            assertEquals("TypeError", t.kind());
            assertEquals(1L, engine.eval("\nfn one() { return 1 }\nlet p = processes(1)\nawait (submit one() to p)"));
        }
    }

    @Test void cancelFromAnotherThreadStopsAMapOnProcesses() throws Exception {
        try (SkeinEngine engine = SkeinEngine.builder().allowProcesses().build();
             SkeinSession session = engine.newSession()) {
            CompletableFuture<String> run = CompletableFuture.supplyAsync(() -> {
                try {
                    session.eval("\nfn spin(i) { while true { } }\nlet cpu = processes(2)\nfor r in map spin over range(6) to cpu { print(r) }");
                    return "finished";
                } catch (SkeinException e) {
                    return e.kind();
                }
            });
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!running(session) && System.nanoTime() < deadline) Thread.sleep(50);
            assertTrue(running(session), "tasks run in the workers");
            session.cancel();
            assertEquals("CancelledError", run.get(20, TimeUnit.SECONDS));
        }
    }

    /** Whether the script's pool {@code cpu} has tasks running in workers (asked from this thread, concurrently). */
    private static boolean running(SkeinSession session) {
        return session.contains("cpu") && (Long) session.eval("cpu.stats()['running']") > 0;
    }

    @Test void sessionFunctionsAndHostGlobalsRunOnAProcessPool() {
        try (SkeinEngine engine = SkeinEngine.builder().allowProcesses().build();
             SkeinSession session = engine.newSession()) {
            session.set("factor", 3);
            assertEquals(List.of(0L, 3L, 6L, 9L), session.eval("\nfn scale(x) { return x * factor }\nlet cpu = processes(2)\nlist(cpu.map(scale, range(4)))"));
            session.set("factor", 10);
            assertEquals(20L, session.eval("await (submit scale(2) to cpu)"));
        }
    }

    @Test void aCompiledScriptWithHostGlobalsRunsOnAProcessPool() {
        try (SkeinEngine engine = SkeinEngine.builder().allowProcesses().build()) {
            SkeinScript script = engine.compile("job.skein", "\nfn work(x) { return x + offset }\nlet cpu = processes(1)\nawait (submit work(1) to cpu)");
            assertEquals(11L, script.run(Map.of("offset", 10)));
            assertEquals(101L, script.run(Map.of("offset", 100)));
        }
    }

    @Test void workersKeepTheEnginesGrants() {
        try (SkeinEngine engine = SkeinEngine.builder().allowProcesses().build()) {
            SkeinException e = org.junit.jupiter.api.Assertions.assertThrows(SkeinException.class, () -> engine.eval(
                    "import fs\nfn peek(p) { return fs.exists(p) }\nlet cpu = processes(1)\nawait (submit peek('/') to cpu)"));
            assertEquals("PermissionError", e.kind());
        }
    }

    @Test void aHostFunctionSentToAProcessPoolIsAPortabilityError() {
        try (SkeinEngine engine = SkeinEngine.builder().allowProcesses().function("square", c -> c.longArg(0) * c.longArg(0)).build()) {
            SkeinException direct = org.junit.jupiter.api.Assertions.assertThrows(SkeinException.class,
                    () -> engine.eval("let cpu = processes(1)\nawait (submit square(3) to cpu)"));
            assertEquals("PortabilityError", direct.kind());
            assertTrue(direct.detail().contains("host function 'square'"), direct.detail());
            SkeinException inside = org.junit.jupiter.api.Assertions.assertThrows(SkeinException.class,
                    () -> engine.eval("fn task(x) { return square(x) }\nlet cpu = processes(1)\nawait (submit task(3) to cpu)"));
            assertEquals("PortabilityError", inside.kind());
        }
    }

    @Test void anExtensionFunctionWorksOnAProcessPool() {
        try (SkeinEngine engine = SkeinEngine.builder().allowProcesses().loadExtensions(getClass().getClassLoader()).build()) {
            assertEquals("worker", engine.eval("let cpu = processes(1)\nawait (submit installed_in() to cpu)"));
            assertEquals(75L, engine.eval("fn task(f) { return price_cents(f) }\nlet cpu = processes(1)\nawait (submit task('pear') to cpu)"));
        }
    }
}
