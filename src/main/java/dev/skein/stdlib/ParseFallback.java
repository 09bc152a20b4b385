package dev.skein.stdlib;

import dev.skein.runtime.Errors;
import dev.skein.runtime.Ops;

import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * Python's {@code int(str, base)} and {@code float(str)} parsing, used until the runtime's
 * NumberParsing is available (see {@link ConversionBuiltins#parseInt}).
 */
final class ParseFallback {
    private ParseFallback() {}

    private static final Pattern FLOAT = Pattern.compile(
            "[+-]?(?:(?:\\d(?:_?\\d)*)?\\.\\d(?:_?\\d)*|\\d(?:_?\\d)*\\.?)(?:[eE][+-]?\\d(?:_?\\d)*)?");
    private static final Pattern SPECIAL = Pattern.compile("[+-]?(?:inf|infinity|nan)", Pattern.CASE_INSENSITIVE);

    /** An int (Long or BigInteger) from text in base 0 (prefix decides) or 2..36. */
    static Object parseInt(String text, int base) {
        String s = asciiDigits(CharClasses.stripSpace(text));
        int i = 0, n = s.length();
        boolean negative = false;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) negative = s.charAt(i++) == '-';
        int b = base;
        boolean prefixed = false;
        if (i + 1 < n && s.charAt(i) == '0') {
            char p = Character.toLowerCase(s.charAt(i + 1));
            int pb = p == 'x' ? 16 : p == 'o' ? 8 : p == 'b' ? 2 : 0;
            if (pb != 0 && (base == 0 || base == pb)) {
                b = pb;
                i += 2;
                prefixed = true;
            }
        }
        if (b == 0) b = 10;
        StringBuilder digits = new StringBuilder(n - i);
        boolean lastWasDigit = false;
        for (int k = i; k < n; k++) {
            char c = s.charAt(k);
            if (c == '_') {
                // one underscore between digits, or right after a base prefix
                if (!(lastWasDigit || (prefixed && k == i)) || k + 1 >= n) throw invalidInt(text, base);
                lastWasDigit = false;
                continue;
            }
            int d = c < 128 ? Character.digit(c, b) : -1;
            if (d < 0) throw invalidInt(text, base);
            digits.append(c);
            lastWasDigit = true;
        }
        if (digits.isEmpty()) throw invalidInt(text, base);
        String ds = digits.toString();
        if (base == 0 && !prefixed && ds.length() > 1 && ds.chars().anyMatch(c -> c != '0') && ds.charAt(0) == '0') {
            throw invalidInt(text, base);   // "010" is ambiguous without a prefix
        }
        BigInteger v = new BigInteger(ds, b);
        return Ops.norm(negative ? v.negate() : v);
    }

    /** A float from text: decimal notation with optional underscores, inf, infinity or nan. */
    static double parseFloat(String text) {
        String s = asciiDigits(CharClasses.stripSpace(text));
        if (SPECIAL.matcher(s).matches()) {
            boolean negative = s.charAt(0) == '-';
            double v = s.toLowerCase().contains("nan") ? Double.NaN : Double.POSITIVE_INFINITY;
            return negative ? -v : v;
        }
        if (!FLOAT.matcher(s).matches()) throw Errors.value("could not convert string to float: " + Ops.repr(text));
        return Double.parseDouble(s.replace("_", ""));
    }

    /** Digits of other scripts (Arabic-Indic, fullwidth, …) replaced by ASCII ones, as Python does. */
    private static String asciiDigits(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 128 && CharClasses.isDecimal(c)) {
                if (sb == null) sb = new StringBuilder(s.substring(0, i));
                sb.append((char) ('0' + Character.digit(c, 10)));
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? s : sb.toString();
    }

    private static dev.skein.runtime.SkeinError invalidInt(String text, int base) {
        return Errors.value("invalid literal for int() with base " + base + ": " + Ops.repr(text));
    }
}
