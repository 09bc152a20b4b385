package dev.skein.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skein.cli.Main;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every failure in setting up a process pool is one Skein error, with its position, and a
 * non-zero exit — run here as the CLI really runs, in its own JVM, so the pool's exit hook and
 * the workers' stopping are part of it (issue 14: a PortabilityError, then a Java trace from
 * stopping the workers, and exit 0). The embedded host's side is in EmbedProcessPoolTest.
 */
class PoolSetupErrorsTest {
    @TempDir Path tmp;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "init_args that cannot cross | let p = processes(1, init=fn(x) => x, init_args=[lock()]) | PortabilityError: argument 1: a lock cannot cross a process boundary (init)",
        "init that is no function    | let p = processes(1, init=5)                               | TypeError: processes() init must be a function, not int",
        "init_args not iterable      | let p = processes(1, init=fn(x) => x, init_args=5)         | TypeError: 'int' object is not iterable",
        "init failing in the worker  | let p = processes(1, init=fn(x) => 1 / x, init_args=[0]); print(await (submit abs(-1) to p)) | WorkerCrashedError: the pool's init function failed in worker",
        "a second pool after a first | let a = processes(1); print(await (submit abs(-2) to a)); let b = processes(1, init=fn(x) => x, init_args=[lock()]) | PortabilityError: argument 1: a lock cannot cross",
    })
    void isOneSkeinErrorAndANonZeroExit(String name, String script, String error) throws Exception {
        Path file = tmp.resolve("setup.skein");
        Files.writeString(file, script + "\nprint(\"not reached\")\n");
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(javaBin, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), file.toString()).start();
        try {
            assertTrue(p.waitFor(90, TimeUnit.SECONDS), "the script ended");
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(1, p.exitValue(), err);
            assertTrue(err.startsWith(file + ":1:"), "the error has the script's position: " + err);
            assertTrue(err.contains(error), err);
            assertFalse(out.contains("not reached"), out);
            assertEquals(1, err.lines().filter(l -> l.startsWith(file.toString())).count(), "one error (and its causes): " + err);
            assertFalse(err.contains("\tat ") || err.contains("Exception") || err.contains("java."), "no Java trace: " + err);
        } finally {
            p.destroyForcibly();
        }
    }
}
