package dev.skein.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A trace file read back (its own small JSON reader, so the test does not trust the writer's
 * idea of JSON), checked against the Trace Event Format's documented fields, and normalised for
 * a golden comparison.
 */
public final class TraceFile {
    public final List<Map<String, Object>> events;
    /** Track names by "pid/tid" and group names by pid, from the M events. */
    public final Map<String, String> threads = new HashMap<>();
    public final Map<Long, String> processes = new HashMap<>();

    private TraceFile(List<Map<String, Object>> events) {
        this.events = events;
        for (Map<String, Object> e : events) {
            if (!"M".equals(e.get("ph"))) continue;
            String name = (String) ((Map<?, ?>) e.get("args")).get("name");
            if ("process_name".equals(e.get("name"))) processes.put(num(e, "pid"), name);
            else threads.put(num(e, "pid") + "/" + num(e, "tid"), name);
        }
    }

    @SuppressWarnings("unchecked")
    public static TraceFile read(Path file) throws IOException {
        Object top = new Reader(Files.readString(file, StandardCharsets.UTF_8)).document();
        assertTrue(top instanceof Map, "the trace is a JSON object");
        Object list = ((Map<String, Object>) top).get("traceEvents");
        assertTrue(list instanceof List, "it has a traceEvents array");
        List<Map<String, Object>> events = new ArrayList<>();
        for (Object o : (List<Object>) list) {
            assertTrue(o instanceof Map, "every event is an object: " + o);
            events.add((Map<String, Object>) o);
        }
        return new TraceFile(events);
    }

    static long num(Map<String, Object> e, String key) {
        Object v = e.get(key);
        assertTrue(v instanceof Number, key + " is a number in " + e);
        return ((Number) v).longValue();
    }

    static double time(Map<String, Object> e, String key) {
        Object v = e.get(key);
        assertTrue(v instanceof Number, key + " is a number in " + e);
        return ((Number) v).doubleValue();
    }

    public String track(Map<String, Object> e) { return threads.get(num(e, "pid") + "/" + num(e, "tid")); }

    public String group(Map<String, Object> e) { return processes.get(num(e, "pid")); }

    public List<Map<String, Object>> slices(String cat) {
        return events.stream().filter(e -> "X".equals(e.get("ph")) && cat.equals(e.get("cat"))).toList();
    }

    public List<Map<String, Object>> instants(String name) {
        return events.stream().filter(e -> "i".equals(e.get("ph")) && name.equals(e.get("name"))).toList();
    }

    // ------------------------------------------------------------------ the schema

    /**
     * Every event has the fields its phase needs (name, ph, pid, tid; ts for all but M; dur >= 0
     * for X; an id and cat for flows; a scope for instants; args.name for M), every track and
     * group it names is named by an M event, every flow id has exactly one start and one end,
     * each end bound inside a slice of its track at or after its start, and the X slices of each
     * track nest (none overlaps another partly).
     */
    public void checkSchema() {
        Map<Object, List<Map<String, Object>>> flows = new HashMap<>();
        Map<String, List<double[]>> slicesByTrack = new TreeMap<>();
        for (Map<String, Object> e : events) {
            Object ph = e.get("ph");
            assertTrue(e.get("name") instanceof String, "name in " + e);
            num(e, "pid");
            num(e, "tid");
            if (!"M".equals(ph)) {
                assertTrue(time(e, "ts") >= 0, "ts >= 0 in " + e);
                assertTrue(track(e) != null, "a thread_name for the track of " + e);
                assertTrue(group(e) != null, "a process_name for the pid of " + e);
            }
            switch (String.valueOf(ph)) {
                case "M" -> {
                    assertTrue(Set.of("process_name", "thread_name").contains(e.get("name")), "metadata kind in " + e);
                    assertTrue(e.get("args") instanceof Map<?, ?> a && a.get("name") instanceof String, "args.name in " + e);
                }
                case "X" -> {
                    assertTrue(time(e, "dur") >= 0, "dur >= 0 in " + e);
                    assertTrue(e.get("cat") instanceof String, "cat in " + e);
                    assertTrue(e.get("args") == null || e.get("args") instanceof Map, "args is an object in " + e);
                    slicesByTrack.computeIfAbsent(num(e, "pid") + "/" + num(e, "tid"), k -> new ArrayList<>())
                            .add(new double[] {time(e, "ts"), time(e, "ts") + time(e, "dur")});
                }
                case "s", "f" -> {
                    assertTrue(e.get("id") instanceof Number, "flow id in " + e);
                    assertTrue(e.get("cat") instanceof String, "flow cat in " + e);
                    if ("f".equals(ph)) assertEquals("e", e.get("bp"), "a flow end binds to its enclosing slice: " + e);
                    flows.computeIfAbsent(e.get("id"), k -> new ArrayList<>()).add(e);
                }
                case "i" -> assertTrue(Set.of("t", "p", "g").contains(e.get("s")), "instant scope in " + e);
                default -> fail("unexpected phase " + ph + " in " + e);
            }
        }
        for (Map.Entry<Object, List<Map<String, Object>>> flow : flows.entrySet()) {
            List<Map<String, Object>> pair = flow.getValue();
            assertEquals(2, pair.size(), "flow " + flow.getKey() + " has one start and one end: " + pair);
            Map<String, Object> s = pair.stream().filter(e -> "s".equals(e.get("ph"))).findFirst().orElseThrow();
            Map<String, Object> f = pair.stream().filter(e -> "f".equals(e.get("ph"))).findFirst().orElseThrow();
            assertTrue(time(s, "ts") <= time(f, "ts"), "flow " + flow.getKey() + " goes forward in time");
            assertTrue(insideSlice(s) && insideSlice(f), "both ends of flow " + flow.getKey() + " lie inside slices of their tracks");
        }
        for (Map.Entry<String, List<double[]>> track : slicesByTrack.entrySet()) {
            List<double[]> spans = new ArrayList<>(track.getValue());
            spans.sort(Comparator.<double[]>comparingDouble(a -> a[0]).thenComparingDouble(a -> -a[1]));
            List<double[]> open = new ArrayList<>();
            for (double[] span : spans) {
                while (!open.isEmpty() && open.get(open.size() - 1)[1] <= span[0]) open.remove(open.size() - 1);
                if (!open.isEmpty()) {
                    assertTrue(span[1] <= open.get(open.size() - 1)[1],
                            "slices of track " + threads.get(track.getKey()) + " nest: [" + span[0] + ", " + span[1] + "] overlaps [" + open.get(open.size() - 1)[0] + ", " + open.get(open.size() - 1)[1] + "]");
                }
                open.add(span);
            }
        }
    }

    private boolean insideSlice(Map<String, Object> flow) {
        double t = time(flow, "ts");
        for (Map<String, Object> e : slicesOf().getOrDefault(num(flow, "pid") + "/" + num(flow, "tid"), List.of())) {
            if (time(e, "ts") <= t && t <= time(e, "ts") + time(e, "dur")) return true;
        }
        return false;
    }

    private Map<String, List<Map<String, Object>>> slicesByTrack;

    /** The X slices of each track ("pid/tid"), so a trace of thousands of flows checks in linear time per track. */
    private Map<String, List<Map<String, Object>>> slicesOf() {
        if (slicesByTrack == null) {
            slicesByTrack = new HashMap<>();
            for (Map<String, Object> e : events) {
                if ("X".equals(e.get("ph"))) slicesByTrack.computeIfAbsent(num(e, "pid") + "/" + num(e, "tid"), k -> new ArrayList<>()).add(e);
            }
        }
        return slicesByTrack;
    }

    // ------------------------------------------------------------------ the golden form

    /**
     * Per track (sorted by group and name, pids and worker numbers replaced), its events in time
     * order without times: slices with their name and the args that do not depend on timing,
     * flows named by what they join, instants. What runs where and what joins what, nothing more.
     */
    public String normalised() {
        Map<String, List<Map<String, Object>>> byTrack = new TreeMap<>();
        for (Map<String, Object> e : events) {
            if ("M".equals(e.get("ph"))) continue;
            byTrack.computeIfAbsent(plain(group(e)) + " / " + plain(track(e)), k -> new ArrayList<>()).add(e);
        }
        Map<Object, String> flowNames = new HashMap<>();
        for (Map<String, Object> e : events) {
            if (!"s".equals(e.get("ph"))) continue;
            long id = num(e, "id");
            flowNames.put(e.get("id"), id < (1L << 40) ? "submit->task " + id : "task->await");
        }
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, List<Map<String, Object>>> track : byTrack.entrySet()) {
            sb.append(track.getKey()).append('\n');
            List<Map<String, Object>> es = new ArrayList<>(track.getValue());
            es.sort(Comparator.<Map<String, Object>>comparingDouble(e -> time(e, "ts")));
            for (Map<String, Object> e : es) {
                sb.append("  ").append(e.get("ph")).append(' ');
                switch (String.valueOf(e.get("ph"))) {
                    case "X" -> {
                        sb.append(e.get("cat")).append(' ').append(e.get("name"));
                        Map<?, ?> a = (Map<?, ?>) e.get("args");
                        for (String k : List.of("task", "args", "outcome")) if (a != null && a.get(k) != null) sb.append(' ').append(k).append('=').append(a.get(k));
                    }
                    case "s", "f" -> sb.append(flowNames.get(e.get("id")));
                    case "i" -> {
                        Map<?, ?> a = (Map<?, ?>) e.get("args");
                        sb.append(e.get("name")).append(" task=").append(a.get("task"));
                    }
                    default -> sb.append(e.get("name"));
                }
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    private static String plain(String name) {
        return name.replaceAll("\\(pid \\d+\\)", "(pid N)").replaceAll("process \\d+", "process N").replaceAll("#\\d+", "#N")
                .replaceAll("skein [^ ]*/", "skein ");
    }

    // ------------------------------------------------------------------ a small JSON reader

    private static final class Reader {
        private final String s;
        private int i;

        Reader(String s) { this.s = s; }

        Object document() {
            Object v = value();
            space();
            assertEquals(s.length(), i, "nothing after the JSON value");
            return v;
        }

        private void space() { while (i < s.length() && " \t\r\n".indexOf(s.charAt(i)) >= 0) i++; }

        private Object value() {
            space();
            char c = s.charAt(i);
            if (c == '{') return object();
            if (c == '[') return array();
            if (c == '"') return string();
            if (s.startsWith("true", i)) { i += 4; return true; }
            if (s.startsWith("false", i)) { i += 5; return false; }
            if (s.startsWith("null", i)) { i += 4; return null; }
            int start = i;
            while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) i++;
            String n = s.substring(start, i);
            if (n.isEmpty()) fail("bad JSON at " + start + ": " + s.substring(start, Math.min(s.length(), start + 40)));
            return n.contains(".") || n.contains("e") || n.contains("E") ? (Object) Double.parseDouble(n) : (Object) Long.parseLong(n);
        }

        private Map<String, Object> object() {
            Map<String, Object> m = new LinkedHashMap<>();
            i++;
            space();
            if (s.charAt(i) == '}') { i++; return m; }
            while (true) {
                space();
                String k = string();
                space();
                assertEquals(':', s.charAt(i++), "a colon after a key");
                m.put(k, value());
                space();
                char c = s.charAt(i++);
                if (c == '}') return m;
                assertEquals(',', c, "a comma between members at " + (i - 1));
            }
        }

        private List<Object> array() {
            List<Object> l = new ArrayList<>();
            i++;
            space();
            if (s.charAt(i) == ']') { i++; return l; }
            while (true) {
                l.add(value());
                space();
                char c = s.charAt(i++);
                if (c == ']') return l;
                assertEquals(',', c, "a comma between elements at " + (i - 1));
            }
        }

        private String string() {
            assertEquals('"', s.charAt(i++), "a string at " + (i - 1));
            StringBuilder sb = new StringBuilder();
            while (true) {
                char c = s.charAt(i++);
                if (c == '"') return sb.toString();
                assertTrue(c >= 0x20, "no raw control character in a string");
                if (c != '\\') { sb.append(c); continue; }
                char e = s.charAt(i++);
                switch (e) {
                    case '"', '\\', '/' -> sb.append(e);
                    case 'n' -> sb.append('\n');
                    case 't' -> sb.append('\t');
                    case 'r' -> sb.append('\r');
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case 'u' -> { sb.append((char) Integer.parseInt(s.substring(i, i + 4), 16)); i += 4; }
                    default -> fail("bad escape \\" + e);
                }
            }
        }
    }
}
