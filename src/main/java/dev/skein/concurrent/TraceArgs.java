package dev.skein.concurrent;

import dev.skein.runtime.Convert;
import dev.skein.runtime.SkeinDict;
import dev.skein.runtime.SkeinList;
import dev.skein.runtime.Values;

/**
 * The short argument summary a task's slice shows: "(42, 'abc', list[1000])". Made when the task
 * is recorded, in time bounded by the number of arguments (never a repr of a whole container),
 * so the timeline keeps no reference to the task or its values.
 */
final class TraceArgs {
    static final int MAX_CHARS = 80;
    private static final int MAX_STRING = 24;

    private TraceArgs() {}

    /** Appends the summary of a call's arguments to {@code out}. */
    static void summary(StringBuilder out, Object[] args, String[] kwNames) {
        int from = out.length();
        out.append('(');
        int positional = args.length - (kwNames == null ? 0 : kwNames.length);
        for (int i = 0; i < args.length && out.length() - from < MAX_CHARS; i++) {
            if (i > 0) out.append(", ");
            if (i >= positional) out.append(kwNames[i - positional]).append('=');
            one(out, args[i]);
        }
        out.append(')');
        if (out.length() - from > MAX_CHARS) {
            out.setLength(from + MAX_CHARS - 2);
            out.append("…)");
        }
    }

    private static void one(StringBuilder sb, Object v) {
        switch (v) {
            case null -> sb.append("none");
            case Boolean b -> sb.append(b ? "true" : "false");
            case Long n -> sb.append(n);
            case Double d -> sb.append(Convert.repr(d));
            case String s -> {
                sb.append('\'');
                if (s.length() <= MAX_STRING) sb.append(s);
                else sb.append(s, 0, MAX_STRING).append('…');
                sb.append('\'');
            }
            case SkeinList l -> sb.append("list[").append(l.size()).append(']');
            case SkeinDict d -> sb.append("dict[").append(d.size()).append(']');
            default -> sb.append(Values.typeName(v));
        }
    }
}
