package dev.skein;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a Python script kept in the repository (generators of test data) from a test. A missing
 * python3 fails the test: the data it guards would otherwise go unchecked.
 */
public final class Python {
    private Python() {}

    /**
     * Runs {@code python3 script args…} in the project directory; fails with its output unless
     * it exits 0. Callers bound the time with JUnit's @Timeout.
     */
    public static void runsClean(String script, String... args) throws InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("python3", script));
        cmd.addAll(List.of(args));
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        } catch (IOException e) {
            fail("python3 is needed to run " + script + " and could not be started: " + e.getMessage());
            return;
        }
        String output;
        try {
            output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError("reading the output of " + script, e);
        }
        assertEquals(0, p.waitFor(), () -> String.join(" ", cmd) + " failed:\n" + output);
    }
}
