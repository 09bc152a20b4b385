package dev.skein.process;

/**
 * Strings with a lone surrogate cross the process boundary intact: UTF-8 has no encoding for
 * one (Java's encoder writes "?"), so such a string travels as WTF-8 — UTF-8 that also encodes
 * a lone surrogate as its three-byte form — and the codec marks it (the top bit of its length),
 * so ordinary strings keep the JDK's fast UTF-8 paths both ways.
 */
final class Wtf8 {
    private Wtf8() {}

    static byte[] encode(String s) {
        byte[] out = new byte[s.length() * 3];
        int n = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);   // a lone surrogate comes back as itself
            i += Character.charCount(cp);
            if (cp < 0x80) {
                out[n++] = (byte) cp;
            } else if (cp < 0x800) {
                out[n++] = (byte) (0xC0 | cp >> 6);
                out[n++] = (byte) (0x80 | cp & 0x3F);
            } else if (cp < 0x10000) {
                out[n++] = (byte) (0xE0 | cp >> 12);
                out[n++] = (byte) (0x80 | cp >> 6 & 0x3F);
                out[n++] = (byte) (0x80 | cp & 0x3F);
            } else {
                out[n++] = (byte) (0xF0 | cp >> 18);
                out[n++] = (byte) (0x80 | cp >> 12 & 0x3F);
                out[n++] = (byte) (0x80 | cp >> 6 & 0x3F);
                out[n++] = (byte) (0x80 | cp & 0x3F);
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /** Decodes {@code b[from, from + len)}; anything that is not WTF-8 is a malformed frame. */
    static String decode(byte[] b, int from, int len) {
        StringBuilder sb = new StringBuilder(len);
        int i = from, end = from + len;
        while (i < end) {
            int x = b[i++] & 0xFF;
            int cp, more, min;
            if (x < 0x80) { sb.append((char) x); continue; }
            if (x >= 0xC2 && x < 0xE0) { cp = x & 0x1F; more = 1; min = 0x80; }
            else if (x >= 0xE0 && x < 0xF0) { cp = x & 0x0F; more = 2; min = 0x800; }
            else if (x >= 0xF0 && x < 0xF5) { cp = x & 0x07; more = 3; min = 0x10000; }
            else throw new Codec.MalformedFrame("bad string encoding (byte " + x + ")");
            if (end - i < more) throw new Codec.MalformedFrame("truncated string encoding");
            for (int k = 0; k < more; k++) {
                int y = b[i++] & 0xFF;
                if ((y & 0xC0) != 0x80) throw new Codec.MalformedFrame("bad string encoding (byte " + y + ")");
                cp = cp << 6 | y & 0x3F;
            }
            if (cp < min || cp > 0x10FFFF) throw new Codec.MalformedFrame("bad string encoding (code point " + cp + ")");
            sb.appendCodePoint(cp);
        }
        return sb.toString();
    }
}
