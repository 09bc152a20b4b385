package dev.skein.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real {@code skein worker} processes on 127.0.0.1 and a real {@code skein} script process: a
 * member SIGKILLed in the middle of a map loses and duplicates nothing; all of them killed, the
 * script fails with a clear error in bounded time. Every process started is killed after each
 * test, failed or not, and the test checks none is left.
 */
@Timeout(240)
class ClusterWorkersTest {
    static final String KEY = "test-key-0123456789abcdef";
    private final List<Process> started = new ArrayList<>();
    @TempDir Path dir;

    @AfterEach void killEverything() throws InterruptedException {
        for (Process p : started) p.destroyForcibly();
        for (Process p : started) assertTrue(p.waitFor(20, TimeUnit.SECONDS), "process " + p.pid() + " is still running");
        for (Process p : started) assertFalse(p.isAlive());
    }

    static String java() { return Path.of(System.getProperty("java.home"), "bin", "java").toString(); }

    private Process skein(Path log, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(java(), "-Xss16m", "-cp", System.getProperty("java.class.path"), "dev.skein.cli.Main"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("SKEIN_CLUSTER_KEY", KEY);
        Process p = pb.start();
        started.add(p);
        return p;
    }

    static List<Integer> freePorts(int n) throws IOException {
        List<ServerSocket> held = new ArrayList<>();
        List<Integer> ports = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
                held.add(s);
                ports.add(s.getLocalPort());
            }
        } finally {
            for (ServerSocket s : held) s.close();
        }
        return ports;
    }

    /** Starts the workers one after another (cold JVM starts in parallel are slow on 2 cores), each ready before the next. */
    List<Process> startWorkers(String cluster, List<Integer> ports) throws Exception {
        List<Process> workers = new ArrayList<>();
        List<String> all = ports.stream().map(p -> "127.0.0.1:" + p).toList();
        for (int i = 0; i < ports.size(); i++) {
            Path log = dir.resolve("worker-" + i + ".log");
            workers.add(skein(log, "worker", "--cluster", cluster, "--listen", all.get(i), "--join", String.join(",", all), "--threads", "2"));
            awaitText(log, "ready at " + all.get(i), Duration.ofSeconds(60));
        }
        return workers;
    }

    static void awaitText(Path file, String text, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(file) && Files.readString(file).contains(text)) return;
            Thread.sleep(50);
        }
        fail("no '" + text + "' within " + limit.toSeconds() + " s; got:\n" + (Files.exists(file) ? Files.readString(file) : "(nothing)"));
    }

    @Test void aWorkerBindsOnlyWhereToldAndLeavesCleanlyOnSigterm() throws Exception {
        int port = freePorts(1).get(0);
        Process w = startWorkers("term-" + System.nanoTime(), List.of(port)).get(0);
        Process ss = new ProcessBuilder("ss", "-ltnpH").redirectErrorStream(true).start();
        String sockets = new String(ss.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        ss.waitFor(10, TimeUnit.SECONDS);
        List<String> mine = sockets.lines().filter(l -> l.contains("pid=" + w.pid() + ",")).toList();
        assertEquals(1, mine.size(), "one listening socket:\n" + sockets);
        assertTrue(mine.get(0).matches(".*\\s(\\[::ffff:)?127\\.0\\.0\\.1]?:" + port + "\\s.*"), mine.get(0));
        w.destroy();   // SIGTERM
        assertTrue(w.waitFor(30, TimeUnit.SECONDS), "the worker did not leave");
        assertEquals(0, w.exitValue());
        String log = Files.readString(dir.resolve("worker-0.log"));
        assertFalse(log.contains("\tat ") || log.contains("Exception"), log);
    }

    /** The threads of a hung process, for the failure message. */
    private static String threads(Process p) throws Exception {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), String.valueOf(p.pid()), "Thread.print")
                .redirectErrorStream(true).start();
        String dump = new String(jcmd.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        jcmd.waitFor(20, TimeUnit.SECONDS);
        return "\n--- threads ---\n" + dump;
    }

    /** A member frozen mid-task (SIGSTOP: its connections stay open, nothing answers) fails the task within the heartbeat bound. */
    @Test void aFrozenMemberFailsItsTasksWithinTheBound() throws Exception {
        String cluster = "stop-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
        List<Integer> ports = freePorts(1);
        Process worker = startWorkers(cluster, ports).get(0);
        Path running = dir.resolve("running");
        Path script = dir.resolve("frozen.skein");
        Files.writeString(script, """
                import fs
                import time
                fn nap(s) { time.sleep(s); return s }
                let c = cluster("%s", join=["127.0.0.1:%d"])
                print("warm:", await (submit nap(0) to c))
                let f = submit nap(120) to c
                time.sleep(0.5)
                fs.write_text("%s", "x")
                print("not reached", await f)
                """.formatted(cluster, ports.get(0), running));
        Path scriptLog = dir.resolve("frozen.log");
        Process run = skein(scriptLog, script.toString());
        awaitText(running, "x", Duration.ofSeconds(90));
        new ProcessBuilder("kill", "-STOP", String.valueOf(worker.pid())).start().waitFor(10, TimeUnit.SECONDS);
        long frozenAt = System.nanoTime();
        if (!run.waitFor(40, TimeUnit.SECONDS)) fail("the script waits for a frozen member:\n" + Files.readString(scriptLog) + threads(run));
        double seconds = (System.nanoTime() - frozenAt) / 1e9;
        String out = Files.readString(scriptLog);
        assertEquals(1, run.exitValue(), out);
        assertTrue(out.contains("warm: 0") && out.contains("WorkerCrashedError"), out);
        assertFalse(out.contains("not reached 120"), out);
        assertFalse(out.contains("\tat ") || out.contains("Exception"), "a Java trace or exception:\n" + out);
        assertTrue(seconds < 30, "the error came after " + seconds + " s");
    }

    @Test void aMemberKilledMidMapLosesNothingThenAllKilledFailsClearly() throws Exception {
        String cluster = "kill-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
        List<Integer> ports = freePorts(3);
        List<Process> workers = startWorkers(cluster, ports);
        String join = String.join(", ", ports.stream().map(p -> "\"127.0.0.1:" + p + "\"").toList());
        Path half = dir.resolve("half");
        Path phase2 = dir.resolve("phase2");
        Path script = dir.resolve("kill.skein");
        Files.writeString(script, """
                import fs
                import time
                fn work(x) { time.sleep(0.004); return x * 3 }
                let c = cluster("%s", join=[%s], threads_per_member=2, retries=2)
                let out = []
                for r in map work over range(2000) to c chunk 5 {
                    out.append(r)
                    if len(out) == 200 { fs.write_text("%s", "x") }
                }
                print("first map:", out == [x * 3 for x in range(2000)], len(out))
                fs.write_text("%s", "x")
                let again = list(map work over range(100000) to c chunk 5)
                print("not reached", len(again))
                """.formatted(cluster, join, half, phase2));
        Path scriptLog = dir.resolve("script.log");
        Process run = skein(scriptLog, script.toString());
        awaitText(half, "x", Duration.ofSeconds(90));
        workers.get(1).destroyForcibly();   // SIGKILL, mid-map
        awaitText(phase2, "x", Duration.ofSeconds(90));
        assertTrue(Files.readString(scriptLog).contains("first map: true 2000"), Files.readString(scriptLog));
        Thread.sleep(300);
        long killedAt = System.nanoTime();
        workers.get(0).destroyForcibly();
        workers.get(2).destroyForcibly();
        if (!run.waitFor(30, TimeUnit.SECONDS)) fail("the script hangs once every member is gone:\n" + Files.readString(scriptLog) + threads(run));
        double seconds = (System.nanoTime() - killedAt) / 1e9;
        String out = Files.readString(scriptLog);
        assertEquals(1, run.exitValue(), out);
        assertTrue(out.contains("WorkerCrashedError"), out);
        assertTrue(out.contains("cluster"), out);
        assertFalse(out.contains("not reached"), out);
        assertFalse(out.contains("\tat ") || out.contains("Exception"), "a Java trace or exception:\n" + out);
        assertTrue(seconds < 15, "the error came after " + seconds + " s");
    }
}
