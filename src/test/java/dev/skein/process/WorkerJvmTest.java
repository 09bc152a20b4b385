package dev.skein.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which ahead-of-time cache a worker JVM starts from: only one trained for this exact build and JDK. */
class WorkerJvmTest {
    @TempDir Path tmp;

    interface Body { void run() throws Exception; }

    /** Runs {@code body} with a system property set, then puts the property back as it was. */
    private static void withProperty(String name, String value, Body body) throws Exception {
        String before = System.getProperty(name);
        System.setProperty(name, value);
        try {
            body.run();
        } finally {
            if (before == null) System.clearProperty(name);
            else System.setProperty(name, before);
        }
    }

    @Test void theCacheOfAJarLivesBesideIt() {
        Path jar = tmp.resolve("skein.jar");
        assertEquals(tmp.resolve("skein-worker.aot"), WorkerJvm.cachePath(jar.toString()));
        assertNull(WorkerJvm.cachePath(tmp.toString()), "a directory on the class path has no cache");
        assertNull(WorkerJvm.cachePath(jar + File.pathSeparator + tmp.resolve("other.jar")), "nor a class path of several entries");
    }

    @Test void aCacheIsUsedOnlyWithTheBuildItWasTrainedOn() throws Exception {
        Path jar = Files.writeString(tmp.resolve("skein.jar"), "build 1");
        Path cache = Files.writeString(tmp.resolve("skein-worker.aot"), "cache");
        assertFalse(WorkerJvm.matches(cache, jar.toString()), "no stamp, no cache");
        Files.writeString(WorkerJvm.stampOf(cache), WorkerJvm.fingerprint(jar.toString()));
        assertTrue(WorkerJvm.matches(cache, jar.toString()));

        Files.writeString(jar, "build 2, rebuilt");
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 5000));
        assertFalse(WorkerJvm.matches(cache, jar.toString()), "a rebuilt jar must not run with the old build's classes");

        Files.writeString(WorkerJvm.stampOf(cache), "failed");
        assertFalse(WorkerJvm.matches(cache, jar.toString()), "a failed training leaves a stamp that matches nothing");
    }

    @Test void workersGetTheJvmOptionsOfTheProperty() throws Exception {
        withProperty(WorkerJvm.OPTIONS_PROPERTY, " -Xmx1g  -Dx=y ", () -> {
            var cmd = WorkerJvm.command("Main", java.util.List.of("arg"));
            int main = cmd.indexOf("Main");
            assertTrue(cmd.indexOf("-Xmx1g") > 0 && cmd.indexOf("-Xmx1g") < main, cmd.toString());
            assertTrue(cmd.indexOf("-Dx=y") > 0 && cmd.indexOf("-Dx=y") < main, cmd.toString());
            assertEquals("arg", cmd.get(cmd.size() - 1));
        });
    }

    @Test void aPoolWhoseWorkersFailedToStartStartsTheNextOnesWithoutACache() throws Exception {
        withProperty(WorkerJvm.CACHE_PROPERTY, tmp.resolve("w.aot").toString(), () -> {
            var without = WorkerJvm.command("Main", java.util.List.of(), false);
            assertTrue(without.stream().noneMatch(o -> o.startsWith("-XX:AOTCache")), without.toString());
            assertTrue(without.contains("-Xshare:auto"), without.toString());
        });
    }

    /**
     * Every option a worker gets when its cache matches is one this JDK accepts: a worker JVM
     * refusing an option would only be noticed as workers that cannot start. (The cache here is
     * not a real one; the JVM warns about it and goes on, which is all this checks.)
     */
    @Test void theJdkAcceptsTheOptionsOfAWorkerWithACache() throws Exception {
        Path cache = Files.writeString(tmp.resolve("w.aot"), "not a cache");
        Files.writeString(WorkerJvm.stampOf(cache), WorkerJvm.fingerprint(System.getProperty("java.class.path")));
        withProperty(WorkerJvm.CACHE_PROPERTY, cache.toString(), () -> {
            var cmd = WorkerJvm.command("Main", java.util.List.of());
            if (Runtime.version().feature() >= 25) assertTrue(cmd.contains("-XX:AOTCache=" + cache), cmd.toString());
            var jvmOnly = new java.util.ArrayList<>(cmd.subList(0, cmd.indexOf("-cp")));
            jvmOnly.add("-version");
            Process p = new ProcessBuilder(jvmOnly).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            assertEquals(0, p.waitFor(), jvmOnly + "\n" + out);
        });
    }
}
