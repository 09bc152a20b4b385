package dev.skein.concurrent;

import java.io.IOException;
import java.io.Writer;
import java.util.Collection;
import java.util.Map;

/**
 * A {@link Timeline} as the Trace Event Format's JSON object: {@code traceEvents} holds M events
 * naming each process (a pool, the script) and thread (a worker), an X slice per submit, task
 * run and await, s/f flow pairs from a submit to its task and from a task to each await of it,
 * and i instants. {@code ts} and {@code dur} are microseconds from the trace's start, to the
 * nanosecond. A flow end sits strictly inside its slice, so viewers bind it to that slice.
 * Events are written as they are given, one a line: nothing is kept of them.
 */
final class TraceJson {
    /** Await flow ids start above any task id (submit flows use the task's id). */
    private static final long AWAIT_FLOW_IDS = 1L << 40;

    private final Writer out;
    private final long origin;
    private boolean first = true;
    private long awaitFlows = AWAIT_FLOW_IDS;

    /** {@code origin}: when recording began (epoch nanos), time 0 of the file. */
    TraceJson(long origin, Writer out) {
        this.out = out;
        this.origin = origin;
    }

    /** The file's head: the object, and an M event naming each group (pid) and track (tid). */
    void begin(Map<String, Integer> groups, Collection<TraceTrack> tracks) throws IOException {
        out.write("{\"displayTimeUnit\":\"ms\",\"traceEvents\":[\n");
        for (Map.Entry<String, Integer> g : groups.entrySet()) {
            event().str("name", "process_name").str("ph", "M").num("pid", g.getValue()).num("tid", 0)
                    .raw("args", "{\"name\":" + quote(g.getKey()) + "}").end();
        }
        for (TraceTrack t : tracks) {
            event().str("name", "thread_name").str("ph", "M").num("pid", t.pid()).num("tid", t.tid())
                    .raw("args", "{\"name\":" + quote(t.name()) + "}").end();
        }
    }

    /**
     * One recorded event and its arrows. {@code submitted} and {@code ran}: the tasks whose submit
     * and whose run this timeline recorded. A submit arrow joins a submit and its task's first
     * run, only when both were recorded; a run shows its arguments only when its submit was (a
     * task submitted before recording began shows none).
     */
    void event(TraceEvent e, TaskIdSet submitted, TaskIdSet ran) throws IOException {
        switch (e) {
            case TraceEvent.Submit s -> submit(s, ran.contains(s.task().id()));
            case TraceEvent.Run r -> {
                boolean wasSubmitted = submitted.contains(r.task().id());
                run(r, wasSubmitted, wasSubmitted && r.first());
            }
            case TraceEvent.Await a -> await(a);
            case TraceEvent.Instant i -> instant(i);
        }
    }

    /** The file's tail. */
    void end() throws IOException {
        out.write("\n]}\n");
    }

    void submit(TraceEvent.Submit s, boolean flowOut) throws IOException {
        TraceEvent.TaskInfo f = s.task();
        slice(s.track(), "submit " + f.function(), "submit", s.start(), s.end())
                .raw("args", "{\"task\":" + f.id() + ",\"site\":" + quote(f.site()) + "}").end();
        if (flowOut) flow("s", s.track(), f.id(), inside(s.start(), s.end(), true));
    }

    /** {@code withArgs}: show the run's argument summary (else an empty one). */
    void run(TraceEvent.Run r, boolean withArgs, boolean flowIn) throws IOException {
        TraceEvent.TaskInfo f = r.task();
        String args = "{\"task\":" + f.id() + ",\"args\":" + quote(withArgs ? f.args() : "") + ",\"outcome\":" + quote(r.outcome())
                + ",\"queue_wait_us\":" + micros(Math.max(0, r.start() - r.queued())) + ",\"run_us\":" + micros(r.end() - r.start())
                + ",\"submitted_at\":" + quote(f.site()) + "}";
        slice(r.track(), f.function(), "task", r.start(), r.end()).raw("args", args).end();
        if (flowIn) flow("f", r.track(), f.id(), inside(r.start(), r.end(), true));
    }

    void await(TraceEvent.Await a) throws IOException {
        TraceEvent.TaskInfo f = a.task();
        slice(a.track(), "await " + f.function(), "await", a.start(), a.end())
                .raw("args", "{\"task\":" + f.id() + "}").end();
        if (a.taskTrack() == null) return;
        long id = ++awaitFlows;
        // The task's end, kept before the await's end even if two clocks disagree slightly.
        long from = Math.min(a.taskEnd(), a.end() - 1);
        flow("s", a.taskTrack(), id, from - 1);
        flow("f", a.track(), id, inside(a.start(), a.end(), false));
    }

    void instant(TraceEvent.Instant i) throws IOException {
        TraceEvent.TaskInfo f = i.task();
        StringBuilder args = new StringBuilder("{");
        if (f != null) args.append("\"task\":").append(f.id()).append(",\"function\":").append(quote(f.function())).append(',');
        args.append("\"detail\":").append(quote(i.detail())).append('}');
        event().str("name", i.name()).str("cat", "event").str("ph", "i").str("s", "t").time("ts", i.at())
                .num("pid", i.track().pid()).num("tid", i.track().tid()).raw("args", args.toString()).end();
    }

    /** A point strictly inside [start, end]: a nanosecond in from the start (or the end), or the middle of a shorter span. */
    private static long inside(long start, long end, boolean nearStart) {
        if (end - start < 3) return start + (end - start) / 2;
        return nearStart ? start + 1 : end - 1;
    }

    private void flow(String ph, TraceTrack track, long id, long at) throws IOException {
        Line l = event().str("name", "task").str("cat", "flow").str("ph", ph).num("id", id).time("ts", at)
                .num("pid", track.pid()).num("tid", track.tid());
        if (ph.equals("f")) l.str("bp", "e");
        l.end();
    }

    private Line slice(TraceTrack track, String name, String cat, long start, long end) throws IOException {
        return event().str("name", name).str("cat", cat).str("ph", "X").time("ts", start).raw("dur", micros(Math.max(0, end - start)))
                .num("pid", track.pid()).num("tid", track.tid());
    }

    /** Nanoseconds as microseconds with three decimals. */
    static String micros(long nanos) {
        long abs = Math.abs(nanos);
        String frac = Long.toString(1000 + abs % 1000).substring(1);
        return (nanos < 0 ? "-" : "") + (abs / 1000) + "." + frac;
    }

    // ------------------------------------------------------------------ one JSON object a line

    private Line event() throws IOException {
        if (!first) out.write(",\n");
        first = false;
        out.write('{');
        return new Line();
    }

    private final class Line {
        private boolean firstField = true;

        private void key(String k) throws IOException {
            if (!firstField) out.write(',');
            firstField = false;
            out.write('"');
            out.write(k);
            out.write("\":");
        }

        Line str(String k, String v) throws IOException { return raw(k, quote(v)); }

        Line num(String k, long v) throws IOException { return raw(k, Long.toString(v)); }

        Line raw(String k, String json) throws IOException {
            key(k);
            out.write(json);
            return this;
        }

        Line time(String k, long epochNanos) throws IOException { return raw(k, micros(epochNanos - origin)); }

        void end() throws IOException { out.write('}'); }
    }

    static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || Character.isSurrogate(c)) sb.append(String.format("\\u%04x", (int) c));
                    else sb.append(c);
                }
            }
        }
        return sb.append('"').toString();
    }
}
