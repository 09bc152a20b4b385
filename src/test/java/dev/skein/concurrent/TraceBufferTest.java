package dev.skein.concurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skein.runtime.Builtin;
import dev.skein.runtime.Interpreter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Events are written as differences from the one before, in as few bytes as each number needs:
 * whatever the tracks, ids, times and names, and across the buffer's chunks, they read back as
 * they were recorded, and a task's three events stay a few dozen bytes.
 */
class TraceBufferTest {
    private final Interpreter interp = Interpreter.builder().build();
    private final Pool pool = new Pool(PoolRegistry.of(interp), "threads", 1, new ThreadTransport(interp, "threads"));

    @AfterEach void close() { pool.shutdown(null, false, true); }

    private Future task(String function, String site, long id, Object... args) {
        return new Future(pool, new Builtin(function, "", (ts, a) -> null), args, null, 0, site, id, null, 0);
    }

    @Test void everyEventReadsBackAsRecordedAcrossChunks() throws java.io.IOException {
        TraceBuffer b = new TraceBuffer();
        Map<Integer, TraceTrack> tracks = new HashMap<>();
        for (int t = 1; t <= 3; t++) tracks.put(t, new TraceTrack(1, t, "g", "t" + t));
        tracks.put(1 << 20, new TraceTrack(2, 1 << 20, "g", "far"));
        Random r = new Random(42);
        List<String> expected = new ArrayList<>();
        long clock = 1_700_000_000_000_000_000L;
        for (int i = 0; i < 20_000; i++) {
            int track = r.nextInt(10) == 0 ? 1 << 20 : 1 + r.nextInt(3);
            long id = r.nextInt(5) == 0 ? r.nextLong(1L << 50) : i;
            String fn = r.nextBoolean() ? "sq" : "name" + r.nextInt(4);
            Future f = task(fn, "x.skein:" + r.nextInt(3) + ":1", id, (long) r.nextInt(), -5L, 2.5);
            long start = clock + r.nextInt(1_000_000) - 500_000, end = start + r.nextInt(10_000_000);
            clock = end;
            switch (r.nextInt(4)) {
                case 0 -> {
                    b.submit(track, f, start, end);
                    expected.add("submit " + track + " " + id + " " + fn + " " + f.site() + " " + start + " " + end);
                }
                case 1 -> {
                    long queued = start - r.nextInt(1 << 30);
                    boolean first = r.nextBoolean();
                    b.run(track, f, queued, start, end, "done", first);
                    expected.add("run " + track + " " + id + " " + fn + " " + f.site() + " " + TraceArgs.format(argsOf(f), null) + " " + queued + " " + start + " " + end + " done " + first);
                }
                case 2 -> {
                    boolean done = r.nextBoolean();
                    int ranOn = done ? 1 + r.nextInt(3) : 0;
                    long ranTo = done ? start + r.nextInt(20_000_000) - 10_000_000 : 0;
                    b.await(track, f, start, end, ranOn, ranTo);
                    expected.add("await " + track + " " + id + " " + fn + " " + f.site() + " " + start + " " + end + " " + done + (done ? " from " + ranOn + " at " + ranTo : ""));
                }
                default -> {
                    boolean ofTask = r.nextBoolean();
                    b.instant(track, "retry", ofTask ? f : null, "detail " + i, start);
                    expected.add("instant " + track + " " + (ofTask ? id + " " + fn + " " + f.site() : "none") + " retry detail " + i + " " + start);
                }
            }
        }
        List<TraceEvent> out = new ArrayList<>();
        b.unpack(tracks, b.published(), true, out::add);
        List<String> got = new ArrayList<>();
        for (TraceEvent e : out) {
            got.add(switch (e) {
                case TraceEvent.Submit s -> "submit " + s.track().tid() + " " + s.task().id() + " " + s.task().function() + " " + s.task().site() + " " + s.start() + " " + s.end();
                case TraceEvent.Run x -> "run " + x.track().tid() + " " + x.task().id() + " " + x.task().function() + " " + x.task().site() + " " + x.task().args() + " " + x.queued() + " " + x.start() + " " + x.end() + " " + x.outcome() + " " + x.first();
                case TraceEvent.Await a -> "await " + a.track().tid() + " " + a.task().id() + " " + a.task().function() + " " + a.task().site() + " " + a.start() + " " + a.end() + " " + a.done()
                        + (a.done() ? " from " + a.taskTrack().tid() + " at " + a.taskEnd() : "");
                case TraceEvent.Instant n -> "instant " + n.track().tid() + " " + (n.task() == null ? "none" : n.task().id() + " " + n.task().function() + " " + n.task().site()) + " " + n.name() + " " + n.detail() + " " + n.at();
            });
        }
        assertEquals(expected.size(), got.size());
        for (int i = 0; i < got.size(); i++) assertEquals(expected.get(i), got.get(i), "event " + i);
    }

    /** The summary the submit of {@code f} shows. */
    private static long[] argsOf(Future f) {
        return new long[] {3, (Long) f.args()[0], 3, -5, 4, Double.doubleToRawLongBits(2.5)};
    }

    @Test void aTasksSubmitRunAndAwaitTakeAFewDozenBytes() throws java.io.IOException {
        TraceBuffer b = new TraceBuffer();
        long t = 1_700_000_000_000_000_000L;
        int tasks = 100_000;
        for (int i = 0; i < tasks; i++) {
            Future f = task("ident", "bench.skein:20:17", 1000 + i, (long) i);
            b.submit(1, f, t, t + 150);
            b.await(1, f, t + 400, t + 400, 2, t + 380);
            b.run(2, f, t, t + 300, t + 380, "done", true);
            t += 500;
        }
        assertTrue(b.bytes() < 30L * tasks, b.bytes() / tasks + " bytes a task");
        List<TraceEvent> out = new ArrayList<>();
        b.unpack(new HashMap<>(Map.of(1, new TraceTrack(1, 1, "g", "a"), 2, new TraceTrack(1, 2, "g", "b"))), b.published(), true, out::add);
        assertEquals(3 * tasks, out.size());
    }
}
