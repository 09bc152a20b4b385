package dev.skein.stdlib;

import dev.skein.runtime.CodePoints;
import dev.skein.runtime.ThreadState;

/**
 * The str methods that take or give positions ({@code find}, {@code rfind}, {@code index},
 * {@code rindex}, {@code count}, {@code startswith}, {@code endswith}) in code points, as
 * indexing and {@code len} count. The searching itself is {@link StrMethods}' over chars: a
 * window in code points becomes one in chars, a char position found becomes a code point's.
 * A string without surrogate pairs takes the char path as it is.
 */
final class StrPositions {
    private StrPositions() {}

    static int find(ThreadState ts, String s, String sub, Object start, Object end, boolean last) {
        if (whole(start, end)) {   // no index needed: the code points before the match are counted
            int i = last ? StrMethods.rfind(s, sub, start, end) : StrMethods.find(s, sub, start, end);
            return i <= 0 ? i : s.codePointCount(0, i);
        }
        CodePoints cp = CodePoints.of(ts, s);
        if (cp.simple()) return last ? StrMethods.rfind(s, sub, start, end) : StrMethods.find(s, sub, start, end);
        int i = last ? StrMethods.rfind(s, sub, chars(cp, start, end)) : StrMethods.find(s, sub, chars(cp, start, end));
        return i < 0 ? -1 : cp.cpIndex(i);
    }

    static long count(ThreadState ts, String s, String sub, Object start, Object end) {
        if (whole(start, end)) return sub.isEmpty() ? CodePoints.length(s) + 1 : StrMethods.count(s, sub, start, end);
        CodePoints cp = CodePoints.of(ts, s);
        if (cp.simple()) return StrMethods.count(s, sub, start, end);
        if (sub.isEmpty()) {   // the places between code points, not between chars
            int[] w = Args.window(start, end, cp.length());
            return w[1] < w[0] ? 0 : w[1] - w[0] + 1;
        }
        return StrMethods.count(s, sub, chars(cp, start, end));
    }

    /** The char window of {@code s[start:end]} (positions in code points, as Args.window takes them). */
    static int[] window(ThreadState ts, String s, Object start, Object end) {
        if (whole(start, end)) return new int[] {0, s.length()};
        CodePoints cp = CodePoints.of(ts, s);
        return cp.simple() ? Args.window(start, end, s.length()) : chars(cp, start, end);
    }

    /** No start and no end: the whole string, whose char window needs no index. */
    private static boolean whole(Object start, Object end) {
        return !Args.present(start) && !Args.present(end);
    }

    private static int[] chars(CodePoints cp, Object start, Object end) {
        int[] w = Args.window(start, end, cp.length());
        return new int[] {cp.charIndex(w[0]), cp.charIndex(w[1])};
    }
}
