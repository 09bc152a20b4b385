package dev.skein.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The cluster cache's training (bin/skein runs it once per build, its output unseen), in a JVM of
 * its own as bin/skein runs it: the workers' training script runs to its end on a cluster pool
 * joined to a member of its own, and the JVM exits (writing the cache, under bin/skein). Worker
 * processes cannot start here, so a script that fell back to {@code processes(1)} would fail.
 */
@Timeout(120)
class TrainClusterCacheTest {
    @Test
    void theTrainingScriptRunsOnAClusterPoolAndExits() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(List.of(java, "-Xss16m", "-Dskein.worker.jvmOptions=-XX:+NoSuchOptionAnywhere",
                "-cp", System.getProperty("java.class.path"), TrainClusterCache.class.getName())).redirectErrorStream(true);
        pb.environment().put("SKEIN_CLUSTER_KEY", "a training key, 16+ chars");
        Process p = pb.start();
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(90, TimeUnit.SECONDS), out);
            assertEquals(0, p.exitValue(), out);
            assertTrue(!out.contains("Error") && !out.contains("failed"), out);
        } finally {
            p.destroyForcibly();
        }
    }
}
