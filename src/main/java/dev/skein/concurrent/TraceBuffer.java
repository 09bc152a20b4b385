package dev.skein.concurrent;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One thread's recorded events, packed outside the Java heap: each event is a few longs in
 * fixed-size direct buffers, its strings (function names, sites, outcomes, all already held by
 * the run) numbered in a small table, its arguments as tagged longs that are only formatted when
 * the trace is written ({@link TraceArgs}). A recorded task leaves the garbage collector nothing
 * to trace or copy, so tracing does not slow the collections of the run it records.
 *
 * <p>One thread appends (the owner; {@link Timeline} locks a buffer that virtual threads share)
 * and takes no lock: each event is published by a release store of the end position, which the
 * writer of the file reads with an acquire. An event still being appended when the trace is
 * written is not part of it.
 */
final class TraceBuffer {
    static final int SUBMIT = 1, RUN = 2, AWAIT = 3, INSTANT = 4;
    /** Bytes per chunk: a few thousand events, so allocating (and zeroing) chunks costs little per event. */
    private static final int CHUNK = 256 << 10;
    /** Longs of the largest event: a submit with every argument it records. */
    private static final int MAX_EVENT = 5 + 2 * TraceArgs.MAX_ARGS;

    private ByteBuffer[] chunks = new ByteBuffer[4];
    private int chunkCount;
    private ByteBuffer chunk;
    /** The owner's write position in {@code chunk}, in bytes. */
    private int at;
    /** The end of the published events: chunk index << 32 | byte offset (set with release, no fence). */
    private final AtomicLong published = new AtomicLong();

    /** Strings by number; 0 is null. Function names, sites and outcomes are numbered once, argument strings each time. */
    private String[] strings = new String[64];
    private int stringCount = 1;
    /** By equality: a site or name rebuilt for each task is still one entry. */
    private final Map<String, Integer> stringIds = new HashMap<>();
    /** The strings numbered last, by their hash: most events repeat their task's function and site. */
    private final String[] recent = new String[16];
    private final int[] recentIds = new int[16];

    // ------------------------------------------------------------------ appending (the owner only)

    /** Starts an event (its head and its task's id): a new chunk if this one might not hold it. */
    private ByteBuffer begin(int kind, int aux, int track, long id) {
        if (chunk == null || CHUNK - at < MAX_EVENT * Long.BYTES) newChunk();
        chunk.putLong(at, ((long) kind << 56) | ((long) aux << 32) | (track & 0xffffffffL));
        chunk.putLong(at + 8, id);
        at += 16;
        return chunk;
    }

    /** A new chunk is zeroed: a zero head marks the unused rest of the one before. */
    private void newChunk() {
        chunk = ByteBuffer.allocateDirect(CHUNK).order(ByteOrder.nativeOrder());
        at = 0;
        if (chunkCount == chunks.length) chunks = Arrays.copyOf(chunks, chunkCount * 2);
        chunks[chunkCount++] = chunk;
    }

    private void put(long v) {
        chunk.putLong(at, v);
        at += 8;
    }

    /** Makes the event just appended visible to the writer of the file. */
    private void publish() {
        published.lazySet(((long) (chunkCount - 1) << 32) | at);
    }

    /** The number of a name, site or outcome (0: null). */
    int ref(String s) {
        if (s == null) return 0;
        int slot = s.hashCode() & (recent.length - 1);
        if (recent[slot] == s) return recentIds[slot];
        Integer id = stringIds.get(s);
        if (id == null) {
            id = add(s);
            stringIds.put(s, id);
        }
        recent[slot] = s;
        recentIds[slot] = id;
        return id;
    }

    /** Numbers an argument's string (not looked up: arguments rarely repeat, and the table stays unsearched). */
    int add(String s) {
        if (stringCount == strings.length) strings = Arrays.copyOf(strings, stringCount * 2);
        strings[stringCount] = s;
        return stringCount++;
    }

    private long refs(String a, String b) { return ((long) ref(a) << 32) | ref(b); }

    void submit(int track, Future f, long start, long end) {
        Object[] args = f.args();
        int n = Math.min(args.length, TraceArgs.MAX_ARGS);
        begin(SUBMIT, n, track, f.id());
        put(start);
        put(end);
        put(refs(f.functionName(), f.site()));
        TraceArgs.encode(this, args, f.kwNames(), n);
        publish();
    }

    /** One argument: its kind and keyword (see {@link TraceArgs}), and its value. */
    void arg(long meta, long value) {
        put(meta);
        put(value);
    }

    void run(int track, Future f, long queued, long start, long end, String outcome) {
        begin(RUN, 0, track, f.id());
        put(queued);
        put(start);
        put(end);
        put(refs(f.functionName(), f.site()));
        put(ref(outcome));
        publish();
    }

    /** {@code done}: the task was done when the await ended (else it timed out or was interrupted). */
    void await(int track, Future f, long start, long end, boolean done) {
        begin(AWAIT, done ? 1 : 0, track, f.id());
        put(start);
        put(end);
        put(refs(f.functionName(), f.site()));
        publish();
    }

    /** An instant, of a task ({@code f}) or not (null: its id is -1, its function and site null). */
    void instant(int track, String name, Future f, String detail, long at) {
        begin(INSTANT, 0, track, f == null ? -1 : f.id());
        put(at);
        put(refs(f == null ? null : f.functionName(), f == null ? null : f.site()));
        put(refs(name, detail));
        publish();
    }

    // ------------------------------------------------------------------ reading (the writer of the file)

    /**
     * Unpacks the published events into {@code out}; runs, awaits and instants name their task
     * with an empty argument summary (the submit's is joined in by {@link Timeline#events}).
     */
    void unpack(Map<Integer, TraceTrack> tracks, List<TraceEvent> out) {
        long end = published.get();
        ByteBuffer[] cs = chunks;
        String[] strs = strings;
        int lastChunk = (int) (end >>> 32), lastAt = (int) end;
        for (int c = 0; c <= lastChunk && c < cs.length && cs[c] != null; c++) {
            ByteBuffer b = cs[c];
            int limit = c == lastChunk ? lastAt : CHUNK;
            int p = 0;
            while (p + 8 <= limit) {
                long head = b.getLong(p);
                if (head == 0) break;
                int kind = (int) (head >>> 56), aux = (int) (head >>> 32) & 0xffffff;
                TraceTrack track = tracks.get((int) head);
                long id = b.getLong(p + 8);
                p += 16;
                switch (kind) {
                    case SUBMIT -> {
                        long start = b.getLong(p), stop = b.getLong(p + 8), names = b.getLong(p + 16);
                        p += 24;
                        long[] args = new long[2 * aux];
                        for (int i = 0; i < args.length; i++, p += 8) args[i] = b.getLong(p);
                        String summary = TraceArgs.format(args, strs);
                        out.add(new TraceEvent.Submit(track, new TraceEvent.TaskInfo(id, str(strs, names >>> 32), str(strs, names), summary), start, stop));
                    }
                    case RUN -> {
                        long queued = b.getLong(p), start = b.getLong(p + 8), stop = b.getLong(p + 16), names = b.getLong(p + 24), outcome = b.getLong(p + 32);
                        p += 40;
                        out.add(new TraceEvent.Run(track, task(strs, id, names), queued, start, stop, str(strs, outcome)));
                    }
                    case AWAIT -> {
                        long start = b.getLong(p), stop = b.getLong(p + 8), names = b.getLong(p + 16);
                        p += 24;
                        out.add(new TraceEvent.Await(track, task(strs, id, names), start, stop, aux == 1, null, 0));
                    }
                    case INSTANT -> {
                        long when = b.getLong(p), names = b.getLong(p + 8), what = b.getLong(p + 16);
                        p += 24;
                        out.add(new TraceEvent.Instant(track, str(strs, what >>> 32), id < 0 ? null : task(strs, id, names), str(strs, what), when));
                    }
                    default -> throw new IllegalStateException("a corrupt trace buffer");
                }
            }
        }
    }

    private static String str(String[] strs, long ref) { return strs[(int) ref]; }

    private static TraceEvent.TaskInfo task(String[] strs, long id, long names) {
        return new TraceEvent.TaskInfo(id, str(strs, names >>> 32), str(strs, names), "");
    }
}
