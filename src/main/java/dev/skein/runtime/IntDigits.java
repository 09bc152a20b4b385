package dev.skein.runtime;

import java.math.BigInteger;

/**
 * CPython's bound on conversions between ints and decimal text (4300 digits, its default):
 * converting more digits takes time quadratic in their number, so {@code int("9" * 10**7)} or
 * {@code str(7**2000000)} would run for minutes without a check for cancellation. Bases that
 * are powers of two (hex, octal, binary) convert in linear time and are not bounded, as in
 * CPython. Skein has no {@code sys} module, so the bound is fixed and the messages stop before
 * CPython's hint about {@code sys.set_int_max_str_digits()}.
 */
public final class IntDigits {
    private IntDigits() {}

    /** The most decimal digits an int may have when converted to or from text. */
    public static final int MAX_STR_DIGITS = 4300;

    /** 2^14285 > 10^4300: an int of more bits surely has more than the allowed digits. */
    private static final int MAX_BITS = 14285;

    private static final String EXCEEDS = "Exceeds the limit (" + MAX_STR_DIGITS + " digits) for integer string conversion";

    /** The decimal text of {@code v}; ValueError past {@link #MAX_STR_DIGITS} digits. */
    public static String decimal(BigInteger v) {
        if (v.bitLength() > MAX_BITS) throw Errors.value(EXCEEDS);
        String s = v.toString();
        if (s.length() - (v.signum() < 0 ? 1 : 0) > MAX_STR_DIGITS) throw Errors.value(EXCEEDS);
        return s;
    }

    /** The text of {@code v} in {@code base}: bounded like {@link #decimal} unless the base is a power of two. */
    public static String inBase(BigInteger v, int base) {
        return base == 10 ? decimal(v) : (base & (base - 1)) == 0 ? v.toString(base) : checkedDigits(v.toString(base), v.signum() < 0);
    }

    private static String checkedDigits(String s, boolean negative) {
        if (s.length() - (negative ? 1 : 0) > MAX_STR_DIGITS) throw Errors.value(EXCEEDS);
        return s;
    }

    /**
     * Checks the digit count of text about to be parsed as an int in {@code base} (0: from its
     * prefix) before the slow part starts: ValueError naming the count past the bound.
     */
    public static void checkParse(String text, int base) {
        int digits = 0, i = 0, n = text.length();
        while (i < n && (Character.isWhitespace(text.charAt(i)) || text.charAt(i) == '+' || text.charAt(i) == '-')) i++;
        if (i + 1 < n && text.charAt(i) == '0') {
            char p = Character.toLowerCase(text.charAt(i + 1));
            if ((p == 'x' && (base == 0 || base == 16)) || (p == 'o' && (base == 0 || base == 8)) || (p == 'b' && (base == 0 || base == 2))) return;
        }
        if (base != 0 && (base & (base - 1)) == 0) return;
        for (; i < n; i++) if (Character.isLetterOrDigit(text.charAt(i))) digits++;
        if (digits > MAX_STR_DIGITS) throw Errors.value(EXCEEDS + ": value has " + digits + " digits");
    }
}
