package dev.skein.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/skein on a warm start runs no program before java: it is run here with an empty PATH (any
 * readlink, sed, find or mvn would fail) on a copy of the launcher in a tree whose jar is newer
 * than its sources, and must print (SKEIN_SHOW_COMMAND) the same java command a user would run by
 * hand. A source newer than the jar still sends it to the build, which prints no colour codes
 * when not on a terminal.
 */
@Timeout(60)
class LauncherTest {
    private static final String JAVA = ProcessHandle.current().info().command().orElseThrow();

    @Test
    void aWarmStartRunsNothingButJava(@TempDir Path dir) throws Exception {
        Path tree = warmTree(dir);
        Result r = launch(tree);
        assertEquals("", r.err);
        assertEquals(0, r.status, r.out);
        String jar = tree.resolve("target/skein.jar").toString();
        assertTrue(r.out.startsWith(JAVA + " "), r.out);
        assertTrue(r.out.contains("-XX:AOTCache=" + tree.resolve("target/skein.aot")) && r.out.strip().endsWith("-jar " + jar), r.out);
    }

    /**
     * The options bin/skein gives java make the script's compiled functions (hidden classes) reach
     * the JIT sooner: a loop of 40,000 turns, fewer than the 60,000 back-edges after which a loop
     * is compiled by default, gets its compiled version here (PrintCompilation names it); and the
     * script's output holds nothing of the JVM's (the command line's echo of its compile command).
     */
    @Test
    void theScriptsCompiledFunctionsReachTheJitSooner(@TempDir Path dir) throws Exception {
        Result shown = launch(warmTree(dir));
        assertEquals(0, shown.status, shown.err);
        List<String> options = new ArrayList<>();
        for (String word : shown.out.strip().split(" ")) {
            if (word.startsWith("-XX:AOTCache=")) break;   // the stand-in tree's cache is no cache
            options.add(word.replaceAll("\\\\(.)", "$1"));   // printf %q's quoting
        }
        options.remove(0);   // java itself
        assertTrue(options.stream().anyMatch(o -> o.startsWith("-XX:CompileCommand=CompileThresholdScaling,")), options.toString());
        Path script = dir.resolve("spin.skein");
        Files.writeString(script, """
                import time
                fn spin(n) {
                    let t = 0
                    for i in range(n) { t += i % 7 }
                    return t
                }
                print(spin(40000))
                time.sleep(0.5)
                """);
        List<String> cmd = new ArrayList<>(List.of(JAVA));
        cmd.addAll(options);
        // Without background compilation the loop waits for the compile it asked for: under load a
        // queued compile could otherwise start after the loop, or be dropped as stale.
        cmd.addAll(List.of("-XX:-BackgroundCompilation", "-XX:+PrintCompilation", "-cp", System.getProperty("java.class.path"), Main.class.getName(), script.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.lines().anyMatch(l -> l.contains("dev.skein.interp.Compiled/") && l.contains(" % ")), out);
        assertTrue(out.lines().anyMatch(l -> l.equals("119995")), out);
        assertFalse(out.contains("CompileCommand"), out);
    }

    /** A cluster member collects with one thread, as process-pool workers do; a script keeps the parallel collector. */
    @Test
    void aClusterMemberUsesTheSerialCollector(@TempDir Path dir) throws Exception {
        Path tree = warmTree(dir);
        Result member = launch(tree, "worker", "--cluster", "demo");
        assertEquals(0, member.status, member.err);
        assertTrue(member.out.contains(" -XX:+UseSerialGC ") && !member.out.contains("ParallelGC"), member.out);
        assertTrue(member.out.strip().endsWith("-jar " + tree.resolve("target/skein.jar")), member.out);
        Result script = launch(tree);
        assertTrue(script.out.contains(" -XX:+UseParallelGC ") && !script.out.contains("SerialGC"), script.out);
    }

    /**
     * Cluster pools start from their own cache (Hazelcast's classes in it), and only they: a
     * {@code skein worker}, and a script whose text makes a {@code cluster(} pool, found with bash
     * builtins (the PATH is empty) past the options before it. A plain script keeps skein's cache.
     */
    @Test
    void onlyClusterRunsStartFromTheClusterCache(@TempDir Path dir) throws Exception {
        Path tree = warmTree(dir);
        String clusterCache = "-XX:AOTCache=" + tree.resolve("target/skein-cluster.aot") + " ";
        String plainCache = "-XX:AOTCache=" + tree.resolve("target/skein.aot") + " ";
        Path pool = tree.resolve("pool.skein");
        Files.writeString(pool, "fn f(x) { return x }\nwith cluster(\"demo\", members=2) as c { print(await (submit f(1) to c)) }\n");
        Path plain = tree.resolve("plain.skein");
        Files.writeString(plain, "# no pool of that kind here\nprint(\"cluster\")\n");
        for (String[] args : new String[][] {{"worker", "--cluster", "demo"}, {pool.toString()}, {"--trace", "t.json", "--no-compile", pool.toString(), "x"}}) {
            Result r = launch(tree, args);
            assertEquals("", r.err);
            assertTrue(r.out.contains(clusterCache) && !r.out.contains(plainCache), String.join(" ", args) + ": " + r.out);
        }
        for (String[] args : new String[][] {{plain.toString()}, {"--recursion-limit", "100", plain.toString(), pool.toString()}, {"missing.skein"}}) {
            Result r = launch(tree, args);
            assertEquals("", r.err);
            assertTrue(r.out.contains(plainCache) && !r.out.contains(clusterCache), String.join(" ", args) + ": " + r.out);
        }
    }

    /** A cluster cache older than the jar is trained again; a training that fails says so once, and the run goes on with skein's cache. */
    @Test
    void aFailedClusterTrainingFallsBackToSkeinsCacheAndIsNotRetried(@TempDir Path dir) throws Exception {
        Path tree = warmTree(dir);
        Path target = tree.resolve("target");
        for (String old : new String[] {"skein-cluster.aot", "skein-cluster.aot.stamp"}) {   // the last build's
            Files.setLastModifiedTime(target.resolve(old), FileTime.from(Instant.now().minusSeconds(7200)));
        }
        Result first = launch(tree, "worker", "--cluster", "demo");   // the stand-in jar cannot train anything
        assertTrue(first.err.contains("preparing the start-up cache for cluster pools") && first.err.contains("could not prepare it"), first.err);
        assertTrue(first.out.contains("-XX:AOTCache=" + target.resolve("skein.aot") + " "), first.out);
        Result again = launch(tree, "worker", "--cluster", "demo");
        assertEquals("", again.err);
        assertEquals(first.out, again.out);
    }

    @Test
    void aSourceNewerThanTheJarStillRebuilds(@TempDir Path dir) throws Exception {
        Path tree = warmTree(dir);
        Path edited = tree.resolve("src/main/java/dev/skein/Edited.java");
        Files.writeString(edited, "class Edited {}");
        Files.setLastModifiedTime(edited, FileTime.from(Instant.now().plusSeconds(60)));
        // A stand-in mvn (bash builtins only) records how it was called and fails the build.
        Path programs = Files.createDirectories(tree.resolve("no-programs-here"));
        Path mvn = programs.resolve("mvn");
        Files.writeString(mvn, "#!/bin/bash\necho \"$*\" > \"" + tree.resolve("mvn-args") + "\"\nexit 1\n");
        Files.setPosixFilePermissions(mvn, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        Result r = launch(tree);
        assertTrue(r.err.contains("skein: building target/skein.jar"), r.err);
        assertTrue(r.err.contains("skein: build failed"), r.err);
        assertEquals(2, r.status, r.err);
        // Not on a terminal (stderr is a pipe here): batch mode and no colour codes in the output.
        String args = Files.readString(tree.resolve("mvn-args"));
        assertTrue(args.contains("-B") && args.contains("-Dstyle.color=never"), args);
    }

    /** A copy of bin/skein beside sources older than its jar, caches newer, and the JDK remembered. */
    private static Path warmTree(Path dir) throws IOException {
        Path tree = dir.resolve("skein");
        Files.createDirectories(tree.resolve("bin"));
        Files.copy(Path.of("bin/skein"), tree.resolve("bin/skein"));
        Instant old = Instant.now().minusSeconds(3600);
        Path source = Files.createDirectories(tree.resolve("src/main/java/dev/skein")).resolve("A.java");
        Files.writeString(source, "class A {}");
        Path grammar = Files.createDirectories(tree.resolve("grammar")).resolve("Skein.g4");
        Files.writeString(grammar, "grammar Skein;");
        Files.writeString(tree.resolve("pom.xml"), "<project/>");
        for (Path p : new Path[] {source, grammar, tree.resolve("pom.xml")}) Files.setLastModifiedTime(p, FileTime.from(old));
        Path target = Files.createDirectories(tree.resolve("target"));
        Files.writeString(target.resolve("skein.jar"), "jar");
        Files.setLastModifiedTime(target.resolve("skein.jar"), FileTime.from(old.plusSeconds(60)));
        int major = Runtime.version().feature();
        Files.writeString(target.resolve(".skein-java"), JAVA + " " + major + " " + JAVA + "|\n");
        for (String cache : new String[] {"skein.aot", "skein-worker.aot.stamp", "skein-cluster.aot"}) Files.writeString(target.resolve(cache), "x");
        Files.writeString(target.resolve("skein-cluster.aot.stamp"), "trained\n");
        return tree;
    }

    private record Result(int status, String out, String err) {}

    private static Result launch(Path tree, String... args) throws Exception {
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of("/bin/bash", tree.resolve("bin/skein").toString()));
        command.addAll(args.length == 0 ? java.util.List.of("hello.skein") : java.util.List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        Map<String, String> env = pb.environment();
        env.clear();
        env.put("PATH", tree.resolve("no-programs-here").toString());
        env.put("SKEIN_JAVA", JAVA);
        env.put("SKEIN_SHOW_COMMAND", "1");
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        return new Result(p.exitValue(), out, err);
    }
}
