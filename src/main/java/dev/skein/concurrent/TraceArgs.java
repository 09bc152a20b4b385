package dev.skein.concurrent;

import dev.skein.runtime.Convert;
import dev.skein.runtime.SkeinDict;
import dev.skein.runtime.SkeinList;
import dev.skein.runtime.Values;

/**
 * The short argument summary a task's slice shows: "(42, 'abc', list[1000])". A submit records
 * each argument as two longs (its kind and keyword, and a number, a string's number in the
 * buffer's table or a container's size), in time bounded by the number of arguments and with no
 * text built; the summary is formatted when the trace is written. The timeline keeps no
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
            long kw = i >= positional ? (long) into.ref(kwNames[i - positional]) << 32 : 0;
            Object v = args[i];
            if (v instanceof Long x) into.arg(kw | INT, x);
            else if (v instanceof String s) {
                if (s.length() <= MAX_STRING) into.arg(kw | STR, into.add(s));
                else into.arg(kw | STR_CUT, into.add(s.substring(0, MAX_STRING)));
            } else if (v instanceof Double d) into.arg(kw | FLOAT, Double.doubleToRawLongBits(d));
            else if (v instanceof Boolean b) into.arg(kw | (b ? TRUE : FALSE), 0);
            else if (v == null) into.arg(kw | NONE, 0);
            else if (v instanceof SkeinList l) into.arg(kw | LIST, l.size());
            else if (v instanceof SkeinDict d) into.arg(kw | DICT, d.size());
            else into.arg(kw | TYPE, into.ref(Values.typeName(v)));
        }
    }

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
