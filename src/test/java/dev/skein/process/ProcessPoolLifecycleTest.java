package dev.skein.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skein.cli.Main;
import dev.skein.runtime.ErrorKind;
import dev.skein.runtime.SkeinError;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pool options and the life of worker processes: retries, max_tasks, init, and that no worker
 * outlives its pool — after shutdown, after a {@code with} block, after a script dies of an
 * uncaught error, and after the parent JVM is killed with -9.
 */
class ProcessPoolLifecycleTest {
    private static ScriptSession s;

    @TempDir static Path tmp;

    @BeforeAll static void define() {
        s = new ScriptSession("lifecycle");
        s.ok("""
                import os
                import fs
                import time
                fn pid() { return os.getpid() }
                fn nap(sec) { time.sleep(sec); return os.getpid() }
                fn flaky(marker) {
                    if not fs.exists(marker) {
                        fs.write_text(marker, "crashed once")
                        os.exit(7)
                    }
                    return "second run ok"
                }
                fn always_crash(log) {
                    fs.append_text(log, "run\\n")
                    os.exit(5)
                }
                let init_tag = "set by the parent"
                fn setup(dir, word) {
                    fs.append_text(fs.join(dir, str(os.getpid())), word + "\\n")
                    init_tag = f"{word} {os.getpid()}"
                }
                fn read_init_tag(x) { time.sleep(0.2); return [os.getpid(), init_tag] }
                """);
    }

    @AfterAll static void close() { s.close(); }

    private static String q(Path p) { return "'" + p.toString().replace("\\", "\\\\") + "'"; }

    private static List<Long> pidsIn(String text) {
        List<Long> pids = new ArrayList<>();
        Matcher m = Pattern.compile("\\d{2,}").matcher(text);
        while (m.find()) pids.add(Long.parseLong(m.group()));
        return pids;
    }

    // ------------------------------------------------------------------ options

    @Test void retriesRerunATaskWhoseWorkerDied() throws IOException {
        Path marker = tmp.resolve("flaky-marker");
        Path log = tmp.resolve("always-log");
        s.ok("let rp = processes(1, retries=1)\n"
                + "print(await (submit flaky(" + q(marker) + ") to rp))\n"
                + "try { await (submit always_crash(" + q(log) + ") to rp) } catch WorkerCrashedError as e { print('crashed') }\n"
                + "rp.shutdown()");
        assertEquals("second run ok\ncrashed\n", s.takeStdout());
        assertTrue(Files.exists(marker));
        assertEquals(2, Files.readAllLines(log).size(), "retries=1: a task that always crashes runs twice");
    }

    // Regression: recycling once started two replacements (finished() and died()), growing the pool.
    @Test void maxTasksRecyclesWorkers() {
        s.ok("let mp = processes(1, max_tasks=2)\n"
                + "print([await (submit pid() to mp) for i in range(6)])");
        List<Long> pids = pidsIn(s.takeStdout());
        try {
            assertEquals(6, pids.size());
            assertEquals(3, new HashSet<>(pids).size(), "a new worker every 2 tasks: " + pids);
            assertEquals(pids.get(0), pids.get(1), "two tasks per worker: " + pids);
            assertEquals(pids.get(2), pids.get(3), "two tasks per worker: " + pids);
            assertEquals(pids.get(4), pids.get(5), "two tasks per worker: " + pids);
            List<Long> retired = List.of(pids.get(0), pids.get(2));
            assertEquals(List.of(), Processes.awaitGone(retired, Duration.ofSeconds(5)), "recycled workers exit");
            Processes.sleep(300);   // let the pool hear of the deaths
            assertEquals(1, s.workerPids("mp").size(), "processes(1) keeps one worker: " + s.workerPids("mp"));
        } finally {
            s.ok("mp.shutdown()");
        }
    }

    @Test void initRunsOncePerWorker() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("init"));
        s.ok("let ip = processes(2, init=setup, init_args=[" + q(dir) + ", 'ready'])\n"
                + "let init_seen = [r for r in map read_init_tag over range(8) to ip chunk 1]\n"
                + "ip.shutdown()");
        Set<String> workers = new HashSet<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                workers.add(f.getFileName().toString());
                assertEquals(List.of("ready"), Files.readAllLines(f), "init ran exactly once in worker " + f.getFileName());
            }
        }
        assertEquals(2, workers.size(), "one init per worker");
        Set<String> taskPids = new HashSet<>();
        for (Object r : ((dev.skein.runtime.SkeinList) s.global("init_seen")).snapshot()) {
            taskPids.add(String.valueOf(((dev.skein.runtime.SkeinList) r).get(0)));
        }
        assertTrue(workers.containsAll(taskPids), "tasks ran in initialized workers");
    }

    // Regression: a global set by init used to be overwritten by the value sent with each task.
    @Test void aGlobalSetByInitIsSeenByTasks() {
        Path dir = tmp.resolve("init-global");
        s.ok("fs.mkdir(" + q(dir) + ", exist_ok=true)\n"
                + "let gp = processes(1, init=setup, init_args=[" + q(dir) + ", 'hello'])\n"
                + "let tag_seen = await (submit read_init_tag(0) to gp)\n"
                + "gp.shutdown()\n"
                + "print(tag_seen[1] == f'hello {tag_seen[0]}', tag_seen[1])");
        String out = s.takeStdout();
        assertTrue(out.startsWith("true "), out);
    }

    @Test void aFailingInitFailsTasksWithWorkerCrashedError() {
        // (a comment first, so that a regression of the line-1-column-1 key bug cannot start a storm)
        s.ok("# failing init\nfn bad_init() { throw ValueError('no database') }\nfn one(x) { return 1 }");
        SkeinError e = s.run("let bp = processes(1, init=bad_init)\nawait (submit one(1) to bp)");
        assertNotNull(e);
        assertSame(ErrorKind.WORKER_CRASHED, e.kind());
        assertTrue(e.value().message().contains("no database"), e.value().message());
    }

    // ------------------------------------------------------------------ no orphans

    // Regression: the workers' CDS dump at exit (class path with a directory) made exits take seconds.
    @Test void noWorkerOutlivesShutdown() {
        s.ok("let sp = processes(2)\nlet sp_pids = await [submit nap(0.2) to sp, submit nap(0.2) to sp]");
        List<Long> pids = s.workerPids("sp");
        assertEquals(2, pids.size());
        s.ok("sp.shutdown()");
        assertEquals(List.of(), Processes.awaitGone(pids, Duration.ofSeconds(3)));
        SkeinError e = s.run("submit pid() to sp");
        assertNotNull(e);
        assertSame(ErrorKind.POOL_CLOSED, e.kind());
    }

    @Test void noWorkerOutlivesAWithBlock() {
        Set<Long> before = Processes.workerChildren();
        s.ok("let with_pids = none\n"
                + "with processes(2) as wp { with_pids = await [submit nap(0.3) to wp, submit nap(0.3) to wp] }\n"
                + "print(with_pids)");
        List<Long> pids = pidsIn(s.takeStdout());
        assertFalse(pids.isEmpty());
        assertEquals(List.of(), Processes.awaitGone(pids, Duration.ofSeconds(3)));
        Set<Long> left = new HashSet<>(Processes.workerChildren());
        left.removeAll(before);
        assertEquals(Set.of(), left, "no new worker left behind");
    }

    @Test void noWorkerOutlivesAScriptEndedByAnUncaughtError() throws IOException {
        Path script = tmp.resolve("dies.skein");
        Files.writeString(script, """
                import os
                import time
                fn nap(sec) { time.sleep(sec); return os.getpid() }
                let pool = processes(2)
                print(await [submit nap(0.3) to pool, submit nap(0.3) to pool])
                let still_running = submit nap(60) to pool
                throw ValueError("the end")
                """);
        Set<Long> before = Processes.workerChildren();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        long t0 = System.nanoTime();
        int code = Main.run(new String[] {script.toString()}, new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertTrue(System.nanoTime() - t0 < Duration.ofSeconds(30).toNanos(), "the run did not wait for the 60 s task");
        assertEquals(1, code);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("ValueError: the end"), err.toString(StandardCharsets.UTF_8));
        List<Long> pids = pidsIn(out.toString(StandardCharsets.UTF_8));
        assertFalse(pids.isEmpty());
        assertEquals(List.of(), Processes.awaitGone(pids, Duration.ofSeconds(3)));
        Set<Long> left = new HashSet<>(Processes.workerChildren());
        left.removeAll(before);
        assertEquals(List.of(), Processes.awaitGone(new ArrayList<>(left), Duration.ofSeconds(3)), "no new worker left behind");
    }

    // Regression: the workers' CDS dump at exit (class path with a directory) made exits take seconds.
    @Test void noWorkerOutlivesItsParentKilledWithSignal9() throws Exception {
        Path script = tmp.resolve("parent.skein");
        Files.writeString(script, """
                import os
                import time
                fn nap(sec) { time.sleep(sec); return os.getpid() }
                let pool = processes(2)
                print("pids", await [submit nap(0.5) to pool, submit nap(0.5) to pool], flush=true)
                let busy = submit nap(120) to pool
                time.sleep(0.5)
                print("ready", flush=true)
                time.sleep(120)
                """);
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process parent = new ProcessBuilder(javaBin, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), script.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        List<Long> workers = new ArrayList<>();
        try {
            BufferedReader lines = new BufferedReader(new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8));
            String pidsLine = lines.readLine();
            assertNotNull(pidsLine, "the child script printed nothing");
            assertTrue(pidsLine.startsWith("pids"), pidsLine);
            workers.addAll(pidsIn(pidsLine));
            assertEquals("ready", lines.readLine());
            for (long w : Processes.workerDescendants(parent.pid())) if (!workers.contains(w)) workers.add(w);
            assertTrue(workers.size() >= 2, "found the workers: " + workers);
            Processes.kill9(parent.pid());
            assertTrue(parent.waitFor(10, java.util.concurrent.TimeUnit.SECONDS));
            assertEquals(List.of(), Processes.awaitGone(workers, Duration.ofSeconds(3)), "workers of a parent killed with -9");
        } finally {
            parent.destroyForcibly();
            for (long w : workers) Processes.kill9(w);   // never leave strays on the machine, even on failure
        }
    }

    // Regression: workers that could not start were replaced forever while the map waited.
    @Test void workersThatCannotStartFailTheTasksInsteadOfHanging() throws Exception {
        Path script = tmp.resolve("nostart.skein");
        Files.writeString(script, """
                fn sq(x) { return x * x }
                with processes(2) as ex {
                    try { print(list(map sq over range(5) to ex)) } catch WorkerCrashedError as e { print("first:", e.message) }
                    try { await (submit sq(3) to ex) } catch WorkerCrashedError as e { print("later:", e.message) }
                }
                print("done")
                """);
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process parent = new ProcessBuilder(javaBin, "-XX:TieredStopAtLevel=1", "-D" + WorkerJvm.OPTIONS_PROPERTY + "=-XX:+NoSuchOption",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), script.toString())
                .redirectErrorStream(true)
                .start();
        try {
            assertTrue(parent.waitFor(60, java.util.concurrent.TimeUnit.SECONDS), "the script hung");
            String out = new String(parent.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, parent.exitValue(), out);
            assertTrue(out.contains("first: its worker processes cannot start: 3 in a row exited before they were ready (the last: exit code 1)"), out);
            assertTrue(out.contains("Unrecognized VM option 'NoSuchOption'"), out);
            assertTrue(out.contains("later: its worker processes cannot start"), out);
            assertTrue(out.strip().endsWith("done"), out);
        } finally {
            parent.destroyForcibly();
        }
    }
}
