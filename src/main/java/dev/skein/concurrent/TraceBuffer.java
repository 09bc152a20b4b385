package dev.skein.concurrent;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One thread's recorded events, packed outside the Java heap: each event is a few longs in
 * fixed-size direct buffers, its strings (function names, sites, outcomes, all already held by
 * the run) numbered in a small table, argument summaries appended to a text buffer. A recorded
 * task leaves the garbage collector nothing to trace or copy but its summary's few characters,
 * so tracing does not slow the collections of the run it records. Its lock is taken by its
 * thread and, once, by the writer.
 */
final class TraceBuffer {
    static final int SUBMIT = 1, RUN = 2, AWAIT = 3, INSTANT = 4;
    /** Longs per chunk, and per event of each kind (indexed by kind). */
    private static final int CHUNK_LONGS = 8192, MAX_EVENT = 7;
    private static final int TEXT = 16384;

    final ReentrantLock lock = new ReentrantLock();
    private final List<ByteBuffer> chunks = new ArrayList<>();
    private ByteBuffer chunk;
    private final List<Object> refTable = new ArrayList<>();
    /** By equality: a site or name rebuilt for each task is still one entry. */
    private final Map<Object, Integer> refIds = new HashMap<>();
    /** The two strings numbered last (a task's function and site, which most events repeat). */
    private Object last1, last2;
    private int last1Id, last2Id;
    private final List<StringBuilder> texts = new ArrayList<>();
    private StringBuilder text;

    /** Room for one more event (call with the lock held): a new chunk if the current one is full. */
    private ByteBuffer room() {
        if (chunk == null || chunk.remaining() < MAX_EVENT * Long.BYTES) {
            if (chunk != null && chunk.hasRemaining()) chunk.putLong(0);   // the rest of a chunk is unused
            chunk = ByteBuffer.allocateDirect(CHUNK_LONGS * Long.BYTES);
            chunks.add(chunk);
        }
        return chunk;
    }

    /** The number of a string (or null) in this buffer's table. */
    private int ref(Object o) {
        if (o == last1 || o != null && o.equals(last1)) return last1Id;
        if (o == last2 || o != null && o.equals(last2)) return last2Id;
        Integer id = refIds.get(o);
        if (id == null) {
            id = refTable.size();
            refTable.add(o);
            refIds.put(o, id);
        }
        last2 = last1;
        last2Id = last1Id;
        last1 = o;
        last1Id = id;
        return id;
    }

    private long refs(Object a, Object b) { return ((long) ref(a) << 32) | ref(b); }

    /** Starts an event: kind and track, the task's id. */
    private ByteBuffer begin(int kind, int track, long id) {
        return room().putLong(((long) kind << 32) | track).putLong(id);
    }

    /** The text buffer for the next summary (a new one when this one is full). */
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
            StringBuilder t = text();
            int from = t.length();
            TraceArgs.summary(t, f.args(), f.kwNames());
            begin(SUBMIT, track, f.id()).putLong(start).putLong(end)
                    .putLong(((long) (texts.size() - 1) << 32) | from).putLong(t.length())
                    .putLong(refs(f.functionName(), f.site()));
        } finally {
            lock.unlock();
        }
    }

    void run(int track, Future f, long queued, long start, long end, String outcome) {
        lock.lock();
        try {
            begin(RUN, track, f.id()).putLong(queued).putLong(start).putLong(end)
                    .putLong(refs(f.functionName(), f.site())).putLong(ref(outcome));
        } finally {
            lock.unlock();
        }
    }

    void await(int track, Future f, long start, long end, int taskTrack, long taskEnd) {
        lock.lock();
        try {
            begin(AWAIT, track, f.id()).putLong(start).putLong(end).putLong(taskTrack).putLong(taskEnd)
                    .putLong(refs(f.functionName(), f.site()));
        } finally {
            lock.unlock();
        }
    }

    /** An instant, of a task ({@code f}) or not (null: its id is -1, its function and site null). */
    void instant(int track, String name, Future f, String detail, long at) {
        lock.lock();
        try {
            begin(INSTANT, track, f == null ? -1 : f.id()).putLong(at)
                    .putLong(refs(f == null ? null : f.functionName(), f == null ? null : f.site()))
                    .putLong(refs(name, detail));
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
            for (ByteBuffer c : chunks) {
                ByteBuffer b = c.duplicate().flip();
                while (b.remaining() >= Long.BYTES) {
                    long head = b.getLong();
                    if (head == 0) break;
                    int kind = (int) (head >>> 32);
                    TraceTrack track = tracks.get((int) head);
                    long id = b.getLong();
                    switch (kind) {
                        case SUBMIT -> {
                            long start = b.getLong(), end = b.getLong(), from = b.getLong(), to = b.getLong(), names = b.getLong();
                            String args = texts.get((int) (from >>> 32)).substring((int) from, (int) to);
                            TraceEvent.TaskInfo info = new TraceEvent.TaskInfo(id, str(names >>> 32), str(names), args);
                            tasks.put(id, info);
                            out.add(new TraceEvent.Submit(track, info, start, end));
                        }
                        case RUN -> {
                            long queued = b.getLong(), start = b.getLong(), end = b.getLong(), names = b.getLong(), outcome = b.getLong();
                            out.add(new TraceEvent.Run(track, task(id, names), queued, start, end, str(outcome)));
                        }
                        case AWAIT -> {
                            long start = b.getLong(), end = b.getLong(), taskTrack = b.getLong(), taskEnd = b.getLong(), names = b.getLong();
                            out.add(new TraceEvent.Await(track, task(id, names), start, end, taskTrack < 0 ? null : tracks.get((int) taskTrack), taskEnd));
                        }
                        case INSTANT -> {
                            long at = b.getLong(), names = b.getLong(), what = b.getLong();
                            out.add(new TraceEvent.Instant(track, str(what >>> 32), id < 0 ? null : task(id, names), str(what), at));
                        }
                        default -> throw new IllegalStateException("a corrupt trace buffer");
                    }
                }
            }
        } finally {
            lock.unlock();
        }
    }

    private String str(long ref) { return (String) refTable.get((int) ref); }

    /** A task as a run, await or instant names it: its argument summary is filled in from its submit when written. */
    private TraceEvent.TaskInfo task(long id, long names) {
        return new TraceEvent.TaskInfo(id, str(names >>> 32), str(names), "");
    }
}
