package dev.skein.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Builder constants and extensions inside real process-pool workers: constants travel as
 * portable values; extension functions by their ServiceLoader name, and a pool whose workers
 * could not load one refuses to start, naming it.
 */
class EmbedWorkerHostValuesTest {
    /** An extension the host installs by hand and never registers for ServiceLoader. */
    static final class AdHocExtension implements SkeinExtension {
        @Override public String name() { return "adhoc"; }

        @Override public void install(ExtensionContext ctx) { ctx.function("adhoc_twice", call -> 2 * call.longArg(0)); }
    }

    @Test void constantsReachTheWorkers() {
        BigInteger big = new BigInteger("123456789012345678901234567890");
        try (SkeinEngine engine = SkeinEngine.builder().allowProcesses()
                .constant("RATE", 3).constant("BIG", big).constant("LABEL", "skein").constant("RAW", new byte[] {1, 2, 3})
                .constant("ON", true).constant("HALF", 0.5).build()) {
            Object got = engine.eval("job.skein", """

                    fn look(x) { return [RATE * x, BIG + 1, LABEL, len(RAW), ON, HALF, getpid()] }
                    import os
                    fn getpid() { return os.getpid() }
                    let p = processes(1)
                    [await (submit look(2) to p), os.getpid()]
                    """);
            List<?> pair = (List<?>) got;
            List<?> inWorker = (List<?>) pair.get(0);
            assertEquals(List.of(6L, big.add(BigInteger.ONE), "skein", 3L, true, 0.5), inWorker.subList(0, 6));
            assertTrue(!inWorker.get(6).equals(pair.get(1)), "it ran in another process");
        }
    }

    @Test void extensionFunctionsRunInTheWorkersByTheirServiceLoaderName() {
        try (SkeinEngine engine = SkeinEngine.builder().allowProcesses().extension(new PricingExtension()).build()) {
            assertEquals(List.of("worker", 75L, "EUR"), engine.eval("job.skein", """

                    fn where(item) { return [installed_in(), price_cents(item), CURRENCY] }
                    let p = processes(1)
                    await (submit where('pear') to p)
                    """));
        }
    }

    @Test void aPoolWhoseWorkersCannotLoadAnExtensionRefusesToStart() {
        try (SkeinEngine engine = SkeinEngine.builder().allowProcesses().extension(new AdHocExtension()).build()) {
            assertEquals(4L, engine.eval("adhoc_twice(2)"), "the host has it");
            SkeinException e = assertThrows(SkeinException.class, () -> engine.eval("job.skein", "\nlet p = processes(2)"));
            assertEquals("PortabilityError", e.kind());
            assertEquals(2, e.line());
            assertTrue(e.detail().startsWith("processes: extension 'adhoc' cannot be loaded in a worker process: "
                    + "no SkeinExtension named 'adhoc' is registered for ServiceLoader"), e.detail());
        }
    }
}
