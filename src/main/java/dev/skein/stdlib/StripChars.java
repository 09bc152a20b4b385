package dev.skein.stdlib;

/**
 * {@code str.strip(chars)} (and lstrip/rstrip): the text without the characters of {@code chars}
 * at its ends. Compares chars directly; only a surrogate at an end being examined sends the
 * call to the code-point path, which treats a pair as one character.
 */
final class StripChars {
    private StripChars() {}

    static String strip(String s, String chars, boolean left, boolean right) {
        int b = 0, e = s.length();
        for (; left && b < e; b++) {
            char c = s.charAt(b);
            if (Character.isSurrogate(c)) return byCodePoint(s, chars, left, right);
            if (chars.indexOf(c) < 0) break;
        }
        for (; right && e > b; e--) {
            char c = s.charAt(e - 1);
            if (Character.isSurrogate(c)) return byCodePoint(s, chars, left, right);
            if (chars.indexOf(c) < 0) break;
        }
        return s.substring(b, e);
    }

    private static String byCodePoint(String s, String chars, boolean left, boolean right) {
        return StrMethods.stripText(s, c -> chars.indexOf(c) >= 0, left, right);
    }
}
