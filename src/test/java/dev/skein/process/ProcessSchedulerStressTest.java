package dev.skein.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skein.runtime.SkeinDict;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The scheduler over worker processes under churn: tasks that crash their worker, cancels of
 * queued and running tasks (which end their worker), workers retired by max_tasks, all at once.
 * Every task ends, the counts add up, and the pool still has at most its size of workers.
 */
class ProcessSchedulerStressTest {
    private ScriptSession s;

    @BeforeEach void open() { s = new ScriptSession("process-stress"); }

    @AfterEach void close() { s.close(); }

    @Test void crashesCancelsAndRetirementsTogether() {
        s.ok("""
                import os
                import time
                fn work(i) {
                    if i % 7 == 3 { os.exit(3) }
                    time.sleep(0.01)
                    return i * i
                }
                let pool = processes(2, max_tasks = 3)
                let fs = [submit work(i) to pool for i in range(30)]
                for i, f in enumerate(fs) { if i % 5 == 1 { f.cancel() } }
                let ends = {"done": 0, "failed": 0, "cancelled": 0}
                for f in fs {
                    try { await f timeout 30; ends["done"] += 1 }
                    catch WorkerCrashedError as e { ends["failed"] += 1 }
                    catch CancelledError as e { ends["cancelled"] += 1 }
                }
                let stats = pool.stats()
                """);
        SkeinDict ends = (SkeinDict) s.global("ends");
        SkeinDict stats = (SkeinDict) s.global("stats");
        long done = (Long) ends.get("done"), failed = (Long) ends.get("failed"), cancelled = (Long) ends.get("cancelled");
        assertEquals(30, done + failed + cancelled, ends.toString());
        assertTrue(cancelled >= 1 && failed >= 1 && done >= 1, ends.toString());
        assertEquals(30L, stats.get("submitted"));
        assertEquals(30L, (Long) stats.get("completed") + (Long) stats.get("failed") + (Long) stats.get("cancelled"), stats.toString());
        assertTrue(s.workerPids("pool").size() <= 2, "at most the pool's size of workers: " + s.workerPids("pool"));
    }
}
