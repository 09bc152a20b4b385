package dev.skein.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skein.process.ScriptSession;
import dev.skein.runtime.ErrorKind;
import dev.skein.runtime.SkeinError;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cluster("t", members=3)}: three real Hazelcast members on loopback inside the test's
 * JVM, started once for the class, running every pool construct with the meaning it has on
 * {@code processes(n)}.
 */
@Timeout(120)
class ClusterPoolTest {
    private static ScriptSession s;

    @BeforeAll static void startCluster() {
        s = new ScriptSession("cluster_test", ClusterPools::install);
        s.ok("""
                import time
                fn ident(x) { return x }
                fn sq(x) { return x * x }
                fn size(b) { return len(b) }
                fn nap(sec) { time.sleep(sec); return sec }
                fn spin() { while true { } }
                fn boom(x) { throw ValueError(f"bad {x}") }
                fn outer(x) { return boom(x) + 1 }
                fn shout(tag, n) {
                    for i in range(n) { print(f"{tag * 40} {i}") }
                    return n
                }
                let c = cluster("t", members=3, threads_per_member=2)
                """);
        s.ok("let warm = await [submit sq(i) to c for i in range(6)]");
    }

    @AfterAll static void close() { s.close(); }

    @BeforeEach void clear() {
        s.takeStdout();
        s.takeStderr();
    }

    @Test void submitAndAwaitCarryValuesBothWays() {
        s.ok("""
                let sent = [none, true, -(2 ** 100), 1.5, "s ✓", b"\\x00b", {"k": {1, 2}}, range(3), [[]]]
                print(await (submit ident(sent) to c) == sent)
                print(await [submit sq(i) to c for i in range(5)])
                """);
        assertEquals("true\n[0, 1, 4, 9, 16]\n", s.takeStdout());
    }

    @Test void mapKeepsOrderWithAndWithoutChunksAndUnordered() {
        s.ok("""
                let want = [i * i for i in range(200)]
                print(list(map sq over range(200) to c) == want)
                print(list(map sq over range(200) to c chunk 7) == want)
                print(list(map sq over range(200) to c chunk 1) == want)
                print(sorted(list(map sq over range(200) to c chunk 9 unordered)) == want)
                print(list(c.map(sq, range(10), chunk=3)))
                """);
        assertEquals("true\ntrue\ntrue\ntrue\n[0, 1, 4, 9, 16, 25, 36, 49, 64, 81]\n", s.takeStdout());
    }

    @Test void tenThousandTasks() {
        ok("""
                print(sum(map sq over range(10000) to c chunk 1) == sum([i * i for i in range(10000)]))
                let fs = [submit sq(i) to c for i in range(2000)]
                print(sum(await fs) == sum([i * i for i in range(2000)]))
                """, Duration.ofSeconds(100));
        assertEquals("true\ntrue\n", s.takeStdout());
    }

    private static void ok(String code, Duration limit) {
        SkeinError e = s.run(code, limit);
        if (e != null) throw new AssertionError(e.value().headline() + "\n" + e.value().trace());
    }

    @Test void aSixteenMegabyteArgumentCrossesAndComesBack() {
        s.ok("""
                let big = b"x" * (16 * 1024 * 1024)
                print(await (submit size(big) to c))
                print(await (submit ident(big) to c) == big)
                """);
        assertEquals("16777216\ntrue\n", s.takeStdout());
    }

    @Test void anErrorComesBackWithTheMembersFrames() {
        SkeinError e = s.run("await (submit outer(3) to c)");
        assertNotNull(e);
        assertSame(ErrorKind.VALUE, e.kind());
        assertEquals("bad 3", e.value().message());
        String trace = e.value().trace().toString();
        assertTrue(trace.contains("in boom") && trace.contains("in outer"), trace);
        s.ok("try { list(map boom over [1, 2] to c chunk 2) } catch ValueError as e { print(e.message) }");
        assertEquals("bad 1\n", s.takeStdout());
    }

    @Test void portabilityErrorsAreRaisedAtTheSubmitSite() {
        SkeinError e = s.run("submit ident(lock()) to c");
        assertNotNull(e);
        assertSame(ErrorKind.PORTABILITY, e.kind(), e.value().headline());
        assertTrue(e.value().message().contains("a lock cannot cross a process boundary"), e.value().message());
    }

    @Test void printsReachTheSubmittersStdoutInWholeLines() {
        s.ok("print(await (submit shout('ab', 3) to c))");
        String out = s.takeStdout();
        String line = "ab".repeat(40);
        assertEquals(line + " 0\n" + line + " 1\n" + line + " 2\n3\n", out);
    }

    @Test void completedAndWaitSeeTasksFinish() {
        s.ok("""
                let fs = [submit nap(0.6 - i * 0.25) to c for i in range(3)]
                print([fs.index(f) for f in completed(fs)])
                let slow = submit nap(5) to c
                let done, pending = wait([slow, submit sq(3) to c], return_when = "first_completed")
                print(len(done), len(pending), done[0].result())
                slow.cancel()
                """);
        assertEquals("[2, 1, 0]\n1 1 9\n", s.takeStdout());
    }

    @Test void aTimeoutStopsTheTaskOnTheMemberAndThePoolGoesOn() {
        long t0 = System.nanoTime();
        SkeinError e = s.run("await (submit spin() to c timeout 0.5)");
        assertNotNull(e);
        assertSame(ErrorKind.TIMEOUT, e.kind(), e.value().headline());
        assertTrue(System.nanoTime() - t0 < Duration.ofSeconds(20).toNanos());
        s.ok("print(await (submit sq(12) to c))");
        assertEquals("144\n", s.takeStdout());
    }

    @Test void cancelStopsARunningTask() {
        s.ok("""
                let f = submit spin() to c
                time.sleep(0.3)
                print(f.cancel())
                try { await f } catch CancelledError as e { print("cancelled") }
                print(await (submit sq(5) to c))
                """);
        assertEquals("true\ncancelled\n25\n", s.takeStdout());
    }

    /** What Ctrl-C does (ScriptRun calls cancelAll): running tasks stop on the members, which stay up. */
    @Test void cancellingEverythingStopsTasksOnTheMembersAndThePoolGoesOn() {
        s.ok("let spinning = [submit spin() to c for i in range(4)]\ntime.sleep(0.5)");
        dev.skein.concurrent.PoolRegistry.of(s.interp).cancelAll();
        s.ok("""
                for f in spinning { try { await f } catch CancelledError as e { print("cancelled") } }
                print(await [submit sq(i) to c for i in range(6)])
                """);
        assertEquals("cancelled\n".repeat(4) + "[0, 1, 4, 9, 16, 25]\n", s.takeStdout());
    }

    @Test void withClosesItsOwnCluster() {
        s.ok("""
                with cluster("w", members=1, threads_per_member=1) as w {
                    print(await (submit sq(9) to w))
                    print(list(map sq over [1, 2, 3] to w))
                }
                """);
        assertEquals("81\n[1, 4, 9]\n", s.takeStdout());
    }

    /** Tasks sent behind a running one: each result comes back when it is ready, not with the rest of what was sent. */
    @Test void aResultComesBackWhileItsWorkerRunsTheTasksSentBehindIt() {
        ok("""
                with cluster("one", members=1, threads_per_member=1) as one {
                    let first = submit nap(1) to one
                    let second = submit ident(2) to one
                    let third = submit nap(3) to one
                    print(await second, first.done(), third.done())
                }
                """, Duration.ofSeconds(60));
        assertEquals("2 true false\n", s.takeStdout());
    }

    /** A task waiting on the member behind one that is cancelled does not run there: it runs once, on a new worker. */
    @Test void aTaskSentBehindACancelledOneRunsOnce(@TempDir Path dir) {
        String marks = dir.resolve("marks.txt").toString().replace("\\", "/");
        ok("""
                import fs
                fn mark(p) { fs.append_text(p, "ran\\n"); return 1 }
                fn loud_nap() { print("napping"); time.sleep(60) }
                with cluster("stop", members=1, threads_per_member=1) as one {
                    await (submit ident(0) to one)
                    let a = submit loud_nap() to one
                    let b = submit mark("%s") to one
                    time.sleep(2)
                    a.cancel()
                    print(await b)
                }
                print(fs.read_text("%s"))
                """.formatted(marks, marks), Duration.ofSeconds(60));
        assertEquals("napping\n1\nran\n\n", s.takeStdout());
    }

    @Test void badArgumentsAreSkeinErrors() {
        assertSame(ErrorKind.VALUE, s.run("cluster(\"x\")").kind());
        assertSame(ErrorKind.VALUE, s.run("cluster(\"x\", join=[\"nohost\"])").kind());
        assertSame(ErrorKind.VALUE, s.run("cluster(\"x\", join=[\"127.0.0.1:1\"], members=2)").kind());
        assertSame(ErrorKind.TYPE, s.run("cluster(3, members=1)").kind());
    }
}
