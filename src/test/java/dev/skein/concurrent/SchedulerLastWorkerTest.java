package dev.skein.concurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skein.runtime.ErrorKind;
import dev.skein.runtime.Interpreter;
import dev.skein.runtime.ThreadState;
import dev.skein.stdlib.Stdlib;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The last workers of a remote pool die at the same moment and no new one can be started (every
 * cluster member was killed): every task still pending fails with the pool's reason in bounded
 * time. The timeline hook that {@link Scheduler#died} calls between taking the dead worker's task
 * and retrying it holds one death there while the other breaks the pool — the interleaving that
 * once left a retried task in the queue of a broken pool, its await hanging for ever.
 */
@Timeout(60)
class SchedulerLastWorkerTest {
    private final Interpreter interp = Stdlib.install(Interpreter.builder()).build();

    /** A worker elsewhere: it takes tasks and never answers; the test reports its death. */
    private static final class Remote implements Worker {
        final List<Task> running = new CopyOnWriteArrayList<>();
        final String name;

        Remote(String name) { this.name = name; }

        @Override public void run(Task task) { running.add(task); }

        @Override public void retire() {}

        @Override public String describe() { return name; }
    }

    /** Starts {@code workers} once (the pool's first staffing), then cannot start any: no member is left. */
    private static final class LastMembers implements Transport {
        final List<Remote> workers;
        volatile WorkerEvents events;
        private int started;

        LastMembers(List<Remote> workers) { this.workers = workers; }

        @Override public Worker start(WorkerEvents ev) throws IOException {
            events = ev;
            if (started == workers.size()) throw new IOException("no member of cluster 'test' is left to run tasks");
            return workers.get(started++);
        }

        @Override public boolean inProcess() { return false; }

        @Override public boolean startsEagerly() { return true; }
    }

    /** A timeline that holds the death of {@code held} (reported from another thread) until released. */
    private static final class HoldingTrace implements TaskTrace {
        final Worker held;
        final CountDownLatch inWindow = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        HoldingTrace(Worker held) { this.held = held; }

        @Override public void instant(String name, Future f, Pool pool, Worker w, String detail) {
            if (w != held || !name.equals("worker died")) return;
            inWindow.countDown();
            try {
                release.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override public void submitted(Future f, long startNanos) {}

        @Override public void started(Future f) {}

        @Override public void finishing(Future f, String outcome) {}

        @Override public void sent(Future f, Pool pool, Worker w) {}

        @Override public void ranElsewhere(Future f, Pool pool, Worker w, long startEpochNanos, long endEpochNanos, String outcome) {}

        @Override public void awaited(Future f, long startNanos, boolean done) {}
    }

    @Test void tasksOfTheLastWorkersFailWhenTheyDieTogetherAndNoneCanBeStarted() throws Exception {
        Remote a = new Remote("worker 1 on cluster member 127.0.0.1:5801");
        Remote b = new Remote("worker 2 on cluster member 127.0.0.1:5802");
        LastMembers transport = new LastMembers(List.of(a, b));
        PoolRegistry reg = PoolRegistry.of(interp);
        HoldingTrace trace = new HoldingTrace(a);
        reg.trace(trace);
        Pool pool = new Pool(reg, "cluster", 2, transport, 2);
        ThreadState ts = new ThreadState(interp);
        Object abs = interp.builtins().get("abs");
        Future onA = pool.submit(ts, abs, new Object[] {-1L}, null, null, "test");
        Future onB = pool.submit(ts, abs, new Object[] {-2L}, null, null, "test");
        Future queued = pool.submit(ts, abs, new Object[] {-3L}, null, null, "test");
        assertEquals(1, a.running.size(), "each worker runs one task");
        assertEquals(1, b.running.size(), "each worker runs one task");

        // a's death stops inside the scheduler (after taking its task, before retrying it)...
        Thread deathOfA = Thread.ofPlatform().name("death-of-a").start(() -> transport.events.died(a, false));
        assertTrue(trace.inWindow.await(20, TimeUnit.SECONDS), "a's death reached the timeline");
        // ...while b's death finds no worker left and none that can start: the pool breaks.
        transport.events.died(b, false);
        trace.release.countDown();
        deathOfA.join(20_000);

        ThreadState waiter = new ThreadState(interp);
        for (Future f : List.of(onA, onB, queued)) {
            assertTrue(Waiting.awaitDone(waiter, f, 10.0), f.describe() + " never ended: " + f.stateName());
            assertEquals("failed", f.stateName());
            assertEquals(ErrorKind.WORKER_CRASHED, f.errorValue().kind(), f.errorValue().headline());
            assertTrue(f.errorValue().headline().contains("no member of cluster 'test' is left"), f.errorValue().headline());
        }
        reg.trace(null);
        pool.shutdown(waiter, false, true);
    }
}
