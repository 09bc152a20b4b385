package dev.skein.concurrent;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One thread's recorded events, packed small into byte arrays: each event is a head byte and
 * variable-length numbers, most of them differences from the event before (a task id one more,
 * a time a few hundred nanoseconds later, the same track, function and site), so a task's
 * submit, run and await take about 28 bytes. Each event carries what its line of the file
 * needs from elsewhere that its thread knew (a run its task's arguments, an await the track
 * and end of the run it got), so the file is written in one streaming pass, with no table of
 * every task (see {@link Timeline#write}). Its strings (function names, sites, outcomes, all
 * already held by the run) are numbered in a small table, its arguments kept as tagged numbers
 * that are only formatted when the trace is written ({@link TraceArgs}).
 *
 * <p>Why small: memory a process touches for the first time costs a page fault and the kernel's
 * zeroing of the page, 1.5-2 µs per 4 KiB on the machine measured (0.4 ns a byte), and at the
 * 168 bytes a task of fixed-size records that was a third of the submitting thread's time on a
 * 0.3 µs task. Why byte arrays, not direct buffers: before the JIT has compiled them (a traced
 * run's first tens of thousands of tasks) a direct buffer's put is several calls a byte, an
 * array store is one instruction; the arrays hold no references, so the collector copies a
 * chunk when it promotes it but never scans it.
 *
 * <p>One thread appends (the owner; {@link Timeline} locks a buffer that virtual threads share)
 * and takes no lock: each event is published by a release store of the end position, which the
 * writer of the file reads with an acquire. An event still being appended when the trace is
 * written is not part of it.
 */
final class TraceBuffer {
    static final int SUBMIT = 1, RUN = 2, AWAIT = 3, INSTANT = 4;
    /** Not an event: what the events after it are told apart from (each chunk starts with one). */
    private static final int CONTEXT = 5;
    /**
     * Head bits beside the kind: a new track follows; a new function and site follow; and by
     * kind, a run that is its task's first in this timeline, or an await that got its task done
     * (the track and end of the task's last run follow).
     */
    private static final int NEW_TRACK = 8, NEW_NAMES = 16, FIRST = 32, DONE = 32;
    /** Chunks start small (a thread that records little touches little) and double up to the last size. */
    private static final int FIRST_CHUNK = 16 << 10, LAST_CHUNK = 1 << 20;
    /** Bytes of the largest event (a run with every argument it records, each number at its longest) after a context record. */
    static final int MAX_EVENT = 1 + 3 * 5 + 1 + 5 + 2 * 5 + 10 + 3 * 10 + 5 + 5 + TraceArgs.MAX_ARGS * (10 + 10);

    private byte[][] chunks = new byte[4][];
    private int chunkCount;
    private byte[] chunk;
    /** The owner's write position in {@code chunk}. */
    private int at;
    /** The end of the published events: chunk index << 32 | byte offset (set with release, no fence). */
    private final AtomicLong published = new AtomicLong();
    /** What the next event is told apart from (the reader keeps the same, event by event). */
    private final Last last = new Last();

    /** Strings by number; 0 is null. Function names, sites and outcomes are numbered once, argument strings each time. */
    private String[] strings = new String[64];
    private int stringCount = 1;
    /** By equality: a site or name rebuilt for each task is still one entry. */
    private final Map<String, Integer> stringIds = new HashMap<>();
    private final java.util.function.Function<String, Integer> numberer = this::add;
    /** The strings numbered last, by their hash: most events repeat their task's function and site. */
    private final String[] recent = new String[16];
    private final int[] recentIds = new int[16];

    /** The previous event's track, task, function, site and last time: what an event is written as a difference from. */
    private static final class Last {
        int track = -1, function, site;
        long id, time;
    }

    // ------------------------------------------------------------------ appending (the owner only)

    /**
     * The recording methods hold no branch that only a new buffer takes: C2 compiles a branch
     * its profile never saw taken as a trap, and the threads of a pool started after the
     * recording code was compiled would deoptimise it. So a buffer starts with no room: its
     * first event takes the branch every full chunk takes, and each chunk starts with a context
     * record of the event's track and names (numbered there, so the event finds them in the
     * cache {@link #ref} looks in first): to the recording methods, that event is no change.
     */
    TraceBuffer() {
        chunk = new byte[0];
    }

    /** Room for one more event; a new chunk starts with the event's track and names ({@code extra}: another string it uses). */
    private void room(int track, String function, String site, String extra) {
        if (chunk.length - at < MAX_EVENT) newChunk(track, function, site, extra);
    }

    /** Starts an event (after {@link #room}): its head (kind, flags), then what changed since the last one, then its task's id. */
    private void begin(int kind, int flags, int track, long id, int function, int site) {
        Last l = last;
        if (track != l.track) flags |= NEW_TRACK;
        if (function != l.function || site != l.site) flags |= NEW_NAMES;
        chunk[at++] = (byte) (kind | flags);
        if ((flags & NEW_TRACK) != 0) {
            putVar(track);
            l.track = track;
        }
        if ((flags & NEW_NAMES) != 0) {
            putVar(function);
            putVar(site);
            l.function = function;
            l.site = site;
        }
        putSigned(id - l.id);
        l.id = id;
    }

    /** A new chunk is zeroed: a zero head marks the unused rest of the one before. */
    private void newChunk(int track, String functionName, String siteName, String extra) {
        int size = chunk.length == 0 ? FIRST_CHUNK : Math.min(LAST_CHUNK, chunk.length * 2);
        chunk = new byte[size];
        at = 0;
        if (chunkCount == chunks.length) chunks = Arrays.copyOf(chunks, chunkCount * 2);
        chunks[chunkCount++] = chunk;
        seed(extra);
        int function = seed(functionName), site = seed(siteName);
        chunk[at++] = CONTEXT;
        putVar(last.track = track);
        putVar(last.function = function);
        putVar(last.site = site);
    }

    /** As {@link #ref}, without its cache check: for the cold start of a chunk, so ref's miss stays a branch no new buffer takes. */
    private int seed(String s) {
        if (s == null) return 0;
        int id = stringIds.computeIfAbsent(s, numberer);
        int slot = s.hashCode() & (recent.length - 1);
        recent[slot] = s;
        recentIds[slot] = id;
        return id;
    }

    /** An unsigned number, seven bits a byte, low bits first. */
    private void putVar(long v) {
        byte[] c = chunk;
        int p = at;
        while ((v & ~0x7fL) != 0) {
            c[p++] = (byte) ((v & 0x7f) | 0x80);
            v >>>= 7;
        }
        c[p++] = (byte) v;
        at = p;
    }

    /** 64 bits as they are, high byte first. */
    private void putRaw(long v) {
        for (int shift = 56; shift >= 0; shift -= 8) chunk[at++] = (byte) (v >>> shift);
    }

    /** A number that may be negative (zigzag: small magnitudes stay short). */
    private void putSigned(long v) { putVar((v << 1) ^ (v >> 63)); }

    /** A time, as its difference from the last one written. */
    private void putTime(long t) {
        putSigned(t - last.time);
        last.time = t;
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
        // Not get-then-null-check: a new buffer's first lookups miss, and a miss here would be a
        // branch its profile never saw (a trap); inside HashMap's own method, every map's misses count.
        int id = stringIds.computeIfAbsent(s, numberer);
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

    void submit(int track, Future f, long start, long end) {
        String function = f.functionName(), site = f.site();
        room(track, function, site, null);
        begin(SUBMIT, 0, track, f.id(), ref(function), ref(site));
        putTime(start);
        putTime(end);
        publish();
    }

    /** One argument: its kind and keyword's number (see {@link TraceArgs}), and its value as that kind keeps it. */
    void arg(int kind, int keyword, long value) {
        putVar((long) keyword << 4 | kind);
        if (TraceArgs.isRaw(kind)) {
            putRaw(value);
        } else if (TraceArgs.hasValue(kind)) {
            putSigned(value);
        }
    }

    /**
     * A run, with its task's arguments (the slice shows them; recorded here rather than at the
     * submit so that the file's line for the run needs nothing from another thread's buffer).
     * {@code first}: no run of the task was recorded in this timeline before.
     */
    void run(int track, Future f, long queued, long start, long end, String outcome, boolean first) {
        Object[] args = f.args();
        int n = Math.min(args.length, TraceArgs.MAX_ARGS);
        String function = f.functionName(), site = f.site();
        room(track, function, site, outcome);
        begin(RUN, first ? FIRST : 0, track, f.id(), ref(function), ref(site));
        putTime(start);
        putTime(end);
        putSigned(start - queued);
        putVar(ref(outcome));
        putVar(n);
        TraceArgs.encode(this, args, f.kwNames(), n);
        publish();
    }

    /**
     * An await; {@code taskTrack} (0: none) is the track the task's last run in this timeline
     * ended on, at {@code taskEnd}, when the await got the task done (else it timed out, was
     * interrupted, or the task ran untraced): the arrow from that run into this await.
     */
    void await(int track, Future f, long start, long end, int taskTrack, long taskEnd) {
        String function = f.functionName(), site = f.site();
        room(track, function, site, null);
        begin(AWAIT, taskTrack != 0 ? DONE : 0, track, f.id(), ref(function), ref(site));
        putTime(start);
        putTime(end);
        if (taskTrack != 0) {
            putVar(taskTrack);
            putSigned(end - taskEnd);
        }
        publish();
    }

    /** An instant, of a task ({@code f}) or not (null: its id is -1, its function and site null). */
    void instant(int track, String name, Future f, String detail, long when) {
        String function = f == null ? null : f.functionName(), site = f == null ? null : f.site();
        room(track, function, site, name);
        begin(INSTANT, 0, track, f == null ? -1 : f.id(), ref(function), ref(site));
        putTime(when);
        putVar(ref(name));
        putVar(ref(detail));
        publish();
    }

    /** Where the published events end, for {@link #unpack}: each pass over a buffer reads up to the same event. */
    long published() { return published.get(); }

    /** Bytes taken so far, the unused ends of full chunks included (the owner's view). */
    long bytes() {
        long n = at;
        for (int c = 0; c < chunkCount - 1; c++) n += chunks[c].length;
        return n;
    }

    // ------------------------------------------------------------------ reading (the writer of the file)

    /** Reads events back, keeping the same differences the owner wrote them with. */
    private static final class Reader {
        final Last last = new Last();
        byte[] b;
        int p;

        long var() {
            long v = 0;
            for (int shift = 0; ; shift += 7) {
                byte x = b[p++];
                v |= (long) (x & 0x7f) << shift;
                if (x >= 0) return v;
            }
        }

        long signed() {
            long z = var();
            return (z >>> 1) ^ -(z & 1);
        }

        long time() { return last.time += signed(); }

        long raw() {
            long v = 0;
            for (int i = 0; i < Long.BYTES; i++) v = v << 8 | (b[p++] & 0xff);
            return v;
        }
    }

    /** Where unpacked events go, one at a time (the file is written as they come). */
    interface Visitor {
        void event(TraceEvent e) throws IOException;
    }

    /**
     * Unpacks the events published up to {@code end} (see {@link #published()}), in the order they were recorded, into {@code out}; a
     * submit, await or instant names its task with an empty argument summary, and so does a
     * run unless {@code summaries}.
     */
    void unpack(Map<Integer, TraceTrack> tracks, long end, boolean summaries, Visitor out) throws IOException {
        byte[][] cs = chunks;
        String[] strs = strings;
        int lastChunk = (int) (end >>> 32), lastAt = (int) end;
        Reader r = new Reader();
        Last l = r.last;
        for (int c = 0; c <= lastChunk && c < cs.length && cs[c] != null; c++) {
            r.b = cs[c];
            r.p = 0;
            int limit = c == lastChunk ? lastAt : cs[c].length;
            while (r.p < limit) {
                int head = r.b[r.p++];
                if (head == 0) break;
                if (head == CONTEXT) {
                    l.track = (int) r.var();
                    l.function = (int) r.var();
                    l.site = (int) r.var();
                    continue;
                }
                if ((head & NEW_TRACK) != 0) l.track = (int) r.var();
                if ((head & NEW_NAMES) != 0) {
                    l.function = (int) r.var();
                    l.site = (int) r.var();
                }
                long id = l.id += r.signed();
                TraceTrack track = tracks.get(l.track);
                String function = strs[l.function], site = strs[l.site];
                switch (head & 7) {
                    case SUBMIT -> {
                        long start = r.time(), stop = r.time();
                        out.event(new TraceEvent.Submit(track, new TraceEvent.TaskInfo(id, function, site, ""), start, stop));
                    }
                    case RUN -> {
                        long start = r.time(), stop = r.time(), queued = start - r.signed();
                        String outcome = strs[(int) r.var()];
                        long[] args = new long[2 * (int) r.var()];
                        for (int i = 0; i < args.length; i += 2) {
                            long meta = r.var();
                            int kind = (int) (meta & 15);
                            args[i] = (meta >>> 4) << 32 | kind;
                            args[i + 1] = TraceArgs.isRaw(kind) ? r.raw() : TraceArgs.hasValue(kind) ? r.signed() : 0;
                        }
                        String summary = summaries ? TraceArgs.format(args, strs) : "";
                        out.event(new TraceEvent.Run(track, new TraceEvent.TaskInfo(id, function, site, summary), queued, start, stop, outcome,
                                (head & FIRST) != 0));
                    }
                    case AWAIT -> {
                        long start = r.time(), stop = r.time();
                        boolean done = (head & DONE) != 0;
                        TraceTrack ranOn = done ? tracks.get((int) r.var()) : null;
                        long ranTo = done ? stop - r.signed() : 0;
                        out.event(new TraceEvent.Await(track, new TraceEvent.TaskInfo(id, function, site, ""), start, stop, done, ranOn, ranTo));
                    }
                    case INSTANT -> {
                        long when = r.time();
                        String name = strs[(int) r.var()], detail = strs[(int) r.var()];
                        out.event(new TraceEvent.Instant(track, name, id < 0 ? null : new TraceEvent.TaskInfo(id, function, site, ""), detail, when));
                    }
                    default -> throw new IllegalStateException("a corrupt trace buffer");
                }
            }
        }
    }
}
