package dev.skein.syntax;

import dev.skein.ast.LiteralBytes;
import java.math.BigInteger;

/** Decodes string, bytes and number literals the way Python reads them. */
final class StringLiterals {
    private StringLiterals() {}

    /** Splits a literal's prefix (letters before the quote) from the rest. */
    static int prefixLength(String lexeme) {
        int i = 0;
        while (i < lexeme.length() && Character.isLetter(lexeme.charAt(i))) i++;
        return i;
    }

    static int quoteLength(String lexeme, int prefix) {
        return lexeme.startsWith("\"\"\"", prefix) || lexeme.startsWith("'''", prefix) ? 3 : 1;
    }

    /** A STRING token's value: a String, or LiteralBytes for b"…" literals. */
    static Object decode(String lexeme) {
        int p = prefixLength(lexeme);
        String prefix = lexeme.substring(0, p).toLowerCase();
        int q = quoteLength(lexeme, p);
        String body = lexeme.substring(p + q, lexeme.length() - q);
        boolean raw = prefix.contains("r");
        if (prefix.contains("b")) {
            String text = raw ? body : unescape(body, true);
            byte[] out = new byte[text.length()];
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c > 0xff) throw new IllegalArgumentException("bytes literals may hold only ASCII characters and \\x escapes");
                out[i] = (byte) c;
            }
            return new LiteralBytes(out);
        }
        return raw ? body : unescape(body, false);
    }

    /** Processes backslash escapes; unknown escapes stay as they are (as in Python). */
    static String unescape(String s, boolean bytes) {
        if (s.indexOf('\\') < 0) return s;
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 >= s.length()) { sb.append(c); continue; }
            char n = s.charAt(++i);
            switch (n) {
                case 'n' -> sb.append('\n');
                case 't' -> sb.append('\t');
                case 'r' -> sb.append('\r');
                case '0', '1', '2', '3', '4', '5', '6', '7' -> {
                    int end = i;
                    while (end + 1 < s.length() && end - i < 2 && s.charAt(end + 1) >= '0' && s.charAt(end + 1) <= '7') end++;
                    sb.append((char) Integer.parseInt(s.substring(i, end + 1), 8));
                    i = end;
                }
                case 'a' -> sb.append('\u0007');
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'v' -> sb.append('\u000b');
                case '\\' -> sb.append('\\');
                case '\'' -> sb.append('\'');
                case '"' -> sb.append('"');
                case '\n' -> { }
                case '\r' -> { if (i + 1 < s.length() && s.charAt(i + 1) == '\n') i++; }
                case 'x' -> i = hex(s, i, 2, sb);
                case 'u' -> { if (bytes) sb.append("\\u"); else i = hex(s, i, 4, sb); }
                case 'U' -> { if (bytes) sb.append("\\U"); else i = hex(s, i, 8, sb); }
                default -> sb.append('\\').append(n);
            }
        }
        return sb.toString();
    }

    private static int hex(String s, int at, int digits, StringBuilder sb) {
        if (at + digits >= s.length() + 0 && at + digits > s.length() - 1 + 1) {
            throw new IllegalArgumentException("truncated \\" + s.charAt(at) + " escape");
        }
        String h = s.substring(at + 1, Math.min(s.length(), at + 1 + digits));
        if (h.length() < digits || !h.chars().allMatch(ch -> Character.digit(ch, 16) >= 0)) {
            throw new IllegalArgumentException("truncated \\" + s.charAt(at) + " escape");
        }
        sb.appendCodePoint(Integer.parseInt(h, 16));
        return at + digits;
    }

    /** An INT token's value: a Long, or a BigInteger when it does not fit. */
    static Object parseInt(String lexeme) {
        String s = lexeme.replace("_", "");
        int radix = 10;
        if (s.length() > 2 && s.charAt(0) == '0') {
            switch (Character.toLowerCase(s.charAt(1))) {
                case 'x' -> radix = 16;
                case 'o' -> radix = 8;
                case 'b' -> radix = 2;
                default -> { }
            }
            if (radix != 10) s = s.substring(2);
        }
        if (s.length() < 18 && radix == 10) return Long.parseLong(s);
        return canonical(new BigInteger(s, radix));
    }

    /** An integer literal's value: a Long when it fits, as the runtime keeps ints. */
    static Object canonical(BigInteger b) {
        return b.bitLength() < 64 ? (Object) b.longValue() : b;
    }
}
