package dev.skein.concurrent;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One thread's recorded events, packed: numbers in one growing long array, references to strings
 * the run already holds (function names, sites, outcomes) in one growing object array, argument
 * summaries in one text buffer. Recording a task allocates no object of its own, so tracing
 * keeps the garbage collector's work what it was (a trace of a million tasks is a few large
 * arrays, not millions of small objects). Its lock is taken by its thread and, once, by the
 * writer.
 */
final class TraceBuffer {
    static final int SUBMIT = 1, RUN = 2, AWAIT = 3, INSTANT = 4;

    /** Chunk sizes: fixed, so a growing trace never copies (or leaves behind) a large array. */
    private static final int LONGS = 8192, REFS = 4096, TEXT = 16384;

    final ReentrantLock lock = new ReentrantLock();
    private final List<long[]> longChunks = new ArrayList<>();
    private final List<Object[]> refChunks = new ArrayList<>();
    private final List<StringBuilder> texts = new ArrayList<>();
    private long[] longs = new long[0];
    private int nl;
    private Object[] refs = new Object[0];
    private int nr;
    private StringBuilder text;

    /** Room for an event of {@code l} numbers and {@code r} references: a new chunk if the current one is full. */
    private void room(int l, int r) {
        if (nl + l > longs.length) {
            if (nl < longs.length) longs[nl] = 0;   // the rest of a chunk is unused
            longs = new long[LONGS];
            longChunks.add(longs);
            nl = 0;
        }
        if (nr + r > refs.length) {
            refs = new Object[REFS];
            refChunks.add(refs);
            nr = 0;
        }
    }

    /** The text buffer for the next summary (a new one when this one is full), and its number. */
    private StringBuilder text() {
        if (text == null || text.length() > TEXT - 200) {
            text = new StringBuilder(TEXT);
            texts.add(text);
        }
        return text;
    }

    void submit(int track, Future f, long start, long end) {
        lock.lock();
        try {
            room(7, 2);
            StringBuilder t = text();
            int from = t.length();
            TraceArgs.summary(t, f.args(), f.kwNames());
            long[] l = longs;
            int i = nl;
            l[i] = SUBMIT; l[i + 1] = track; l[i + 2] = f.id(); l[i + 3] = start; l[i + 4] = end;
            l[i + 5] = ((long) (texts.size() - 1) << 32) | from; l[i + 6] = t.length();
            nl = i + 7;
            refs[nr++] = f.functionName();
            refs[nr++] = f.site();
        } finally {
            lock.unlock();
        }
    }

    void run(int track, Future f, long queued, long start, long end, String outcome) {
        lock.lock();
        try {
            room(6, 3);
            long[] l = longs;
            int i = nl;
            l[i] = RUN; l[i + 1] = track; l[i + 2] = f.id(); l[i + 3] = queued; l[i + 4] = start; l[i + 5] = end;
            nl = i + 6;
            refs[nr++] = f.functionName();
            refs[nr++] = f.site();
            refs[nr++] = outcome;
        } finally {
            lock.unlock();
        }
    }

    void await(int track, Future f, long start, long end, int taskTrack, long taskEnd) {
        lock.lock();
        try {
            room(7, 2);
            long[] l = longs;
            int i = nl;
            l[i] = AWAIT; l[i + 1] = track; l[i + 2] = f.id(); l[i + 3] = start; l[i + 4] = end; l[i + 5] = taskTrack; l[i + 6] = taskEnd;
            nl = i + 7;
            refs[nr++] = f.functionName();
            refs[nr++] = f.site();
        } finally {
            lock.unlock();
        }
    }

    void instant(int track, String name, Future f, String detail, long at) {
        lock.lock();
        try {
            room(4, 4);
            long[] l = longs;
            int i = nl;
            l[i] = INSTANT; l[i + 1] = track; l[i + 2] = f == null ? -1 : f.id(); l[i + 3] = at;
            nl = i + 4;
            refs[nr++] = name;
            refs[nr++] = detail;
            refs[nr++] = f == null ? null : f.functionName();
            refs[nr++] = f == null ? null : f.site();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Unpacks the events into {@code out}; {@code tasks} collects each submitted task's summary
     * (the runs, awaits and instants of a task name it through this map when they are written).
     */
    void unpack(Map<Integer, TraceTrack> tracks, List<TraceEvent> out, Map<Long, TraceEvent.TaskInfo> tasks) {
        lock.lock();
        try {
            int chunk = 0, r = 0;
            Object[] refs = refChunks.isEmpty() ? null : refChunks.get(0);
            for (long[] l : longChunks) {
                int end = l == longs ? nl : l.length;
                for (int i = 0; i < end && l[i] != 0; ) {
                    if (r + refsOf((int) l[i]) > refs.length) {   // the event's references start the next chunk
                        refs = refChunks.get(++chunk);
                        r = 0;
                    }
                    TraceTrack track = tracks.get((int) l[i + 1]);
                    long id = l[i + 2];
                    switch ((int) l[i]) {
                        case SUBMIT -> {
                            StringBuilder t = texts.get((int) (l[i + 5] >>> 32));
                            TraceEvent.TaskInfo info = new TraceEvent.TaskInfo(id, (String) refs[r], (String) refs[r + 1],
                                    t.substring((int) l[i + 5], (int) l[i + 6]));
                            tasks.put(id, info);
                            out.add(new TraceEvent.Submit(track, info, l[i + 3], l[i + 4]));
                            i += 7;
                            r += 2;
                        }
                        case RUN -> {
                            out.add(new TraceEvent.Run(track, placeholder(id, refs, r), l[i + 3], l[i + 4], l[i + 5], (String) refs[r + 2]));
                            i += 6;
                            r += 3;
                        }
                        case AWAIT -> {
                            TraceTrack taskTrack = l[i + 5] < 0 ? null : tracks.get((int) l[i + 5]);
                            out.add(new TraceEvent.Await(track, placeholder(id, refs, r), l[i + 3], l[i + 4], taskTrack, l[i + 6]));
                            i += 7;
                            r += 2;
                        }
                        case INSTANT -> {
                            TraceEvent.TaskInfo info = id < 0 ? null : new TraceEvent.TaskInfo(id, (String) refs[r + 2], (String) refs[r + 3], "");
                            out.add(new TraceEvent.Instant(track, (String) refs[r], info, (String) refs[r + 1], l[i + 3]));
                            i += 4;
                            r += 4;
                        }
                        default -> throw new IllegalStateException("a corrupt trace buffer");
                    }
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** How many references an event of {@code kind} has (as {@link #room} was asked for). */
    private static int refsOf(int kind) {
        return switch (kind) {
            case RUN -> 3;
            case INSTANT -> 4;
            default -> 2;
        };
    }

    /** A task's summary as a run or await names it: its args are filled in from its submit when written. */
    private static TraceEvent.TaskInfo placeholder(long id, Object[] refs, int r) {
        return new TraceEvent.TaskInfo(id, (String) refs[r], (String) refs[r + 1], "");
    }
}
