package dev.skein.concurrent;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Records what ran where while tracing is on, and writes it as a trace-event JSON file
 * ({@link TraceJson}) that ui.perfetto.dev and chrome://tracing open. Each platform thread
 * appends to its own buffer (a lock nobody else takes until the trace is written), so recording
 * adds no contention between workers; virtual threads, one per task, share one buffer.
 *
 * <p>Tracks come from two sources: a thread of this JVM is its own track (grouped under the pool
 * it works for, or under the script), and a worker that runs tasks elsewhere — a worker process,
 * later a cluster member — is a track named by the worker itself ({@link Worker#traceGroup},
 * {@link Worker#traceName}).
 */
public final class Timeline implements TaskTrace {
    private final long startEpoch = TraceClock.now();
    private final String scriptGroup;
    private final ThreadLocal<TraceBuffer> local = ThreadLocal.withInitial(this::newBuffer);
    private final List<TraceBuffer> buffers = new CopyOnWriteArrayList<>();
    /** Virtual threads run one task each: they share one buffer rather than make one apiece. */
    private final TraceBuffer shared = newBuffer();
    private final Map<Object, TraceTrack> tracks = new ConcurrentHashMap<>();
    private final Map<Integer, TraceTrack> tracksById = new ConcurrentHashMap<>();
    private final Map<String, Integer> groups = new ConcurrentHashMap<>();
    private final AtomicInteger nextTid = new AtomicInteger();
    private final AtomicInteger nextPid = new AtomicInteger();

    /** {@code scriptName}: how the group of the script's own threads is named ("skein script.skein"). */
    public Timeline(String scriptName) {
        this.scriptGroup = scriptName + " (pid " + ProcessHandle.current().pid() + ")";
        pid(scriptGroup);
    }

    private TraceBuffer newBuffer() {
        TraceBuffer b = new TraceBuffer();
        buffers.add(b);
        return b;
    }

    private TraceBuffer buffer() {
        return Thread.currentThread().isVirtual() ? shared : local.get();
    }

    // ------------------------------------------------------------------ tracks

    private int pid(String group) {
        return groups.computeIfAbsent(group, g -> nextPid.incrementAndGet());
    }

    /** The pool's group: "threads(2) pool #3". */
    static String poolGroup(Pool p) {
        return p.kind() + "(" + (p.size() > 0 ? p.size() : "") + ") pool #" + p.id();
    }

    /** The calling thread's track; a thread first seen running a task of {@code workerOf} is that pool's. */
    private TraceTrack currentTrack(Pool workerOf) {
        Thread t = Thread.currentThread();
        TraceTrack tr = tracks.get(t);
        if (tr != null) return tr;
        String group = workerOf == null ? scriptGroup : poolGroup(workerOf);
        String name = t.isVirtual() ? "virtual thread #" + t.threadId() : t.getName();
        return tracks.computeIfAbsent(t, k -> newTrack(group, name));
    }

    private TraceTrack newTrack(String group, String name) {
        TraceTrack t = new TraceTrack(pid(group), nextTid.incrementAndGet(), group, name);
        tracksById.put(t.tid(), t);
        return t;
    }

    private TraceTrack workerTrack(Pool pool, Worker w) {
        TraceTrack tr = tracks.get(w);
        if (tr != null) return tr;
        String group = w.traceGroup() != null ? w.traceGroup() : poolGroup(pool);
        return tracks.computeIfAbsent(w, k -> newTrack(group, w.traceName()));
    }

    // ------------------------------------------------------------------ recording

    @Override public void submitted(Future f, long startNanos) {
        long end = System.nanoTime();
        buffer().submit(currentTrack(null).tid(), f, TraceClock.epochNanos(startNanos), TraceClock.epochNanos(end));
    }

    @Override public void started(Future f) {
        f.traceTrack = currentTrack(f.pool());
    }

    @Override public void finishing(Future f, String outcome) {
        TraceTrack track = f.traceTrack;
        if (track == null || f.traceElsewhere) return;
        long end = TraceClock.now();
        f.traceEnd = end;
        buffer().run(track.tid(), f, TraceClock.epochNanos(f.submittedNanos()), TraceClock.epochNanos(f.startedNanos()), end, outcome);
    }

    @Override public void sent(Future f, Pool pool, Worker w) {
        f.traceElsewhere = true;
        f.traceTrack = workerTrack(pool, w);
    }

    @Override public void ranElsewhere(Future f, Pool pool, Worker w, long startEpochNanos, long endEpochNanos, String outcome) {
        TraceTrack track = workerTrack(pool, w);
        f.traceElsewhere = true;
        f.traceTrack = track;
        f.traceEnd = endEpochNanos;
        buffer().run(track.tid(), f, TraceClock.epochNanos(f.submittedNanos()), startEpochNanos, endEpochNanos, outcome);
    }

    @Override public void awaited(Future f, long startNanos) {
        long end = System.nanoTime();
        long taskEnd = f.traceEnd;
        TraceTrack taskTrack = taskEnd != 0 ? f.traceTrack : null;
        buffer().await(currentTrack(null).tid(), f, TraceClock.epochNanos(startNanos), TraceClock.epochNanos(end),
                taskTrack == null ? -1 : taskTrack.tid(), taskEnd);
    }

    @Override public void instant(String name, Future f, Pool pool, Worker w, String detail) {
        TraceTrack track;
        if (w != null) track = workerTrack(pool, w);
        else if (f != null && f.traceTrack != null && f.traceEnd == 0) track = f.traceTrack;
        else track = currentTrack(null);
        buffer().instant(track.tid(), name, f, detail, TraceClock.now());
    }

    // ------------------------------------------------------------------ writing

    /**
     * Everything recorded so far (tracing should be off for the registry first), each task named
     * with the summary its submit recorded (empty for a task submitted before tracing began).
     */
    List<TraceEvent> events() {
        List<TraceEvent> all = new ArrayList<>();
        Map<Long, TraceEvent.TaskInfo> tasks = new HashMap<>();
        for (TraceBuffer b : buffers) b.unpack(tracksById, all, tasks);
        all.replaceAll(e -> switch (e) {
            case TraceEvent.Run r -> new TraceEvent.Run(r.track(), tasks.getOrDefault(r.task().id(), r.task()), r.queued(), r.start(), r.end(), r.outcome());
            case TraceEvent.Await a -> new TraceEvent.Await(a.track(), tasks.getOrDefault(a.task().id(), a.task()), a.start(), a.end(), a.taskTrack(), a.taskEnd());
            default -> e;
        });
        return all;
    }

    List<TraceTrack> tracks() { return new ArrayList<>(tracks.values()); }

    Map<String, Integer> groups() { return Map.copyOf(groups); }

    long startEpoch() { return startEpoch; }

    /** Writes the trace to {@code file} (replacing it). */
    public void write(Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(w);
        }
    }

    public void write(Writer out) throws IOException {
        new TraceJson(this, out).write();
    }
}
