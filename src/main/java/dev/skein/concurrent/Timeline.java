package dev.skein.concurrent;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Records what ran where while tracing is on, and writes it as a trace-event JSON file
 * ({@link TraceJson}) that ui.perfetto.dev and chrome://tracing open. Each platform thread
 * finds its buffer and track through a thread-local and appends without a lock (see
 * {@link TraceBuffer}), so recording shares nothing between workers: no lock, no map, no cache
 * line; virtual threads, one per task, share one buffer under a lock. A recorded event holds
 * raw numbers only; names, argument summaries and the arrows between events are made when the
 * file is written.
 *
 * <p>Tracks come from two sources: a thread of this JVM is its own track (grouped under the pool
 * it works for, or under the script), and a worker that runs tasks elsewhere — a worker process,
 * later a cluster member — is a track named by the worker itself ({@link Worker#traceGroup},
 * {@link Worker#traceName}).
 */
public final class Timeline implements TaskTrace {
    /** What a thread records with: its buffer, and its track once it has one (both its own: no lock, no shared map). */
    private static final class Local {
        final TraceBuffer buffer;
        /** Virtual threads, one per task, share one buffer rather than make one apiece; they take {@link #sharedLock}. */
        final boolean shared;
        TraceTrack track;
        /**
         * The latest time this thread recorded or began a run at (epoch nanos; at first, when
         * recording began): an await of a task already done is placed just after it, without
         * reading the clock (see {@link #awaitedDone}).
         */
        long floor;

        Local(TraceBuffer buffer, boolean shared, long floor) {
            this.buffer = buffer;
            this.shared = shared;
            this.floor = floor;
        }
    }

    private final long startEpoch = TraceClock.now();
    private final String scriptGroup;
    /**
     * A new thread's state is made in ThreadLocal's own miss path, not behind a null check here:
     * C2 compiles a branch its profile never saw taken as a trap, so a pool whose threads start
     * after the recording code was compiled would deoptimise it; every ThreadLocal's misses count
     * in ThreadLocal.get's profile.
     */
    private final ThreadLocal<Local> locals = ThreadLocal.withInitial(this::newLocal);
    private final List<TraceBuffer> buffers = new CopyOnWriteArrayList<>();
    private final TraceBuffer shared = newBuffer();
    private final ReentrantLock sharedLock = new ReentrantLock();
    private final Map<Worker, TraceTrack> workerTracks = new ConcurrentHashMap<>();
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

    /** The calling thread's recording state. */
    private Local local() {
        return locals.get();
    }

    /**
     * A platform thread's track is made with its state (a pool's thread is that pool's, any
     * other the script's), so recording checks for none; a virtual thread, one per task, gets
     * its track when it first records, from the task it runs.
     */
    private Local newLocal() {
        Thread t = Thread.currentThread();
        boolean virtual = t.isVirtual();
        Local l = new Local(virtual ? shared : newBuffer(), virtual, startEpoch);
        if (!virtual) l.track = newTrack(t instanceof PoolThread p && p.pool() != null ? poolGroup(p.pool()) : scriptGroup, t.getName());
        return l;
    }

    private void lock(Local l) {
        if (l.shared) sharedLock.lock();
    }

    private void unlock(Local l) {
        if (l.shared) sharedLock.unlock();
    }

    // ------------------------------------------------------------------ tracks

    private int pid(String group) {
        return groups.computeIfAbsent(group, g -> nextPid.incrementAndGet());
    }

    /** The pool's group: "threads(2) pool #3". */
    static String poolGroup(Pool p) {
        return p.kind() + "(" + (p.size() > 0 ? p.size() : "") + ") pool #" + p.id();
    }

    /** The calling thread's track (a virtual thread's is made here, in the group of the pool whose task it runs: {@code workerOf}). */
    private TraceTrack track(Local l, Pool workerOf) {
        TraceTrack tr = l.track;
        if (tr != null) return tr;
        Thread t = Thread.currentThread();
        String group = workerOf == null ? scriptGroup : poolGroup(workerOf);
        String name = t.isVirtual() ? "virtual thread #" + t.threadId() : t.getName();
        return l.track = newTrack(group, name);
    }

    private TraceTrack newTrack(String group, String name) {
        TraceTrack t = new TraceTrack(pid(group), nextTid.incrementAndGet(), group, name);
        tracksById.put(t.tid(), t);
        return t;
    }

    private TraceTrack workerTrack(Pool pool, Worker w) {
        TraceTrack tr = workerTracks.get(w);
        if (tr != null) return tr;
        String group = w.traceGroup() != null ? w.traceGroup() : poolGroup(pool);
        return workerTracks.computeIfAbsent(w, k -> newTrack(group, w.traceName()));
    }

    // ------------------------------------------------------------------ recording

    @Override public void submitted(Future f, long startNanos) {
        long end = System.nanoTime();
        Local l = local();
        lock(l);
        try {
            l.buffer.submit(track(l, null).tid(), f, TraceClock.epochNanos(startNanos), l.floor = TraceClock.epochNanos(end));
        } finally {
            unlock(l);
        }
    }

    @Override public void started(Future f) {
        Local l = local();
        f.traceTrack = track(l, f.pool());
        l.floor = Math.max(l.floor, TraceClock.epochNanos(f.startedNanos()));
    }

    @Override public void finishing(Future f, String outcome) {
        TraceTrack track = f.traceTrack;
        if (track == null || f.traceElsewhere) return;
        long end = TraceClock.epochNanos(System.nanoTime());
        f.traceEnd = end;
        f.traceRanOn = track;
        Local l = local();
        l.floor = end;
        lock(l);
        try {
            l.buffer.run(track.tid(), f, TraceClock.epochNanos(f.submittedNanos()), TraceClock.epochNanos(f.startedNanos()), end, outcome, true);
        } finally {
            unlock(l);
        }
    }

    @Override public void sent(Future f, Pool pool, Worker w) {
        f.traceElsewhere = true;
        f.traceTrack = workerTrack(pool, w);
    }

    @Override public void ranElsewhere(Future f, Pool pool, Worker w, long startEpochNanos, long endEpochNanos, String outcome) {
        TraceTrack track = workerTrack(pool, w);
        f.traceElsewhere = true;
        f.traceTrack = track;
        boolean first = ranOn(f) == null;   // a retry's run follows the one its worker's death cut short
        f.traceEnd = endEpochNanos;
        f.traceRanOn = track;
        Local l = local();
        lock(l);
        try {
            l.buffer.run(track.tid(), f, TraceClock.epochNanos(f.submittedNanos()), startEpochNanos, endEpochNanos, outcome, first);
        } finally {
            unlock(l);
        }
    }

    /** The track of {@code f}'s last run recorded in this timeline (null: none, or only in an earlier timeline's). */
    private TraceTrack ranOn(Future f) {
        TraceTrack on = f.traceRanOn;
        return on != null && f.traceEnd >= startEpoch ? on : null;
    }

    @Override public void awaited(Future f, long startNanos, boolean done) {
        long end = System.nanoTime();
        TraceTrack ranOn = done ? ranOn(f) : null;
        Local l = local();
        lock(l);
        try {
            l.buffer.await(track(l, null).tid(), f, TraceClock.epochNanos(startNanos), l.floor = TraceClock.epochNanos(end),
                    ranOn == null ? 0 : ranOn.tid(), f.traceEnd);
        } finally {
            unlock(l);
        }
    }

    /**
     * An await of a task that ran in this JVM and was done already reads no clock (two reads were
     * a tenth of a one-microsecond task's cost): it is a slice of no length at the task's end or
     * just after this thread's last recorded time, whichever is later. Both are earlier than the
     * await really was, and later than anything recorded on this track before it, so the slices
     * still nest and the arrow from the task still goes forward in time, into this await.
     */
    @Override public void awaitedDone(Future f) {
        long ended = f.traceEnd;
        if (ended == 0 || f.traceElsewhere) {   // ran before tracing began, or elsewhere (its end is another clock's)
            awaited(f, System.nanoTime(), true);
            return;
        }
        TraceTrack ranOn = ranOn(f);
        Local l = local();
        long at = Math.max(ended, l.floor + 1);
        l.floor = at;
        lock(l);
        try {
            l.buffer.await(track(l, null).tid(), f, at, at, ranOn == null ? 0 : ranOn.tid(), ended);
        } finally {
            unlock(l);
        }
    }

    @Override public void instant(String name, Future f, Pool pool, Worker w, String detail) {
        Local l = local();
        TraceTrack track;
        if (w != null) track = workerTrack(pool, w);
        else if (f != null && f.traceTrack != null && !f.isDone()) track = f.traceTrack;
        else track = track(l, null);
        lock(l);
        try {
            l.buffer.instant(track.tid(), name, f, detail, TraceClock.now());
        } finally {
            unlock(l);
        }
    }

    // ------------------------------------------------------------------ writing

    List<TraceTrack> tracks() { return new ArrayList<>(tracksById.values()); }

    Map<String, Integer> groups() { return Map.copyOf(groups); }

    long startEpoch() { return startEpoch; }

    /** The per-thread buffers (tracing should be off for the registry first) and where each one's published events end. */
    private record Recorded(TraceBuffer buffer, long end) {}

    private List<Recorded> recorded() {
        List<Recorded> all = new ArrayList<>();
        for (TraceBuffer b : buffers) all.add(new Recorded(b, b.published()));
        return all;
    }

    /** Writes the trace to {@code file} (replacing it); returns how many events it holds. */
    public int write(Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            return write(w);
        }
    }

    /**
     * Writes everything recorded so far, streamed from the buffers: a first pass notes, a bit a
     * task, which tasks were submitted and which ran (a submit's arrow and a run's arguments
     * depend on them), and a second writes each event as it is read, in the order recorded.
     * Beyond the buffers, writing keeps those bits and nothing per event (a trace of tens of
     * millions of tasks is written in the memory that recorded it).
     */
    public int write(Writer out) throws IOException {
        List<Recorded> all = recorded();
        TaskIdSet submitted = new TaskIdSet(), ran = new TaskIdSet();
        each(all, false, e -> {
            if (e instanceof TraceEvent.Submit s) submitted.add(s.task().id());
            else if (e instanceof TraceEvent.Run run) ran.add(run.task().id());
        });
        TraceJson json = new TraceJson(startEpoch, out);
        json.begin(groups(), tracks());
        int[] count = {0};
        each(all, true, e -> {
            count[0]++;
            json.event(e, submitted, ran);
        });
        json.end();
        return count[0];
    }

    /** Every recorded event, buffer by buffer, in the order each thread recorded them (for a test's view of the recording). */
    void eachEvent(TraceBuffer.Visitor v) throws IOException { each(recorded(), true, v); }

    private void each(List<Recorded> all, boolean summaries, TraceBuffer.Visitor v) throws IOException {
        for (Recorded r : all) r.buffer().unpack(tracksById, r.end(), summaries, v);
    }
}
