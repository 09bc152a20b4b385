package dev.skein.runtime;

import java.nio.charset.StandardCharsets;

/**
 * A Skein string may hold a lone surrogate ({@code chr(0xD800)}), a code point UTF-8 cannot
 * encode; Java's encoder would write it as "?" without a word. Output writes it as its escape
 * {@code \ud800} instead (CPython's {@code errors="backslashreplace"}): valid UTF-8, and visibly
 * not the character. Strings without one, nearly all, cost one look at the encoded bytes.
 */
public final class LoneSurrogates {
    private LoneSurrogates() {}

    /** The UTF-8 bytes of {@code s} for output, a lone surrogate as its escape. */
    public static byte[] utf8(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return maybeReplaced(b) && in(s) ? escape(s).getBytes(StandardCharsets.UTF_8) : b;
    }

    /**
     * Whether Java's UTF-8 encoder may have replaced a lone surrogate in these bytes: it writes
     * "?" for one, so bytes without a "?" had none.
     */
    public static boolean maybeReplaced(byte[] utf8) {
        for (byte x : utf8) if (x == '?') return true;
        return false;
    }

    /** Whether {@code s} holds a surrogate that is not half of a pair. */
    public static boolean in(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (!Character.isSurrogate(c)) continue;
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) i++;
            else return true;
        }
        return false;
    }

    /** {@code s} with each lone surrogate written as its escape, {@code \ud800}. */
    public static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                sb.append(c).append(s.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** {@code s} ready for a text terminal: as it is, or with its lone surrogates escaped. */
    public static String printable(String s) {
        return in(s) ? escape(s) : s;
    }
}
