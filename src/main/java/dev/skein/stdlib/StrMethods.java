package dev.skein.stdlib;

import dev.skein.runtime.Builtin;
import dev.skein.runtime.Allocation;
import dev.skein.runtime.CodePoints;
import dev.skein.runtime.Errors;
import dev.skein.runtime.SkeinDict;
import dev.skein.runtime.SkeinList;
import dev.skein.runtime.ThreadState;
import dev.skein.runtime.Values;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * The methods of str, with Python's names and semantics. Positions are code points, like
 * Skein's string indexing ({@link StrPositions} maps them to chars for the searches here).
 */
final class StrMethods {
    private StrMethods() {}

    static final Map<String, Builtin> METHODS = new MethodTable("str")
            .def3("split", "sep=?, maxsplit=?", (ts, a0, a1, a2) -> split(self(a0), a1, a2, false))
            .def3("rsplit", "sep=?, maxsplit=?", (ts, a0, a1, a2) -> split(self(a0), a1, a2, true))
            .def2("splitlines", "keepends=?", (ts, a0, a1) -> splitlines(self(a0), Args.truthy(a1, false)))
            .def2("join", "iterable", (ts, a0, a1) -> join(ts, self(a0), a1))
            .def2("strip", "chars=?", (ts, a0, a1) -> strip(self(a0), a1, true, true))
            .def2("lstrip", "chars=?", (ts, a0, a1) -> strip(self(a0), a1, true, false))
            .def2("rstrip", "chars=?", (ts, a0, a1) -> strip(self(a0), a1, false, true))
            .def1("upper", "", (ts, a0) -> self(a0).toUpperCase(Locale.ROOT))
            .def1("lower", "", (ts, a0) -> self(a0).toLowerCase(Locale.ROOT))
            .def1("casefold", "", (ts, a0) -> casefold(self(a0)))
            .def1("title", "", (ts, a0) -> title(self(a0)))
            .def1("capitalize", "", (ts, a0) -> capitalize(self(a0)))
            .def1("swapcase", "", (ts, a0) -> swapcase(self(a0)))
            .def("startswith", "prefix, start=?, end=?", (ts, a) -> affix(self(a), a[1], StrPositions.window(ts, self(a), a[2], a[3]), "startswith", true))
            .def("endswith", "suffix, start=?, end=?", (ts, a) -> affix(self(a), a[1], StrPositions.window(ts, self(a), a[2], a[3]), "endswith", false))
            .def("find", "sub, start=?, end=?", (ts, a) -> (long) StrPositions.find(ts, self(a), sub(a[1]), a[2], a[3], false))
            .def("rfind", "sub, start=?, end=?", (ts, a) -> (long) StrPositions.find(ts, self(a), sub(a[1]), a[2], a[3], true))
            .def("index", "sub, start=?, end=?", (ts, a) -> found(StrPositions.find(ts, self(a), sub(a[1]), a[2], a[3], false)))
            .def("rindex", "sub, start=?, end=?", (ts, a) -> found(StrPositions.find(ts, self(a), sub(a[1]), a[2], a[3], true)))
            .def("count", "sub, start=?, end=?", (ts, a) -> StrPositions.count(ts, self(a), sub(a[1]), a[2], a[3]))
            .def("replace", "old, new, count=?", (ts, a) -> replace(self(a), Args.str(a[1], "replace() argument 1"),
                    Args.str(a[2], "replace() argument 2"), Args.index(a[3], -1)))
            .def1("isdigit", "", (ts, a0) -> all(self(a0), CharClasses::isDigit))
            .def1("isdecimal", "", (ts, a0) -> all(self(a0), CharClasses::isDecimal))
            .def1("isnumeric", "", (ts, a0) -> all(self(a0), CharClasses::isNumeric))
            .def1("isalpha", "", (ts, a0) -> all(self(a0), CharClasses::isAlpha))
            .def1("isalnum", "", (ts, a0) -> all(self(a0), CharClasses::isAlnum))
            .def1("isspace", "", (ts, a0) -> all(self(a0), CharClasses::isSpace))
            .def1("isascii", "", (ts, a0) -> self(a0).chars().allMatch(c -> c < 0x80))
            .def1("isupper", "", (ts, a0) -> cased(self(a0), CharClasses::isUpper, c -> CharClasses.isLower(c) || CharClasses.isTitle(c)))
            .def1("islower", "", (ts, a0) -> cased(self(a0), CharClasses::isLower, c -> CharClasses.isUpper(c) || CharClasses.isTitle(c)))
            .def1("istitle", "", (ts, a0) -> istitle(self(a0)))
            .def2("zfill", "width", (ts, a0, a1) -> zfill(self(a0), Args.index(a1)))
            .def3("ljust", "width, fillchar=?", (ts, a0, a1, a2) -> justify(self(a0), Args.index(a1), a2, 'l'))
            .def3("rjust", "width, fillchar=?", (ts, a0, a1, a2) -> justify(self(a0), Args.index(a1), a2, 'r'))
            .def3("center", "width, fillchar=?", (ts, a0, a1, a2) -> justify(self(a0), Args.index(a1), a2, 'c'))
            .def2("partition", "sep", (ts, a0, a1) -> partition(self(a0), a1, false))
            .def2("rpartition", "sep", (ts, a0, a1) -> partition(self(a0), a1, true))
            .def2("removeprefix", "prefix", (ts, a0, a1) -> {
                String s = self(a0), p = Args.str(a1, "removeprefix() argument");
                return s.startsWith(p) ? s.substring(p.length()) : s;
            })
            .def2("removesuffix", "suffix", (ts, a0, a1) -> {
                String s = self(a0), p = Args.str(a1, "removesuffix() argument");
                return s.endsWith(p) && !p.isEmpty() ? s.substring(0, s.length() - p.length()) : s;
            })
            .def2("expandtabs", "tabsize=?", (ts, a0, a1) -> expandtabs(self(a0), Args.index(a1, 8)))
            .def3("encode", "encoding=?, errors=?", (ts, a0, a1, a2) -> Codecs.encode(self(a0),
                    Args.str(a1, "encode() argument 'encoding'", "utf-8"), Args.str(a2, "encode() argument 'errors'", "strict")))
            .def("format", "*args, **kwargs", (ts, a) -> StrFormat.format(self(a), (Object[]) a[1], (SkeinDict) a[2]))
            .build();

    private static String self(Object[] a) { return (String) a[0]; }

    private static String self(Object o) { return (String) o; }

    private static String sub(Object o) {
        if (o instanceof String s) return s;
        throw Errors.type("must be str, not " + Values.typeName(o));
    }

    // ---------------------------------------------------------------- splitting and joining

    private static SkeinList split(String s, Object sepSlot, Object maxSlot, boolean fromRight) {
        if (Args.present(sepSlot) && !(sepSlot instanceof String)) {
            throw Errors.type("must be str or none, not " + Values.typeName(sepSlot));
        }
        String sep = Args.present(sepSlot) ? (String) sepSlot : null;
        long max = Args.index(maxSlot, -1);
        if (sep == null && !fromRight) return WhitespaceSplit.split(s, max < 0 ? Long.MAX_VALUE : max);
        return SkeinList.copyOf(splitText(s, sep, max, fromRight, CharClasses::isSpace));
    }

    /**
     * str.split / rsplit (and bytes', on Latin-1 text): by {@code sep}, or when it is null by
     * runs of characters that satisfy {@code space}; at most {@code max} splits (negative: no limit).
     */
    static List<String> splitText(String s, String sep, long max, boolean fromRight, IntPredicate space) {
        if (max < 0) max = Long.MAX_VALUE;
        if (sep == null) return fromRight ? rsplitSpace(s, max, space) : splitSpace(s, max, space);
        if (sep.isEmpty()) throw Errors.value("empty separator");
        List<String> out = new ArrayList<>();
        if (!fromRight) {
            int from = 0;
            for (int i; out.size() < max && (i = s.indexOf(sep, from)) >= 0; from = i + sep.length()) out.add(s.substring(from, i));
            out.add(s.substring(from));
        } else {
            int to = s.length();
            for (int i; out.size() < max && (i = s.lastIndexOf(sep, to - sep.length())) >= 0; to = i) {
                out.add(s.substring(i + sep.length(), to));
            }
            out.add(s.substring(0, to));
            java.util.Collections.reverse(out);
        }
        return out;
    }

    private static List<String> splitSpace(String s, long max, IntPredicate space) {
        List<String> out = new ArrayList<>();
        int i = 0, n = s.length();
        while (true) {
            while (i < n && space.test(s.charAt(i))) i++;
            if (i >= n) break;
            if (out.size() >= max) {
                out.add(s.substring(i));
                break;
            }
            int j = i;
            while (j < n && !space.test(s.charAt(j))) j++;
            out.add(s.substring(i, j));
            i = j;
        }
        return out;
    }

    private static List<String> rsplitSpace(String s, long max, IntPredicate space) {
        List<String> out = new ArrayList<>();
        int j = s.length();
        while (true) {
            while (j > 0 && space.test(s.charAt(j - 1))) j--;
            if (j <= 0) break;
            if (out.size() >= max) {
                out.add(s.substring(0, j));
                break;
            }
            int i = j;
            while (i > 0 && !space.test(s.charAt(i - 1))) i--;
            out.add(s.substring(i, j));
            j = i;
        }
        java.util.Collections.reverse(out);
        return out;
    }

    private static SkeinList splitlines(String s, boolean keepends) {
        List<Object> out = new ArrayList<>();
        int start = 0, i = 0, n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (!CharClasses.isLineBreak(c)) { i++; continue; }
            int eol = i;
            i += c == '\r' && i + 1 < n && s.charAt(i + 1) == '\n' ? 2 : 1;
            out.add(s.substring(start, keepends ? i : eol));
            start = i;
        }
        if (start < n) out.add(s.substring(start));
        return SkeinList.copyOf(out);
    }

    private static String join(ThreadState ts, String sep, Object iterable) {
        Object[] items = Iter.toArray(ts, iterable);
        long length = (long) sep.length() * Math.max(0, items.length - 1);
        for (int i = 0; i < items.length; i++) {
            if (!(items[i] instanceof String s)) {
                throw Errors.type("sequence item " + i + ": expected str instance, " + Values.typeName(items[i]) + " found");
            }
            length += s.length();
        }
        StringBuilder sb = Allocation.chars(length, "a str");   // sized once, so it never copies as it grows
        for (int i = 0; i < items.length; i++) {
            Iter.tick(ts, i);   // a join of millions of items stops when its task is cancelled
            if (i > 0) sb.append(sep);
            sb.append((String) items[i]);
        }
        return sb.toString();
    }

    private static SkeinList partition(String s, Object sepSlot, boolean fromRight) {
        String sep = sub(sepSlot);
        if (sep.isEmpty()) throw Errors.value("empty separator");
        int i = fromRight ? s.lastIndexOf(sep) : s.indexOf(sep);
        if (i < 0) return fromRight ? SkeinList.of("", "", s) : SkeinList.of(s, "", "");
        return SkeinList.of(s.substring(0, i), sep, s.substring(i + sep.length()));
    }

    // ---------------------------------------------------------------- searching

    static int find(String s, String sub, Object start, Object end) {
        return find(s, sub, Args.window(start, end, s.length()));
    }

    /** The first {@code sub} inside the char window {@code w}, or -1. */
    static int find(String s, String sub, int[] w) {
        if (w[1] - w[0] < sub.length()) return -1;
        int i = s.indexOf(sub, w[0]);
        return i < 0 || i + sub.length() > w[1] ? -1 : i;
    }

    static int rfind(String s, String sub, Object start, Object end) {
        return rfind(s, sub, Args.window(start, end, s.length()));
    }

    static int rfind(String s, String sub, int[] w) {
        if (w[1] - w[0] < sub.length()) return -1;
        int i = s.lastIndexOf(sub, w[1] - sub.length());
        return i < w[0] ? -1 : i;
    }

    private static long found(int i) {
        if (i < 0) throw Errors.value("substring not found");
        return i;
    }

    static long count(String s, String sub, Object start, Object end) {
        return count(s, sub, Args.window(start, end, s.length()));
    }

    static long count(String s, String sub, int[] w) {
        if (w[1] - w[0] < sub.length()) return 0;
        if (sub.isEmpty()) return w[1] - w[0] + 1;
        long n = 0;
        for (int i = s.indexOf(sub, w[0]); i >= 0 && i + sub.length() <= w[1]; i = s.indexOf(sub, i + sub.length())) n++;
        return n;
    }

    private static boolean affix(String s, Object affixes, int[] w, String fn, boolean prefix) {
        if (affixes instanceof String one) return affixMatches(s, one, w, prefix);
        if (affixes instanceof SkeinList options) {
            for (Object o : options.snapshot()) {
                if (!(o instanceof String one)) {
                    throw Errors.type("a list for " + fn + " must only contain str, not " + Values.typeName(o));
                }
                if (affixMatches(s, one, w, prefix)) return true;
            }
            return false;
        }
        throw Errors.type(fn + " first arg must be str or a list of str, not " + Values.typeName(affixes));
    }

    static boolean affixMatches(String s, String a, int[] w, boolean prefix) {
        if (w[0] > s.length() || w[1] - w[0] < a.length()) return false;
        return s.regionMatches(prefix ? w[0] : w[1] - a.length(), a, 0, a.length());
    }

    static String replace(String s, String old, String replacement, long count) {
        if (count < 0) count = Long.MAX_VALUE;
        if (count == 0) return s;
        if (old.isEmpty()) {
            StringBuilder sb = new StringBuilder();
            long done = 0;
            for (int i = 0; i <= s.length(); ) {   // between code points, not between a surrogate pair's halves
                if (done < count) { sb.append(replacement); done++; }
                if (i == s.length()) break;
                int n = Character.charCount(s.codePointAt(i));
                sb.append(s, i, i + n);
                i += n;
            }
            return sb.toString();
        }
        if (count == Long.MAX_VALUE) return s.replace(old, replacement);
        StringBuilder sb = new StringBuilder();
        int from = 0;
        long done = 0;
        for (int i; done < count && (i = s.indexOf(old, from)) >= 0; from = i + old.length(), done++) {
            sb.append(s, from, i).append(replacement);
        }
        return sb.append(s, from, s.length()).toString();
    }

    // ---------------------------------------------------------------- stripping and padding

    private static String strip(String s, Object charsSlot, boolean left, boolean right) {
        if (!Args.present(charsSlot)) return stripText(s, CharClasses::isSpace, left, right);
        if (charsSlot instanceof String chars) return StripChars.strip(s, chars, left, right);
        throw Errors.type("strip arg must be none or str");
    }

    /** The text without the characters that satisfy {@code strip} at its left and/or right end. */
    static String stripText(String s, IntPredicate strip, boolean left, boolean right) {
        int b = 0, e = s.length();
        for (int cp; left && b < e && strip.test(cp = s.codePointAt(b)); ) b += Character.charCount(cp);   // by code point
        for (int cp; right && e > b && strip.test(cp = s.codePointBefore(e)); ) e -= Character.charCount(cp);
        return s.substring(b, e);
    }

    private static String zfill(String s, long width) {
        int length = CodePoints.length(s);
        if (width <= length) return s;
        long chars = width - length + s.length();   // the result's length in chars (negative: it overflowed)
        int pad = Allocation.length(chars < 0 ? Long.MAX_VALUE : chars, 1, "a str") - s.length();
        boolean signed = !s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-');
        String zeros = "0".repeat(pad);
        return signed ? s.charAt(0) + zeros + s.substring(1) : zeros + s;
    }

    private static String justify(String s, long width, Object fillSlot, char how) {
        String fill = " ";
        if (Args.given(fillSlot)) {
            if (!(fillSlot instanceof String f) || f.codePointCount(0, f.length()) != 1) {
                throw Errors.type("The fill character must be exactly one character long");
            }
            fill = f;
        }
        int length = CodePoints.length(s);
        if (width <= length) return s;
        Allocation.length(Allocation.times(width, fill.length()), 1, "a str");
        int margin = (int) (width - length);
        int left = switch (how) {
            case 'l' -> 0;
            case 'r' -> margin;
            default -> margin / 2 + (margin & (int) width & 1);   // CPython's centering rule
        };
        return fill.repeat(left) + s + fill.repeat(margin - left);
    }

    private static String expandtabs(String s, long tabsize) {
        StringBuilder sb = new StringBuilder();
        long column = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\t') {
                if (tabsize > 0) {
                    long spaces = tabsize - column % tabsize;
                    Allocation.length(sb.length() + spaces, 1, "a str");
                    sb.append(" ".repeat((int) spaces));
                    column += spaces;
                }
            } else {
                sb.append(c);
                boolean secondHalf = Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
                column = c == '\n' || c == '\r' ? 0 : secondHalf ? column : column + 1;   // a column per code point
            }
        }
        return sb.toString();
    }

    // ---------------------------------------------------------------- case

    private static String casefold(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> sb.append(Character.toString(cp).toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT)));
        return sb.toString();
    }

    private static String title(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        boolean previousCased = false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            sb.append(previousCased ? Character.toString(cp).toLowerCase(Locale.ROOT) : titleCase(cp));
            previousCased = CharClasses.isCased(cp);
        }
        return sb.toString();
    }

    private static String capitalize(String s) {
        if (s.isEmpty()) return s;
        int first = s.codePointAt(0);
        int n = Character.charCount(first);
        return titleCase(first) + s.substring(n).toLowerCase(Locale.ROOT);
    }

    /** Full title-case mapping of one character: 'ß' becomes "Ss", as in Python. */
    private static String titleCase(int cp) {
        int t = Character.toTitleCase(cp);
        if (t != cp) return Character.toString(t);
        String upper = Character.toString(cp).toUpperCase(Locale.ROOT);
        int first = upper.codePointAt(0);
        if (upper.length() == Character.charCount(first)) return Character.toString(cp);
        return Character.toString(first) + upper.substring(Character.charCount(first)).toLowerCase(Locale.ROOT);
    }

    private static String swapcase(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            String c = Character.toString(cp);
            if (CharClasses.isUpper(cp)) sb.append(c.toLowerCase(Locale.ROOT));
            else if (CharClasses.isLower(cp)) sb.append(c.toUpperCase(Locale.ROOT));
            else sb.append(c);
        });
        return sb.toString();
    }

    // ---------------------------------------------------------------- classification

    private static boolean all(String s, IntPredicate p) {
        return !s.isEmpty() && s.codePoints().allMatch(p);
    }

    /** isupper / islower: some character is {@code wanted} and none is {@code forbidden}. */
    private static boolean cased(String s, IntPredicate wanted, IntPredicate forbidden) {
        boolean any = false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (forbidden.test(cp)) return false;
            if (wanted.test(cp)) any = true;
        }
        return any;
    }

    private static boolean istitle(String s) {
        boolean any = false, previousCased = false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (CharClasses.isUpper(cp) || CharClasses.isTitle(cp)) {
                if (previousCased) return false;
                previousCased = true;
                any = true;
            } else if (CharClasses.isLower(cp)) {
                if (!previousCased) return false;
                previousCased = true;
                any = true;
            } else {
                previousCased = false;
            }
        }
        return any;
    }
}
