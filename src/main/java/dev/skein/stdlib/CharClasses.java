package dev.skein.stdlib;

/** Python's character classes (str.isspace, isdigit, …) on Unicode code points. */
final class CharClasses {
    private CharClasses() {}

    /** Python's whitespace: Java's plus the no-break spaces and NEL. */
    static boolean isSpace(int c) {
        if (c < 0x80) return isAsciiSpace(c);   // the common case, without Character's table lookups
        return Character.isWhitespace(c) || c == 0x85 || c == 0xa0 || c == 0x2007 || c == 0x202f;
    }

    /** Python's (and Java's) whitespace among ASCII characters: tab to carriage return, the four separators 0x1c-0x1f, space. */
    static boolean isAsciiSpace(int c) {
        return c == ' ' || (c >= 0x09 && c <= 0x0d) || (c >= 0x1c && c <= 0x1f);
    }

    /** Line boundaries recognised by str.splitlines. */
    static boolean isLineBreak(int c) {
        return c == '\n' || c == '\r' || c == 0x0b || c == 0x0c || c == 0x1c || c == 0x1d || c == 0x1e
                || c == 0x85 || c == 0x2028 || c == 0x2029;
    }

    static boolean isDecimal(int c) { return Character.getType(c) == Character.DECIMAL_DIGIT_NUMBER; }

    /** Decimal digits plus digit-like symbols such as superscripts and circled digits. */
    static boolean isDigit(int c) {
        if (isDecimal(c)) return true;
        if (Character.getType(c) != Character.OTHER_NUMBER) return false;
        int v = Character.getNumericValue(c);
        return v >= 0 && v <= 9;
    }

    static boolean isNumeric(int c) {
        int t = Character.getType(c);
        return t == Character.DECIMAL_DIGIT_NUMBER || t == Character.LETTER_NUMBER || t == Character.OTHER_NUMBER
                || (Character.isIdeographic(c) && Character.getNumericValue(c) >= 0);
    }

    static boolean isAlpha(int c) { return Character.isLetter(c); }

    static boolean isAlnum(int c) { return isAlpha(c) || isNumeric(c); }

    static boolean isUpper(int c) { return Character.isUpperCase(c); }

    static boolean isLower(int c) { return Character.isLowerCase(c); }

    static boolean isTitle(int c) { return Character.isTitleCase(c); }

    static boolean isCased(int c) { return isUpper(c) || isLower(c) || isTitle(c); }

    /** Python's str.strip() default: the string without Python-whitespace at both ends. */
    static String stripSpace(String s) {
        int b = 0, e = s.length();
        while (b < e && isSpace(s.charAt(b))) b++;
        while (e > b && isSpace(s.charAt(e - 1))) e--;
        return s.substring(b, e);
    }
}
