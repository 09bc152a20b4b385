package dev.skein.concurrent;

import dev.skein.runtime.Convert;
import dev.skein.runtime.SkeinDict;
import dev.skein.runtime.SkeinList;
import dev.skein.runtime.Values;

/**
 * The short argument summary a task's slice shows: "(42, 'abc', list[1000])". A run records
 * each argument as its kind and keyword and a number (a string's number in the buffer's table,
 * a container's size), each in as few bytes as it needs, in time bounded by the number of
 * arguments and with no text built; the summary is formatted when the trace is written. The timeline keeps no
 * reference to the task or its values: a string is kept only up to the length shown.
 */
final class TraceArgs {
    static final int MAX_CHARS = 80;
    /** Each argument shows as at least one character and a ", ": no summary shows more than these. */
    static final int MAX_ARGS = MAX_CHARS / 3 + 1;
    private static final int MAX_STRING = 24;
    private static final int NONE = 0, TRUE = 1, FALSE = 2, INT = 3, FLOAT = 4, STR = 5, STR_CUT = 6, LIST = 7, DICT = 8, TYPE = 9;

    private TraceArgs() {}

    /** Records the first {@code n} of a call's arguments in {@code into}. */
    static void encode(TraceBuffer into, Object[] args, String[] kwNames, int n) {
        int positional = args.length - (kwNames == null ? 0 : kwNames.length);
        for (int i = 0; i < n; i++) {
            int kw = i >= positional ? into.ref(kwNames[i - positional]) : 0;
            Object v = args[i];
            if (v instanceof Long x) into.arg(INT, kw, x);
            else if (v instanceof String s) {
                if (s.length() <= MAX_STRING) into.arg(STR, kw, into.add(s));
                else into.arg(STR_CUT, kw, into.add(s.substring(0, MAX_STRING)));
            } else if (v instanceof Double d) into.arg(FLOAT, kw, Double.doubleToRawLongBits(d));
            else if (v instanceof Boolean b) into.arg(b ? TRUE : FALSE, kw, 0);
            else if (v == null) into.arg(NONE, kw, 0);
            else if (v instanceof SkeinList l) into.arg(LIST, kw, l.size());
            else if (v instanceof SkeinDict d) into.arg(DICT, kw, d.size());
            else into.arg(TYPE, kw, into.ref(Values.typeName(v)));
        }
    }

    /** Whether a kind's value is kept as its 64 raw bits (a float), not as a small number. */
    static boolean isRaw(int kind) { return kind == FLOAT; }

    /** Whether a kind has a value at all (none, true and false are their kind alone). */
    static boolean hasValue(int kind) { return kind > FALSE; }

    /** The summary of recorded arguments ({@code args}: kind and value, two longs each; {@code strings}: the buffer's table). */
    static String format(long[] args, String[] strings) {
        StringBuilder out = new StringBuilder().append('(');
        for (int i = 0; i < args.length / 2 && out.length() < MAX_CHARS; i++) {
            if (i > 0) out.append(", ");
            long meta = args[2 * i], v = args[2 * i + 1];
            int kw = (int) (meta >>> 32);
            if (kw != 0) out.append(strings[kw]).append('=');
            switch ((int) meta) {
                case NONE -> out.append("none");
                case TRUE -> out.append("true");
                case FALSE -> out.append("false");
                case INT -> out.append(v);
                case FLOAT -> out.append(Convert.repr(Double.longBitsToDouble(v)));
                case STR -> out.append('\'').append(strings[(int) v]).append('\'');
                case STR_CUT -> out.append('\'').append(strings[(int) v]).append("…'");
                case LIST -> out.append("list[").append(v).append(']');
                case DICT -> out.append("dict[").append(v).append(']');
                default -> out.append(strings[(int) v]);
            }
        }
        out.append(')');
        if (out.length() > MAX_CHARS) {
            out.setLength(MAX_CHARS - 2);
            out.append("…)");
        }
        return out.toString();
    }
}
