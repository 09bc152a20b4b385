package dev.skein.stdlib.modules;

import dev.skein.runtime.ErrorKind;
import dev.skein.runtime.Errors;
import dev.skein.runtime.FloatRepr;
import dev.skein.runtime.RecordValue;
import dev.skein.runtime.SkeinDict;
import dev.skein.runtime.SkeinList;
import dev.skein.runtime.ThreadState;
import dev.skein.runtime.Values;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.IdentityHashMap;

/**
 * json.dumps, producing exactly the text of Python's {@code json.dumps} for the same options.
 * Containers are read through snapshots, so other threads may keep changing them.
 */
final class JsonWriter {
    /** Nesting deeper than this is reported as RecursionError (Python's default limit). */
    static final int MAX_DEPTH = 1000;

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final ThreadState ts;
    private final String indent;          // null: single line
    private final String itemSeparator;
    private final String keySeparator;
    private final boolean sortKeys;
    private final boolean ensureAscii;
    private final boolean allowNan;
    private final Object defaultFn;       // null: none
    private final StringBuilder out = new StringBuilder();
    private final IdentityHashMap<Object, Boolean> active = new IdentityHashMap<>();

    JsonWriter(ThreadState ts, String indent, String itemSeparator, String keySeparator,
               boolean sortKeys, boolean ensureAscii, boolean allowNan, Object defaultFn) {
        this.ts = ts;
        this.indent = indent;
        this.itemSeparator = itemSeparator;
        this.keySeparator = keySeparator;
        this.sortKeys = sortKeys;
        this.ensureAscii = ensureAscii;
        this.allowNan = allowNan;
        this.defaultFn = defaultFn;
    }

    String write(Object value) {
        value(value, 0);
        return out.toString();
    }

    private void value(Object v, int depth) {
        if (v == null) out.append("null");
        else if (v instanceof Boolean b) out.append(b ? "true" : "false");
        else if (v instanceof Long) out.append(v);
        else if (v instanceof BigInteger b) out.append(dev.skein.runtime.IntDigits.decimal(b));
        else if (v instanceof Double d) out.append(floatText(d));
        else if (v instanceof String s) string(s);
        else if (v instanceof SkeinList l) container(l, depth, () -> array(l.snapshot(), depth));
        else if (v instanceof SkeinDict d) container(d, depth, () -> object(d.entriesSnapshot(), depth));
        else if (v instanceof RecordValue r) container(r, depth, () -> object(recordEntries(r), depth));
        else if (defaultFn != null) container(v, depth, () -> value(ts.call(defaultFn, v), depth + 1));
        else throw Errors.type("Object of type " + Values.typeName(v) + " is not JSON serializable");
    }

    private void container(Object c, int depth, Runnable body) {
        if (depth >= MAX_DEPTH) throw Errors.of(ErrorKind.RECURSION, "maximum recursion depth exceeded while encoding a JSON object");
        if (active.put(c, Boolean.TRUE) != null) throw Errors.value("Circular reference detected");
        ts.poll();
        body.run();
        active.remove(c);
    }

    private String floatText(double d) {
        if (Double.isFinite(d)) return FloatRepr.repr(d);
        if (!allowNan) throw Errors.value("Out of range float values are not JSON compliant");
        return Double.isNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity";
    }

    private void array(Object[] xs, int depth) {
        if (xs.length == 0) { out.append("[]"); return; }
        out.append('[');
        for (int i = 0; i < xs.length; i++) {
            if (i > 0) out.append(itemSeparator);
            newline(depth + 1);
            value(xs[i], depth + 1);
        }
        newline(depth);
        out.append(']');
    }

    private void object(Object[] kv, int depth) {
        if (kv.length == 0) { out.append("{}"); return; }
        if (sortKeys) kv = sortedEntries(kv);
        out.append('{');
        for (int i = 0; i < kv.length; i += 2) {
            if (i > 0) out.append(itemSeparator);
            newline(depth + 1);
            string(keyText(kv[i]));
            out.append(keySeparator);
            value(kv[i + 1], depth + 1);
        }
        newline(depth);
        out.append('}');
    }

    private void newline(int depth) {
        if (indent == null) return;
        out.append('\n');
        for (int i = 0; i < depth; i++) out.append(indent);
    }

    /** Python converts non-string keys the way it writes the values: 1 -> "1", true -> "true". */
    private String keyText(Object k) {
        if (k instanceof String s) return s;
        if (k == null) return "null";
        if (k instanceof Boolean b) return b ? "true" : "false";
        if (k instanceof Long) return k.toString();
        if (k instanceof BigInteger b) return dev.skein.runtime.IntDigits.decimal(b);
        if (k instanceof Double d) return floatText(d);
        throw Errors.type("keys must be str, int, float, bool or none, not " + Values.typeName(k));
    }

    private static Object[] sortedEntries(Object[] kv) {
        Integer[] order = new Integer[kv.length / 2];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Values.compare(kv[2 * a], kv[2 * b]));
        Object[] out = new Object[kv.length];
        for (int i = 0; i < order.length; i++) {
            out[2 * i] = kv[2 * order[i]];
            out[2 * i + 1] = kv[2 * order[i] + 1];
        }
        return out;
    }

    private static Object[] recordEntries(RecordValue r) {
        Object[] kv = new Object[r.size() * 2];
        for (int i = 0; i < r.size(); i++) {
            kv[2 * i] = r.type().field(i);
            kv[2 * i + 1] = r.get(i);
        }
        return kv;
    }

    private void string(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || (ensureAscii && c > 0x7e)) {
                        out.append("\\u").append(HEX[c >> 12]).append(HEX[(c >> 8) & 15])
                                .append(HEX[(c >> 4) & 15]).append(HEX[c & 15]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
