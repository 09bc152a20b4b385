package dev.skein.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skein.interp.ModuleInstance;
import dev.skein.interp.Runner;
import dev.skein.process.ProcessPools;
import dev.skein.runtime.Interpreter;
import dev.skein.runtime.SkeinError;
import dev.skein.runtime.ThreadState;
import dev.skein.stdlib.Stdlib;
import dev.skein.syntax.Source;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Worker-side extensions (ServiceLoader) and the helpers the process layer uses at the process
 * boundary: which host functions may cross, and what a worker's interpreter gets instead.
 */
class EmbedExtensionTest {
    private final ClassLoader loader = getClass().getClassLoader();

    @Test void loadExtensionsInstallsWhatServiceLoaderFinds() {
        try (SkeinEngine engine = SkeinEngine.builder().loadExtensions(loader).build()) {
            assertEquals(List.of(50L, "EUR", "host"), engine.eval("[price_cents('apple'), CURRENCY, installed_in()]"));
            SkeinException e = assertThrows(SkeinException.class, () -> engine.eval("price_cents('kiwi')"));
            assertEquals("KeyError", e.kind());
            assertTrue(engine.hostBuiltinNames().containsAll(List.of("price_cents", "installed_in", "CURRENCY")));
        }
    }

    @Test void onlyExtensionFunctionsMayCrossTheProcessBoundary() {
        HostFunction plain = HostFunction.of("local_only", call -> 1);
        String problem = WorkerSupport.portabilityProblem(plain);
        assertTrue(problem.startsWith("host function 'local_only' cannot run in a worker process"), problem);
        try (SkeinEngine engine = SkeinEngine.builder().loadExtensions(loader).function(plain).build();
             SkeinSession session = engine.newSession()) {
            Map<String, Object> hostBuiltins = WorkerSupport.hostBuiltins(session.interpreter());
            HostFunctionCallable ext = assertInstanceOf(HostFunctionCallable.class, hostBuiltins.get("price_cents"));
            assertEquals("pricing", ext.extensionName());
            assertNull(WorkerSupport.portabilityProblem(ext));
            assertEquals(plain.callable(), hostBuiltins.get("local_only"));
        }
        assertEquals(Map.of(), WorkerSupport.hostBuiltins(ProcessPools.install(Stdlib.install(Interpreter.builder())).build()));
    }

    @Test void aWorkerGetsExtensionsAndStubsThatRaisePortabilityError() {
        Map<String, Object> builtins = WorkerSupport.workerBuiltins(loader, List.of("local_only"));
        Interpreter worker = ProcessPools.install(Stdlib.install(Interpreter.builder())).builtins(builtins).build();
        assertEquals("worker", run(worker, "installed_in()"));
        assertEquals(75L, run(worker, "price_cents('pear')"));
        SkeinError e = assertThrows(SkeinError.class, () -> run(worker, "fn task(x) { return local_only(x) }\ntask(1)"));
        assertEquals("PortabilityError", e.kind().name());
        assertTrue(e.value().message().contains("only functions of a worker-side extension"), e.value().message());
        HostFunction resolved = WorkerSupport.resolve(worker, "pricing", "price_cents");
        assertEquals("pricing", resolved.extensionName());
        SkeinError missing = assertThrows(SkeinError.class, () -> WorkerSupport.resolve(worker, "billing", "invoice"));
        assertEquals("PortabilityError", missing.kind().name());
    }

    private static Object run(Interpreter interp, String code) {
        Runner runner = Runner.of(interp);
        ModuleInstance module = new ModuleInstance("__main__", "worker.skein");
        return runner.run(runner.compile(new Source("worker.skein", code), module, true), module, new ThreadState(interp));
    }
}
