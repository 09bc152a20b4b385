package dev.skein.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skein.concurrent.Future;
import dev.skein.concurrent.Pool;
import dev.skein.concurrent.Waiting;
import dev.skein.runtime.ErrorKind;
import dev.skein.runtime.SkeinError;
import dev.skein.runtime.ThreadState;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A pool whose replacement worker cannot be started at all (the OS refuses the process) must not
 * leave its queued tasks waiting for a worker that will never come: they fail with
 * WorkerCrashedError naming the reason, and so do later submits (CPython:
 * test_failed_worker_replacement_breaks_pool). Nor may a worker that never becomes ready.
 */
class ProcessPoolStaffingTest {
    private ScriptSession s;
    private ThreadState ts;

    @BeforeEach void open() {
        s = new ScriptSession("staffing");
        ts = new ThreadState(s.interp);
    }

    @AfterEach void close() { s.close(); }

    /** Starts real workers {@code real} times, then fails as the OS would. */
    private static ProcessTransport.WorkerStarter failingAfter(int real, AtomicInteger attempts) {
        return (config, useCache) -> {
            if (attempts.incrementAndGet() > real) throw new IOException("Cannot run program \"java\": error=11, Resource temporarily unavailable");
            return WorkerProcess.start(config, useCache);
        };
    }

    private SkeinError failureOf(Future f) {
        try {
            Waiting.await(ts, f, 30.0);
            return null;
        } catch (SkeinError e) {
            return e;
        }
    }

    /** processes(1, max_tasks=1) whose one real worker retires after a task; three tasks: abs(0), abs(-1), abs(-2). */
    private Pool poolWithThreeTasks(List<Future> fs) {
        Pool pool = ProcessTransport.pool(ts, 1, 1, null, new Object[0], 0, failingAfter(1, new AtomicInteger()));
        for (int i = 0; i < 3; i++) fs.add(pool.submit(ts, abs(), new Object[] {(long) -i}, null, null, "test"));
        return pool;
    }

    private Object abs() { return s.interp.builtins().get("abs"); }

    @Test void queuedTasksFailWhenNoReplacementCanStart() {
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            List<Future> fs = new ArrayList<>();
            Pool pool = poolWithThreeTasks(fs);
            assertEquals(0L, Waiting.await(ts, fs.get(0), 30.0));   // the one real worker ran it, then retired
            for (Future f : fs.subList(1, 3)) {
                SkeinError e = failureOf(f);
                assertNotNull(e, "a task queued behind a replacement that cannot start must fail, not wait");
                assertEquals(ErrorKind.WORKER_CRASHED, e.value().kind());
                assertTrue(e.value().message().contains("cannot start a worker") && e.value().message().contains("error=11"),
                        e.value().message());
            }
            SkeinError later = failureOf(pool.submit(ts, abs(), new Object[] {-5L}, null, null, "test"));
            assertNotNull(later);
            assertEquals(ErrorKind.WORKER_CRASHED, later.value().kind());
            pool.shutdown(ts, true, false);   // returns: nothing is left waiting
        });
    }

    @Test void queuedTasksFailWhenNoReplacementCanStartAfterShutdown() {
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            List<Future> fs = new ArrayList<>();
            Pool pool = poolWithThreeTasks(fs);
            pool.shutdown(ts, true, false);
            assertEquals(0L, Waiting.await(ts, fs.get(0), 1.0));
            for (Future f : fs.subList(1, 3)) assertEquals(ErrorKind.WORKER_CRASHED, failureOf(f).value().kind());
        });
    }

    @Test void workersThatNeverBecomeReadyAreStoppedAndTheTaskFails() {
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            // A process that never says READY, as a JVM hung at start would be.
            Pool pool = ProcessTransport.pool(ts, 1, 0, null, new Object[0], 0,
                    (config, useCache) -> WorkerProcess.start(List.of("sleep", "600"), 0.3));
            SkeinError e = failureOf(pool.submit(ts, abs(), new Object[] {-1L}, null, null, "test"));
            assertNotNull(e, "a task must not wait for a worker that never becomes ready");
            assertEquals(ErrorKind.WORKER_CRASHED, e.value().kind());
            assertTrue(e.value().message().contains("not ready within 0.3 s, stopped"), e.value().message());
            pool.shutdown(ts, true, false);
        });
    }
}
