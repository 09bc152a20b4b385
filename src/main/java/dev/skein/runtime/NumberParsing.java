package dev.skein.runtime;

import java.math.BigInteger;

/**
 * Text to numbers, as Python does it: {@code int(s, base)}, {@code float(s)}, and the int and
 * float literals of Skein source. Results are canonical ints (a Long when it fits, else a
 * BigInteger) and doubles; bad text raises ValueError (SyntaxError for source literals) in
 * Python's words.
 */
public final class NumberParsing {
    private NumberParsing() {}

    // ---------------------------------------------------------------- int()

    /** {@code int(s, base)}; base 0 means "as in source": a 0x / 0o / 0b prefix or decimal. */
    public static Object parseInt(String s, int base) {
        if ((base != 0 && base < 2) || base > 36) throw Errors.value("int() base must be >= 2 and <= 36, or 0");
        String ascii = toAscii(s);
        if (s.length() > IntDigits.MAX_STR_DIGITS) IntDigits.checkParse(s, base);
        Object v = ascii == null ? null : parseAsciiInt(ascii, 0, ascii.length(), base, true);
        if (v == null) {
            String r = Convert.repr(s);
            if (r.length() > 200) r = r.substring(0, 200);
            throw Errors.value("invalid literal for int() with base " + base + ": " + r);
        }
        return v;
    }

    /** {@code int(s)} in base 10. */
    public static Object parseInt(String s) { return parseInt(s, 10); }

    /**
     * The int of source literal text such as {@code 1_000_000}, {@code 0xFF}, {@code 0o17},
     * {@code 0b101} or a decimal of any length. Raises SyntaxError for malformed text.
     */
    public static Object parseIntLiteral(String lexeme) {
        int n = lexeme.length();
        if (n > 1 && lexeme.charAt(0) == '0') {
            char p = Character.toLowerCase(lexeme.charAt(1));
            int base = p == 'x' ? 16 : p == 'o' ? 8 : p == 'b' ? 2 : 0;
            if (base != 0) {
                Object v = parseAsciiInt(lexeme, 0, n, base, false);
                if (v != null) return v;
                String kind = base == 16 ? "hexadecimal" : base == 8 ? "octal" : "binary";
                for (int i = 2; i < n && base != 16; i++) {
                    char c = lexeme.charAt(i);
                    if (c >= '0' && c <= '9' && c - '0' >= base) {
                        throw Errors.of(ErrorKind.SYNTAX, "invalid digit '" + c + "' in " + kind + " literal");
                    }
                }
                throw Errors.of(ErrorKind.SYNTAX, "invalid " + kind + " literal");
            }
            Object v = parseAsciiInt(lexeme, 0, n, 10, false);
            if (v == null) throw Errors.of(ErrorKind.SYNTAX, "invalid decimal literal");
            if (!(v instanceof Long l && l == 0)) {
                throw Errors.of(ErrorKind.SYNTAX,
                        "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers");
            }
            return v;
        }
        Object v = parseAsciiInt(lexeme, 0, n, 10, false);
        if (v == null) throw Errors.of(ErrorKind.SYNTAX, "invalid decimal literal");
        return v;
    }

    /**
     * CPython's PyLong_FromString on ASCII text: optional whitespace and sign (when
     * {@code lenient}), an optional base prefix, digits with single underscores between them.
     * Returns null when the text is not a valid int.
     */
    private static Object parseAsciiInt(String s, int from, int to, int base, boolean lenient) {
        int i = from, end = to;
        boolean negative = false;
        if (lenient) {
            while (i < end && isAsciiSpace(s.charAt(i))) i++;
            while (end > i && isAsciiSpace(s.charAt(end - 1))) end--;
            if (i < end && (s.charAt(i) == '+' || s.charAt(i) == '-')) negative = s.charAt(i++) == '-';
        }
        boolean zeroOnly = false;
        char p = i + 1 < end ? Character.toLowerCase(s.charAt(i + 1)) : 0;
        if (base == 0) {
            if (i >= end || s.charAt(i) != '0') base = 10;
            else if (p == 'x') base = 16;
            else if (p == 'o') base = 8;
            else if (p == 'b') base = 2;
            else { base = 10; zeroOnly = true; }   // old C-style octal: only zeros are allowed
        }
        if (i + 1 < end && s.charAt(i) == '0'
                && ((base == 16 && p == 'x') || (base == 8 && p == 'o') || (base == 2 && p == 'b'))) {
            i += 2;
            if (i < end && s.charAt(i) == '_') i++;   // one underscore may follow the prefix
        }
        if (i >= end || s.charAt(i) == '_') return null;
        // Digits, accumulating into a long until it would overflow.
        long acc = 0;
        boolean big = false, prevUnderscore = false;
        int digitsStart = i;
        for (int k = i; k < end; k++) {
            char c = s.charAt(k);
            if (c == '_') {
                if (prevUnderscore) return null;
                prevUnderscore = true;
                continue;
            }
            int d = Character.digit(c, base);
            if (d < 0 || c > 'z') return null;
            prevUnderscore = false;
            if (!big) {
                if (acc > (Long.MAX_VALUE - d) / base) big = true;
                else acc = acc * base + d;
            }
        }
        if (prevUnderscore) return null;
        if (zeroOnly && (big || acc != 0)) return null;
        if (!big) return negative ? -acc : acc;
        StringBuilder digits = new StringBuilder(end - digitsStart);
        for (int k = digitsStart; k < end; k++) if (s.charAt(k) != '_') digits.append(s.charAt(k));
        BigInteger v = bigDigits(digits.toString(), 0, digits.length(), base, new java.util.HashMap<>());
        return Arith.norm(negative ? v.negate() : v);
    }

    /** Digits above this count are split in halves: BigInteger's own parser is quadratic. */
    private static final int SPLIT = 2000;

    /** The value of validated digits s[from, to): high half × base^len(low) + low half. */
    private static BigInteger bigDigits(String s, int from, int to, int base, java.util.Map<Integer, BigInteger> powers) {
        if (to - from <= SPLIT) return new BigInteger(s.substring(from, to), base);
        int mid = (from + to) >>> 1;
        BigInteger high = bigDigits(s, from, mid, base, powers);
        BigInteger low = bigDigits(s, mid, to, base, powers);
        BigInteger scale = powers.computeIfAbsent(to - mid, k -> BigInteger.valueOf(base).pow(k));
        return high.multiply(scale).add(low);
    }

    // ---------------------------------------------------------------- float()

    /** {@code float(s)}: decimal text with underscores between digits, inf, infinity, nan. */
    public static double parseFloat(String s) {
        String ascii = toAscii(s);
        if (ascii != null) {
            int i = 0, end = ascii.length();
            while (i < end && isAsciiSpace(ascii.charAt(i))) i++;
            while (end > i && isAsciiSpace(ascii.charAt(end - 1))) end--;
            double d = parseAsciiFloat(ascii, i, end, true);
            if (d == d || isNaNWord(ascii, i, end)) return d;
        }
        throw Errors.value("could not convert string to float: " + Convert.repr(s));
    }

    /** The float of source literal text such as {@code 1_000.5}, {@code .5}, {@code 1e-3}. */
    public static double parseFloatLiteral(String lexeme) {
        double d = parseAsciiFloat(lexeme, 0, lexeme.length(), false);
        if (d != d) throw Errors.of(ErrorKind.SYNTAX, "invalid decimal literal");
        return d;
    }

    private static boolean isNaNWord(String s, int i, int end) {
        if (i < end && (s.charAt(i) == '+' || s.charAt(i) == '-')) i++;
        return s.regionMatches(true, i, "nan", 0, 3) && end - i == 3;
    }

    /** Parses the float grammar on ASCII text; NaN means "invalid" unless the text is a nan word. */
    private static double parseAsciiFloat(String s, int i, int end, boolean words) {
        int start = i;
        boolean negative = false;
        if (words && i < end && (s.charAt(i) == '+' || s.charAt(i) == '-')) negative = s.charAt(i++) == '-';
        if (words && i < end && !isDigit(s.charAt(i)) && s.charAt(i) != '.') {
            int n = end - i;
            if ((n == 3 && s.regionMatches(true, i, "inf", 0, 3)) || (n == 8 && s.regionMatches(true, i, "infinity", 0, 8))) {
                return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            }
            return Double.NaN;   // "nan" itself is recognized by the caller
        }
        StringBuilder clean = new StringBuilder(end - start);
        if (negative) clean.append('-');
        int k = digitPart(s, i, end, clean);
        if (k < 0) return Double.NaN;
        boolean digits = k > i;
        if (k < end && s.charAt(k) == '.') {
            clean.append('.');
            int f = digitPart(s, k + 1, end, clean);
            if (f < 0) return Double.NaN;
            digits |= f > k + 1;
            k = f;
        }
        if (!digits) return Double.NaN;
        if (k < end && (s.charAt(k) == 'e' || s.charAt(k) == 'E')) {
            clean.append('e');
            k++;
            if (k < end && (s.charAt(k) == '+' || s.charAt(k) == '-')) clean.append(s.charAt(k++));
            int e = digitPart(s, k, end, clean);
            if (e <= k) return Double.NaN;
            k = e;
        }
        if (k != end) return Double.NaN;
        return Double.parseDouble(clean.toString());
    }

    /**
     * Copies digits with single underscores between them; returns the index after them, the
     * start index when there are none, or -1 when an underscore is misplaced.
     */
    private static int digitPart(String s, int i, int end, StringBuilder out) {
        int k = i;
        while (k < end) {
            char c = s.charAt(k);
            if (isDigit(c)) {
                out.append(c);
                k++;
            } else if (c == '_' && k > i && k + 1 < end && isDigit(s.charAt(k + 1))) {
                k++;
            } else {
                break;
            }
        }
        if (k < end && s.charAt(k) == '_') return -1;
        return k;
    }

    private static boolean isDigit(char c) { return c >= '0' && c <= '9'; }

    // ---------------------------------------------------------------- shared

    private static boolean isAsciiSpace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }

    /**
     * CPython's _PyUnicode_TransformDecimalAndSpaceToASCII: non-ASCII Unicode digits become
     * ASCII digits and non-ASCII whitespace becomes a space. Null when another non-ASCII
     * character is present (the text is then invalid).
     */
    private static String toAscii(String s) {
        int n = s.length();
        int i = 0;
        while (i < n && s.charAt(i) < 127) i++;
        if (i == n) return s;
        StringBuilder sb = new StringBuilder(n).append(s, 0, i);
        while (i < n) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp < 127) sb.append((char) cp);
            else if (cp == 0x85 || Character.isSpaceChar(cp)) sb.append(' ');
            else if (Character.getType(cp) == Character.DECIMAL_DIGIT_NUMBER) sb.append((char) ('0' + Character.digit(cp, 10)));
            else return null;
        }
        return sb.toString();
    }
}
