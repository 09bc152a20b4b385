package dev.skein.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.skein.runtime.ErrorKind;
import dev.skein.runtime.SkeinDict;
import dev.skein.runtime.SkeinError;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One {@code processes(2)} pool with real worker JVMs, shared by every test of the class: values
 * crossing and coming back, portability errors and their paths, errors keeping their kind and
 * the worker's frames, prints, crashes, kill -9, timeouts and cancellation (each of which must
 * leave the pool working).
 */
class ProcessPoolTest {
    private static ScriptSession s;

    @BeforeAll static void startPool() {
        s = new ScriptSession("pool_test");
        s.ok("""
                import os
                import time
                record Point(x, y)
                fn ident(x) { return x }
                fn pair(a, b) { return [a, b] }
                fn pid() { return os.getpid() }
                fn quit(code) { os.exit(code) }
                fn nap(sec) { time.sleep(sec); return os.getpid() }
                fn announce_and_nap(tag, sec) { print(f"{tag}={os.getpid()}"); time.sleep(sec); return tag }
                fn boom(x) { throw ValueError(f"bad {x}") }
                fn outer(x) { return boom(x) + 1 }
                fn make_lock() { return lock() }
                fn self_cycle() { let a = [1]; a.append(a); return a }
                fn shout(tag, n) {
                    for i in range(n) { print(f"{tag * 60} {i}") }
                    return n
                }
                let pool = processes(2)
                """);
        // both workers up and warm before the first timed test
        s.ok("let warm = await [submit pid() to pool, submit nap(0.3) to pool, submit nap(0.3) to pool]");
    }

    @AfterAll static void close() { s.close(); }

    @BeforeEach void clearOutput() {
        s.takeStdout();
        s.takeStderr();
    }

    private static long submitted() {
        return (Long) ((SkeinDict) s.pool("pool").stats()).get("submitted");
    }

    /** Runs a snippet that must end with a PortabilityError; checks nothing was submitted. */
    private static String portabilityMessage(String code) {
        return portabilityMessage("", code);
    }

    /** Runs {@code setup}, then {@code code}, which must end with a PortabilityError and submit nothing. */
    private static String portabilityMessage(String setup, String code) {
        if (!setup.isEmpty()) s.ok(setup);
        long before = submitted();
        SkeinError e = s.run(code);
        assertNotNull(e, "expected a PortabilityError from:\n" + code);
        assertSame(ErrorKind.PORTABILITY, e.kind(), e.value().headline());
        assertEquals(before, submitted(), "the check happens before anything is submitted");
        return e.value().message();
    }

    /** Waits until stdout shows {@code tag=PID}; returns the pid. */
    private static long awaitAnnounced(String tag) {
        Pattern p = Pattern.compile(Pattern.quote(tag) + "=(\\d+)");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            Matcher m = p.matcher(s.peekStdout());
            if (m.find()) return Long.parseLong(m.group(1));
            Processes.sleep(20);
        }
        fail("the task never announced " + tag + "; stdout: " + s.peekStdout());
        return -1;
    }

    /** The pool is back to full strength and runs a task. */
    private static void assertPoolStillWorks() {
        s.ok("print(await (submit ident('still working') to pool))");
        assertTrue(s.takeStdout().endsWith("still working\n"));
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (s.workerPids("pool").size() < 2 && System.nanoTime() < deadline) Processes.sleep(20);
        assertEquals(2, s.workerPids("pool").size(), "the pool replaced its worker");
    }

    // ------------------------------------------------------------------ values

    @Test void valuesRoundTripThroughAWorker() {
        s.ok("""
                let sent = [none, true, 3, -(2 ** 100), 1.5, "s ✓", b"\\x00b", {"k": {1, 2}}, Point(1, [2]), range(3), [[]]]
                let back = await (submit ident(sent) to pool)
                print(back == sent)
                print(type(back[8]), back[8] == Point(1, [2]))
                print(await (submit pid() to pool) != os.getpid())
                """);
        assertEquals("true\nPoint true\ntrue\n", s.takeStdout());
    }

    @Test void aCycleMadeInAWorkerComesBack() {
        s.ok("""
                let cyc = await (submit self_cycle() to pool)
                cyc.append(3)
                print(len(cyc), len(cyc[1]))
                """);
        assertEquals("3 3\n", s.takeStdout());
    }

    // Regression: argument back-references were off by one (see CodecTest).
    @Test void sharedReferencesInArgumentsKeepIdentity() {
        s.ok("""
                let sh = [1]
                let shared_back = await (submit ident({"p": sh, "q": sh}) to pool)
                shared_back["p"].append(2)
                print(shared_back)
                """);
        assertEquals("{'p': [1, 2], 'q': [1, 2]}\n", s.takeStdout());
    }

    // Regression: a function at line 1, column 1 shared its key with the top-level code, and the
    // worker ran the script's top level (a zero-argument init did so recursively: a storm of JVMs).
    @Test void aFunctionAtLine1Column1IsNotTheTopLevel() {
        s.ok("fn at_origin(x) { return x * 2 }");
        s.ok("print(await (submit at_origin(21) to pool))");
        assertEquals("42\n", s.takeStdout());
    }

    // ------------------------------------------------------------------ portability

    private static final String SITE = "\\(pool_test-\\d+\\.skein:\\d+(:\\d+)?\\)";

    @Test void aLambdaCapturingALockIsRejectedWithItsPath() {
        s.ok("fn grabber() { let lk = lock()\n return fn() => lk }");
        String callee = portabilityMessage("let grab = grabber()", "submit grab() to pool");
        assertTrue(callee.matches("the function → captured by <lambda>: a lock cannot cross a process boundary " + SITE), callee);
        String arg = portabilityMessage("submit ident(grabber()) to pool");
        assertTrue(arg.matches("argument 1 → captured by <lambda>: a lock cannot cross a process boundary " + SITE), arg);
        // a lock the lambda reads as a module global is named as a global
        String global = portabilityMessage("let lk_global = lock()", "submit (fn() => lk_global)() to pool");
        assertTrue(global.matches("global 'lk_global': a lock cannot cross a process boundary " + SITE), global);
    }

    @Test void aFutureInsideADictInsideArgument2IsRejectedWithItsPath() {
        String m = portabilityMessage("let fut = submit pid() to pool", "submit pair(1, {\"f\": fut}) to pool");
        assertTrue(m.matches("argument 2 → \"f\": a future cannot cross a process boundary " + SITE), m);
    }

    @Test void aDeepPathNamesEveryStep() {
        String m = portabilityMessage("submit ident({\"a\": [0, 1, {\"conn\": lock()}]}) to pool");
        assertTrue(m.matches("argument 1 → \"a\" → \\[2\\] → \"conn\": a lock cannot cross a process boundary " + SITE), m);
    }

    @Test void aPoolAsAGlobalTheTaskReadsIsRejected() {
        String m = portabilityMessage("fn pool_size(x) { return pool.size + x }\nsubmit pool_size(1) to pool");
        assertTrue(m.matches("global 'pool': a pool cannot cross a process boundary " + SITE), m);
    }

    @Test void aResultThatIsNotPortableFailsInTheWorker() {
        SkeinError e = s.run("await (submit make_lock() to pool)");
        assertNotNull(e);
        assertSame(ErrorKind.PORTABILITY, e.kind());
        assertEquals("the task's result: a lock cannot cross a process boundary (in the worker)", e.value().message());
    }

    @Test void mapChecksEveryItem() {
        SkeinError e = s.run("for r in map ident over [1, lock()] to pool chunk 2 { print(r) }");
        assertNotNull(e);
        assertSame(ErrorKind.PORTABILITY, e.kind());
        assertTrue(e.value().message().contains("a lock cannot cross a process boundary"), e.value().message());
    }

    // ------------------------------------------------------------------ errors and output

    @Test void errorsKeepTheirKindAndTheWorkersFrames() {
        s.ok("""
                try { await (submit outer(3) to pool) } catch ValueError as e {
                    print(e.kind, e.message)
                    for t in e.trace { print(t) }
                }
                """);
        List<String> lines = s.takeStdout().lines().toList();
        assertEquals("ValueError bad 3", lines.get(0));
        assertTrue(lines.get(1).matches("pool_test-1\\.skein:10:\\d+ in boom"), lines.get(1));
        assertTrue(lines.get(2).matches("pool_test-1\\.skein:11:\\d+ in outer"), lines.get(2));
        assertTrue(lines.get(lines.size() - 1).matches("pool_test-\\d+\\.skein:1:\\d+ in <main>"), lines.toString());
    }

    @Test void printFromTasksReachesStdoutAsWholeLines() {
        s.ok("let printed = await [submit shout('a', 300) to pool, submit shout('b', 300) to pool]");
        List<String> lines = s.takeStdout().lines().toList();
        assertEquals(600, lines.size());
        int nextA = 0, nextB = 0;
        for (String line : lines) {
            if (line.equals("a".repeat(60) + " " + nextA)) nextA++;
            else if (line.equals("b".repeat(60) + " " + nextB)) nextB++;
            else fail("a line that is not whole or out of order: [" + line + "]");
        }
        assertEquals(300, nextA);
        assertEquals(300, nextB);
    }

    // ------------------------------------------------------------------ crashes, kill -9, timeout, cancel

    // Regression: with a directory on the class path, the workers' CDS dump at exit failed and
    // turned every exit status into 1.
    @Test void aTaskExitingTheWorkerGivesWorkerCrashedErrorWithItsExitCode() {
        s.ok("""
                try { await (submit quit(3) to pool) } catch WorkerCrashedError as e { print(e.message) }
                """);
        String m = s.takeStdout();
        assertTrue(m.contains("quit") && m.contains("[3]"), "names the function and its input: " + m);
        assertPoolStillWorks();
        assertTrue(m.contains("exit code 3"), m);
    }

    @Test void killMinus9OfAWorkerGivesWorkerCrashedError() {
        s.ok("let doomed = submit announce_and_nap('doomed', 60) to pool");
        long pid = awaitAnnounced("doomed");
        assertTrue(s.workerPids("pool").contains(pid));
        Processes.kill9(pid);
        s.ok("try { await doomed } catch WorkerCrashedError as e { print(e.message) }");
        String m = s.takeStdout();
        assertTrue(m.contains("signal 9") || m.contains("exit code 137"), m);
        assertTrue(m.contains("worker process " + pid), m);
        assertTrue(m.contains("announce_and_nap"), m);
        assertPoolStillWorks();
        assertFalse(s.workerPids("pool").contains(pid));
    }

    @Test void aTimeoutKillsTheWorkerAndTheNextTaskRuns() {
        List<Long> before = new ArrayList<>(s.workerPids("pool"));
        long t0 = System.nanoTime();
        s.ok("try { await (submit nap(60) to pool timeout 0.5) } catch TimeoutError as e { print(e.message) }");
        assertTrue(System.nanoTime() - t0 < Duration.ofSeconds(20).toNanos(), "the timeout did not wait for the task");
        String m = s.takeStdout();
        assertTrue(m.contains("took longer than its timeout of 0.5 s; its worker was stopped"), m);
        assertPoolStillWorks();
        List<Long> gone = new ArrayList<>(before);
        gone.removeAll(s.workerPids("pool"));
        assertEquals(1, gone.size(), "exactly the timed-out task's worker was replaced");
        assertEquals(List.of(), Processes.awaitGone(gone, Duration.ofSeconds(3)));
    }

    @Test void cancellingARunningTaskKillsItsWorker() {
        s.ok("let victim = submit announce_and_nap('victim', 60) to pool");
        long pid = awaitAnnounced("victim");
        long t0 = System.nanoTime();
        s.ok("""
                print(victim.cancel())
                try { await victim } catch CancelledError as e { print("cancelled") }
                print(victim.cancelled())
                """);
        assertTrue(System.nanoTime() - t0 < Duration.ofSeconds(20).toNanos());
        assertEquals("true\ncancelled\ntrue\n", s.takeStdout().replaceAll("(?m)^victim=\\d+\n", ""));
        assertEquals(List.of(), Processes.awaitGone(List.of(pid), Duration.ofSeconds(3)), "the cancelled task's worker is gone");
        assertPoolStillWorks();
    }
}
