package dev.skein.concurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skein.runtime.ErrorKind;
import dev.skein.runtime.Interpreter;
import dev.skein.runtime.ThreadState;
import dev.skein.stdlib.Stdlib;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A transport whose workers are far away (a window of 3): a busy worker is sent the next tasks,
 * which run in turn, once tasks of that function are known to be short; a cancelled one that
 * waits there ends at once; those that wait behind a task whose worker dies go to another worker
 * without spending a retry. Nothing waits behind a task expected to be long (see WindowBudget).
 */
@Timeout(60)
class SchedulerWindowTest {
    private final Interpreter interp = Stdlib.install(Interpreter.builder()).build();

    private static final class Far implements Worker {
        final List<Task> sent = new CopyOnWriteArrayList<>();
        boolean stopped;

        @Override public void run(Task task) { sent.add(task); }

        @Override public void stop(Task task) { stopped = true; }

        @Override public void retire() {}
    }

    private static final class Windowed implements Transport {
        final List<Far> started = new ArrayList<>();
        volatile WorkerEvents events;
        /** Long enough that no stall of a loaded machine makes a task here count as long, unless a test waits it out. */
        final long budgetNanos;

        Windowed(long budgetNanos) { this.budgetNanos = budgetNanos; }

        @Override public long windowBudgetNanos() { return budgetNanos; }

        @Override public Worker start(WorkerEvents ev) {
            events = ev;
            Far w = new Far();
            started.add(w);
            return w;
        }

        @Override public boolean inProcess() { return false; }

        @Override public boolean startsEagerly() { return true; }

        @Override public int window() { return 3; }
    }

    @Test void aBusyWorkerIsSentTasksUpToItsWindowAndGivesBackThoseItNeverRan() {
        Windowed transport = new Windowed(TimeUnit.HOURS.toNanos(1));
        Pool pool = new Pool(PoolRegistry.of(interp), "far", 1, transport, 0);
        ThreadState ts = new ThreadState(interp);
        Object abs = interp.builtins().get("abs");
        List<Future> fs = new ArrayList<>();
        for (long i = 1; i <= 4; i++) fs.add(pool.submit(ts, abs, new Object[] {-i}, null, null, "test"));
        Far first = transport.started.get(0);
        assertEquals(1, first.sent.size(), "how long abs takes is not known yet: nothing waits behind it");
        assertEquals("pending", fs.get(1).stateName());

        transport.events.finished(first, first.sent.get(0), 1L, null, false);
        assertEquals("done", fs.get(0).stateName());
        assertEquals(4, first.sent.size(), "abs is short: the one it runs and two behind it");

        fs.get(2).cancel();   // waits behind the running task: cancelled now, its worker left alone
        assertEquals("cancelled", fs.get(2).stateName());
        assertFalse(first.stopped);

        transport.events.died(first, false);   // task 2 was running; 3 and 4 never started there
        ThreadState waiter = new ThreadState(interp);
        assertTrue(Waiting.awaitDone(waiter, fs.get(1), 10.0));
        assertEquals(ErrorKind.WORKER_CRASHED, fs.get(1).errorValue().kind(), "no retries: the running task fails");
        Far second = transport.started.get(1);
        assertEquals(1, second.sent.size(), "only task 4 goes again, without a retry");
        assertEquals(fs.get(3), second.sent.get(0).future());
        transport.events.finished(second, second.sent.get(0), 4L, null, false);
        assertEquals("done", fs.get(3).stateName());
        pool.shutdown(waiter, false, true);
    }

    @Test void aTaskExpectedToTakeLongIsSentOnlyToAWorkerThatIsFree() throws InterruptedException {
        Windowed transport = new Windowed(TimeUnit.SECONDS.toNanos(1));
        Pool pool = new Pool(PoolRegistry.of(interp), "far", 1, transport, 0);
        ThreadState ts = new ThreadState(interp);
        Object abs = interp.builtins().get("abs");
        List<Future> fs = new ArrayList<>();
        fs.add(pool.submit(ts, abs, new Object[] {-1L}, null, null, "test"));
        Far w = transport.started.get(0);
        // Well past the budget: the next abs is expected to take 2.5 s, and still has more than
        // the budget left however long this thread stalls (up to 1.5 s) before it submits the third.
        Thread.sleep(TimeUnit.NANOSECONDS.toMillis(transport.budgetNanos) * 5 / 2);
        transport.events.finished(w, w.sent.get(0), 1L, null, false);   // abs took longer than the budget
        for (long i = 2; i <= 3; i++) fs.add(pool.submit(ts, abs, new Object[] {-i}, null, null, "test"));
        assertEquals(2, w.sent.size(), "the second runs; the third waits in the pool's queue, not behind it");
        assertEquals("pending", fs.get(2).stateName());

        transport.events.finished(w, w.sent.get(1), 2L, null, false);   // at once: abs is short now
        assertEquals(3, w.sent.size());
        for (long i = 4; i <= 6; i++) fs.add(pool.submit(ts, abs, new Object[] {-i}, null, null, "test"));
        assertEquals(5, w.sent.size(), "short again: two wait behind the third");
        for (int i = 2; i < 6; i++) transport.events.finished(w, w.sent.get(i), (long) i + 1, null, false);
        for (int i = 0; i < 6; i++) assertEquals((long) i + 1, fs.get(i).outcome());
        pool.shutdown(new ThreadState(interp), false, true);
    }

    /** How long a task took is what its worker says (TIMING), not the round trip, which a loaded machine can make longer than the budget. */
    @Test void aShortTaskBehindALongRoundTripStillFillsTheWindow() throws InterruptedException {
        Windowed transport = new Windowed(TimeUnit.SECONDS.toNanos(1));
        Pool pool = new Pool(PoolRegistry.of(interp), "far", 1, transport, 0);
        ThreadState ts = new ThreadState(interp);
        Object abs = interp.builtins().get("abs");
        Future first = pool.submit(ts, abs, new Object[] {-1L}, null, null, "test");
        Far w = transport.started.get(0);
        Thread.sleep(1500);   // the result comes back late...
        w.sent.get(0).ranAt(1_000_000L, 1_050_000L);   // ...but the worker ran it in 50 µs
        transport.events.finished(w, w.sent.get(0), 1L, null, false);
        assertEquals(1L, first.outcome());
        for (long i = 2; i <= 4; i++) pool.submit(ts, abs, new Object[] {-i}, null, null, "test");
        assertEquals(4, w.sent.size(), "the one it runs and two behind it");
        pool.shutdown(new ThreadState(interp), false, true);
    }

    /** A running chunk counts for what its reported items say is left of it: the next is sent as it nears its end. */
    @Test void theNextChunkIsSentBehindARunningOneAsItNearsItsEnd() throws InterruptedException {
        Windowed transport = new Windowed(TimeUnit.SECONDS.toNanos(1));
        Pool pool = new Pool(PoolRegistry.of(interp), "far", 1, transport, 0);
        ThreadState ts = new ThreadState(interp);
        Object abs = interp.builtins().get("abs");
        List<Object[]> ten = new ArrayList<>();
        for (long i = 0; i < 10; i++) ten.add(new Object[] {-i});
        Future a = pool.submitBatch(ts, abs, ten, 0, null, "test");
        Future b = pool.submitBatch(ts, abs, ten, 10, null, "test");
        Far w = transport.started.get(0);
        assertEquals(1, w.sent.size(), "how long a chunk of abs takes is not known yet");
        Task running = w.sent.get(0);
        Thread.sleep(300);
        transport.events.items(w, running, 0, outcomes(1));   // 300+ ms an item: 2.7+ s left
        assertEquals(1, w.sent.size());
        transport.events.items(w, running, 1, outcomes(8));   // one item left, at most a ninth of the time so far
        assertEquals(2, w.sent.size(), "near its end: the next chunk waits behind it");
        assertEquals(b, w.sent.get(1).future());
        transport.events.finished(w, running, null, null, false);
        assertEquals("done", a.stateName());
        assertEquals("running", b.stateName());
        pool.shutdown(new ThreadState(interp), false, true);
    }

    private static MapIterator.ItemOutcome[] outcomes(int n) {
        MapIterator.ItemOutcome[] out = new MapIterator.ItemOutcome[n];
        for (int i = 0; i < n; i++) out[i] = new MapIterator.ItemOutcome((long) i, null);
        return out;
    }
}
