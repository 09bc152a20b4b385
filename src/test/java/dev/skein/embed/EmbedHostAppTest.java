package dev.skein.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** examples/host/HostApp.java compiles against the built classes and runs as the docs say. */
class EmbedHostAppTest {
    @TempDir Path out;

    @Test void theExampleHostApplicationCompilesAndRuns() throws Exception {
        String classpath = System.getProperty("java.class.path");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertNotNull(javac, "tests run on a JDK");
        int status = javac.run(null, null, null, "-d", out.toString(), "-cp", classpath, Path.of("examples/host/HostApp.java").toString());
        assertEquals(0, status, "javac failed");

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", out + File.pathSeparator + classpath, "HostApp").redirectErrorStream(true).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "HostApp finished");
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), output);
        assertEquals(List.of(
                "total: 2.4",
                "total: 4.2",
                "discount: 0.1",
                "error: KeyError at bad.skein:2: no price for kiwi",
                "denied: PermissionError",
                "stopped: TimeoutError",
                "hello, world"), output.lines().toList());
    }
}
