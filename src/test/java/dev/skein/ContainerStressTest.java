package dev.skein;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skein.embed.SkeinEngine;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every mutating method of list, dict and set from 8 threads at once (stress/containers.skein),
 * compiled and on the node tree: every count exact, no error at all. CI runs N = 2,000
 * operations per thread and method; {@code -Dskein.stress.ops=100000} runs the full size
 * (bench/stress_containers.sh).
 */
class ContainerStressTest {
    private static final long OPS = Long.getLong("skein.stress.ops", 2_000);

    private static String script() throws IOException {
        try (InputStream in = ContainerStressTest.class.getResourceAsStream("/stress/containers.skein")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void run(boolean compile) throws Exception {
        assertTrue(OPS % 2 == 0 && OPS >= 100, "skein.stress.ops must be even and at least 100");
        SkeinEngine engine = SkeinEngine.builder().compile(compile).constant("N", OPS).build();
        try (engine) {
            Object failures = assertTimeoutPreemptively(Duration.ofMinutes(OPS > 2_000 ? 60 : 2),
                    () -> engine.eval("containers.skein", script()));
            assertEquals(List.of(), failures);
        }
    }

    @Test void compiled() throws Exception { run(true); }

    @Test void onTheTree() throws Exception { run(false); }
}
