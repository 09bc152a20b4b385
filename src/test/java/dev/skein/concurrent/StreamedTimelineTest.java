package dev.skein.concurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skein.runtime.Builtin;
import dev.skein.runtime.Interpreter;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A trace file is streamed from the buffers, the joins between a task's submit, runs and
 * awaits recorded with the events themselves: whatever the tasks' fates (run here, run in a
 * worker process and retried, cancelled, submitted before recording began, run in an earlier
 * timeline, awaited after a timeout), it is byte for byte the file that joining every event in
 * memory, as the writer did before it streamed, makes.
 */
class StreamedTimelineTest {
    private final Interpreter interp = Interpreter.builder().build();
    private final Pool pool = new Pool(PoolRegistry.of(interp), "threads", 2, new ThreadTransport(interp, "threads"));
    private final ExecutorService runners = Executors.newFixedThreadPool(2);
    private final Worker[] workers = {new Elsewhere("worker process 1"), new Elsewhere("worker process 2")};

    private record Elsewhere(String describe) implements Worker {
        @Override public void run(Task task) {}
        @Override public void retire() {}
    }

    @AfterEach void close() {
        runners.shutdownNow();
        pool.shutdown(null, false, true);
    }

    private Future task(long id, Object... args) {
        return new Future(pool, new Builtin("f" + id % 3, "", (ts, a) -> null), args, null, 0, "s.skein:" + id % 4 + ":1", id, null, System.nanoTime());
    }

    private void runHere(Timeline t, Future f) {
        f.tryClaim(null);
        t.started(f);
        t.finishing(f, "done");
    }

    @Test void theStreamedFileIsTheOneEveryEventJoinedInMemoryMakes() throws Exception {
        Timeline earlier = new Timeline("earlier");
        Future ranEarlier = task(1, 1L);
        runners.submit(() -> runHere(earlier, ranEarlier)).get();
        Timeline t = new Timeline("test");
        Random r = new Random(7);
        List<Boolean> awaitsDone = new ArrayList<>();   // the main thread's awaits, in order: did each get its task done?
        long id = 1;
        for (int round = 0; round < 4; round++) {
            List<Future> fs = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                Future f = task(++id, (long) i, "s" + i, 0.5);
                if (r.nextInt(10) != 0) t.submitted(f, f.submittedNanos());   // else: submitted before recording began
                fs.add(f);
            }
            List<java.util.concurrent.Future<?>> runs = new ArrayList<>();
            for (Future f : fs) {
                int fate = r.nextInt(10);
                if (fate < 6) {
                    runs.add(runners.submit(() -> runHere(t, f)));
                } else if (fate < 8) {
                    Worker w = workers[0];
                    t.sent(f, pool, w);
                    if (fate == 7) {   // its worker dies; the retry runs on the other
                        long start = TraceClock.now();
                        t.ranElsewhere(f, pool, w, start, TraceClock.now() + 1, "worker died");
                        t.instant("retry", f, pool, w, "retried");
                        w = workers[1];
                        t.sent(f, pool, w);
                    }
                    long start = TraceClock.now();
                    t.ranElsewhere(f, pool, w, start, TraceClock.now() + 1, "done");
                } else if (fate == 8) {
                    t.instant("cancel", f, pool, null, "cancelled before it ran");
                }   // else not run while recording
            }
            for (java.util.concurrent.Future<?> run : runs) run.get();
            for (Future f : fs) {
                switch (r.nextInt(4)) {
                    case 0 -> t.awaitedDone(f);
                    case 1 -> t.awaited(f, System.nanoTime(), true);
                    case 2 -> {
                        t.awaited(f, System.nanoTime(), false);
                        awaitsDone.add(false);
                        t.awaitedDone(f);
                    }
                    default -> { continue; }
                }
                awaitsDone.add(true);
            }
        }
        t.awaitedDone(ranEarlier);
        awaitsDone.add(true);

        StringWriter streamed = new StringWriter();
        int events = t.write(streamed);
        assertEquals(joinedInMemory(t, awaitsDone), streamed.toString());
        assertTrue(events > 4 * 300 * 2, events + " events");
        assertTrue(streamed.toString().contains("\"ph\":\"f\""), "arrows were drawn");
    }

    /** The file as the writer made it before it streamed: every event in a list, joined through maps of every task. */
    private static String joinedInMemory(Timeline t, List<Boolean> awaitsDone) throws IOException {
        List<TraceEvent> all = new ArrayList<>();
        t.eachEvent(all::add);
        Set<Long> submitted = new HashSet<>();
        Map<Long, TraceEvent.Run> firstRuns = new HashMap<>(), lastRuns = new HashMap<>();
        for (TraceEvent e : all) {
            if (e instanceof TraceEvent.Submit s) submitted.add(s.task().id());
            if (e instanceof TraceEvent.Run r) {
                firstRuns.merge(r.task().id(), r, (a, b) -> a.start() <= b.start() ? a : b);
                lastRuns.merge(r.task().id(), r, (a, b) -> b.end() >= a.end() ? b : a);
            }
        }
        StringWriter out = new StringWriter();
        TraceJson json = new TraceJson(t.startEpoch(), out);
        json.begin(t.groups(), t.tracks());
        Iterator<Boolean> done = awaitsDone.iterator();
        for (TraceEvent e : all) {
            switch (e) {
                case TraceEvent.Submit s -> json.submit(s, firstRuns.containsKey(s.task().id()));
                case TraceEvent.Run r -> {
                    boolean wasSubmitted = submitted.contains(r.task().id());
                    json.run(r, wasSubmitted, wasSubmitted && firstRuns.get(r.task().id()) == r);
                }
                case TraceEvent.Await a -> {
                    TraceEvent.Run ran = done.next() ? lastRuns.get(a.task().id()) : null;
                    json.await(new TraceEvent.Await(a.track(), a.task(), a.start(), a.end(), ran != null, ran == null ? null : ran.track(), ran == null ? 0 : ran.end()));
                }
                case TraceEvent.Instant i -> json.instant(i);
            }
        }
        json.end();
        assertFalse(done.hasNext(), "every await was recorded");
        return out.toString();
    }
}
