package dev.skein.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Builtins that could run for minutes end within a task's timeout: int/str conversions check
 * CPython's digit bound before they start, sorts poll the stop flag. Each runs as a
 * task with a real timeout of 0.5 s; the bound here is generous (the machine is loaded), while
 * without the checks each takes many seconds.
 */
class EmbedLongBuiltinsTest {
    @ParameterizedTest
    @ValueSource(strings = {
            "none | int(\"9\" * 10**7)",
            "7**2000000 | len(str(big))",
            "list(range(3_000_000)) | sorted(big, key=fn(x) => x * 7919 % 3_000_017)",   // scrambled: sorted or reversed input is one run, O(n)
    })
    void aTaskTimeoutStopsALongBuiltin(String setupAndCall) {
        String setup = setupAndCall.split("\\|")[0].trim(), call = setupAndCall.split("\\|")[1].trim();
        try (SkeinEngine engine = SkeinEngine.builder().build()) {
            Object r = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> engine.eval("""
                    import time
                    let big = %s
                    fn work() { return %s }
                    let pool = threads(1)
                    let t0 = time.monotonic()
                    let kind = "finished"
                    try { await (submit work() to pool timeout 0.2) } catch Error as e { kind = e.kind }
                    [kind, time.monotonic() - t0]
                    """.formatted(setup, call)));
            List<?> out = (List<?>) r;
            double seconds = (Double) out.get(1);
            assertTrue(List.of("TimeoutError", "ValueError").contains(out.get(0)), out.toString());
            assertTrue(seconds < 2.0, call + " took " + seconds + " s");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"int(\"9\" * 10**7)", "str(10**5000)"})
    void digitBoundsAreCPythons(String call) {
        try (SkeinEngine engine = SkeinEngine.builder().build()) {
            SkeinException e = org.junit.jupiter.api.Assertions.assertThrows(SkeinException.class, () -> engine.eval(call));
            assertEquals("ValueError", e.kind());
            assertTrue(e.detail().startsWith("Exceeds the limit (4300 digits) for integer string conversion"), e.detail());
        }
    }
}
