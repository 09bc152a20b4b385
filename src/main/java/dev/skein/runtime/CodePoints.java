package dev.skein.runtime;

import java.util.Arrays;

/**
 * A Skein string is a sequence of Unicode code points, held in a Java string (UTF-16), where a
 * character outside the Basic Multilingual Plane takes two chars, a surrogate pair. This maps
 * code-point positions (what {@code len}, indexing, slicing and {@code find} speak) to char
 * positions. A lone surrogate is one code point, as in CPython.
 *
 * <p>Most strings have no surrogate pair, and their positions map one to one: indexing stays
 * O(1) and slicing O(k). Telling costs nothing for Latin-1 strings (the JDK's
 * {@link String#codePointCount} answers from the string's coder) and one scan for the others,
 * which a {@link Cache} on the running thread keeps, so a loop over {@code s[i]} scans once. For
 * strings with pairs the index lists the code-point positions of the pairs: a position maps
 * with a binary search over them.
 */
public final class CodePoints {
    private static final int[] NO_PAIRS = new int[0];
    /** Strings shorter than this are scanned again rather than cached (they would push big ones out). */
    static final int CACHE_FROM = 64;

    private final String s;
    private final int length;
    /** Code-point positions of the characters that take a surrogate pair, ascending. */
    private final int[] pairs;

    private CodePoints(String s, int length, int[] pairs) {
        this.s = s;
        this.length = length;
        this.pairs = pairs;
    }

    /** The index of {@code s}, built now (O(1) for a Latin-1 string, one scan otherwise). */
    public static CodePoints of(String s) {
        int n = s.length();
        int count = s.codePointCount(0, n);
        if (count == n) return new CodePoints(s, n, NO_PAIRS);
        int[] pairs = new int[n - count];
        for (int i = 0, cp = 0, k = 0; i < n; cp++) {
            if (Character.isHighSurrogate(s.charAt(i)) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                pairs[k++] = cp;
                i += 2;
            } else {
                i++;
            }
        }
        return new CodePoints(s, count, pairs);
    }

    /** The index of {@code s}, from the thread's cache when it indexed {@code s} lately ({@code ts} null: built now). */
    public static CodePoints of(ThreadState ts, String s) {
        return ts == null || s.length() < CACHE_FROM ? of(s) : ts.codePoints().get(s);
    }

    /** {@code s[i]}, without building an index for a short string of one-char code points. */
    public static String at(ThreadState ts, String s, long i) {
        int n = s.length();
        if (n < CACHE_FROM && s.codePointCount(0, n) == n) {
            long j = i < 0 ? i + n : i;
            if (j < 0 || j >= n) throw Errors.index("string index out of range");
            return String.valueOf(s.charAt((int) j));
        }
        return of(ts, s).at(i);
    }

    /** {@code len(s)}: its code points. */
    public static int length(String s) { return s.codePointCount(0, s.length()); }

    public int length() { return length; }

    /** Whether code points and chars coincide (no surrogate pair). */
    public boolean simple() { return pairs.length == 0; }

    /** The char position of code point {@code k}, 0 ≤ k ≤ length. */
    public int charIndex(long k) {
        if (pairs.length == 0) return (int) k;
        int before = Arrays.binarySearch(pairs, (int) k);
        if (before < 0) before = -before - 1;   // pairs before position k
        return (int) k + before;
    }

    /** The code-point position of char position {@code c} (the start of a code point, or the end). */
    public int cpIndex(int c) {
        if (pairs.length == 0) return c;
        int lo = 0, hi = pairs.length;   // pairs whose high half lies before c: pairs[j] + j < c
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (pairs[mid] + mid < c) lo = mid + 1;
            else hi = mid;
        }
        return c - lo;
    }

    /** {@code s[i]}: negative counts from the end. */
    public String at(long i) {
        long j = i < 0 ? i + length : i;
        if (j < 0 || j >= length) throw Errors.index("string index out of range");
        int c = charIndex(j);
        return pairAt(c) ? s.substring(c, c + 2) : String.valueOf(s.charAt(c));
    }

    /** Whether a surrogate pair starts at char position {@code c} (not a lone high surrogate). */
    private boolean pairAt(int c) {
        return pairs.length > 0 && Character.isHighSurrogate(s.charAt(c)) && c + 1 < s.length() && Character.isLowSurrogate(s.charAt(c + 1));
    }

    /** {@code s[start:stop:step]}. */
    public String slice(SliceValue slice) {
        long[] ix = slice.indices(length);
        if (ix[2] == 1) return s.substring(charIndex(ix[0]), charIndex(Math.max(ix[0], ix[1])));
        StringBuilder sb = new StringBuilder((int) Math.min(ix[3] * (pairs.length == 0 ? 1 : 2), Integer.MAX_VALUE - 16));
        for (long k = 0, p = ix[0]; k < ix[3]; k++, p += ix[2]) {
            int c = charIndex(p);
            sb.append(s.charAt(c));
            if (pairAt(c)) sb.append(s.charAt(c + 1));
        }
        return sb.toString();
    }

    /**
     * The last few strings a thread indexed, by identity: the scan that finds a string's pairs
     * runs once, not at each {@code s[i]} of a loop. One per {@link ThreadState}, used by its
     * thread only.
     */
    public static final class Cache {
        private static final int SIZE = 4;
        private final CodePoints[] entries = new CodePoints[SIZE];
        private int next;
        /** The entry found last: a loop indexes one string many times (checked first, inline). */
        private CodePoints last;

        CodePoints get(String s) {
            CodePoints e = last;
            return e != null && e.s == s ? e : find(s);
        }

        private CodePoints find(String s) {
            for (CodePoints e : entries) {
                if (e != null && e.s == s) return last = e;
            }
            CodePoints e = of(s);
            entries[next] = e;
            next = (next + 1) % SIZE;
            return last = e;
        }
    }
}
