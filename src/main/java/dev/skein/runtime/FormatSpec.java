package dev.skein.runtime;

import java.math.BigInteger;

/**
 * Python's format-spec mini-language ({@code format(v, spec)}, {@code f"{v:spec}"},
 * {@code str.format}): {@code [[fill]align][sign][z][#][0][width][grouping][.precision][type]}.
 * Ints, floats and strings follow CPython's formatter exactly (a port of
 * Python/formatter_unicode.c); bools format as ints once a spec is given; none and every other
 * value format their {@code str()} as a string.
 */
public final class FormatSpec {
    private FormatSpec() {}

    /** Widths and precisions above this are refused rather than risking the heap. */
    private static final long MAX_SIZE = 10_000_000L;

    /** The parsed specifier. {@code width} and {@code precision} are -1 when absent. */
    private static final class Spec {
        int fill = ' ';
        char align;
        char sign;          // '\0', '+', '-' or ' '
        boolean noNeg0;
        boolean alt;
        long width = -1;
        char grouping;      // '\0', ',' or '_'
        int groupSize = 3;  // 4 for '_' with b, o, x, X
        long precision = -1;
        int type;
    }

    // ---------------------------------------------------------------- entry points

    /** {@code format(value, spec)}. */
    public static String format(Object value, String spec) {
        if (spec.isEmpty()) return Convert.str(value);
        if (value instanceof Long || value instanceof BigInteger || value instanceof Boolean) {
            Spec s = parse(value, spec, 'd', '>');
            return switch (s.type) {
                case 'b', 'c', 'd', 'o', 'x', 'X', 'n' -> formatInt(value, s);
                case 'e', 'E', 'f', 'F', 'g', 'G', '%' -> formatFloat(Convert.toDouble(value, "value"), s);
                default -> throw unknownType(s.type, value);
            };
        }
        if (value instanceof Double d) {
            Spec s = parse(value, spec, '\0', '>');
            return switch (s.type) {
                case '\0', 'e', 'E', 'f', 'F', 'g', 'G', 'n', '%' -> formatFloat(d, s);
                default -> throw unknownType(s.type, value);
            };
        }
        // Strings, and as a Skein extension every other value through its str().
        Spec s = parse(value, spec, 's', '<');
        if (s.type != 's') throw unknownType(s.type, value);
        return formatString(Convert.str(value), s);
    }

    /** The {@code !r}, {@code !s} and {@code !a} conversions of f-strings and {@code str.format}. */
    public static String conversion(Object value, char conv) {
        return switch (conv) {
            case 'r' -> Convert.repr(value);
            case 's' -> Convert.str(value);
            case 'a' -> ascii(value);
            default -> throw Errors.value("Unknown conversion specifier " + conv);
        };
    }

    /** {@code ascii(value)}: the repr with every non-ASCII character escaped. */
    public static String ascii(Object value) {
        String r = Convert.repr(value);
        int i = 0;
        while (i < r.length() && r.charAt(i) < 0x80) i++;
        if (i == r.length()) return r;
        StringBuilder sb = new StringBuilder(r.length() + 16).append(r, 0, i);
        while (i < r.length()) {
            int cp = r.codePointAt(i);
            i += Character.charCount(cp);
            if (cp < 0x80) sb.append((char) cp);
            else Convert.appendEscape(sb, cp);
        }
        return sb.toString();
    }

    // ---------------------------------------------------------------- parsing

    private static boolean isAlign(int c) { return c == '<' || c == '>' || c == '=' || c == '^'; }

    private static Spec parse(Object value, String text, char defaultType, char defaultAlign) {
        int[] cp = text.codePoints().toArray();
        int end = cp.length, pos = 0;
        Spec s = new Spec();
        s.align = defaultAlign;
        s.type = defaultType;
        boolean alignSpecified = false, fillSpecified = false;
        if (end - pos >= 2 && isAlign(cp[pos + 1])) {
            s.align = (char) cp[pos + 1];
            s.fill = cp[pos];
            fillSpecified = alignSpecified = true;
            pos += 2;
        } else if (end - pos >= 1 && isAlign(cp[pos])) {
            s.align = (char) cp[pos];
            alignSpecified = true;
            pos++;
        }
        if (pos < end && (cp[pos] == '+' || cp[pos] == '-' || cp[pos] == ' ')) s.sign = (char) cp[pos++];
        if (pos < end && cp[pos] == 'z') { s.noNeg0 = true; pos++; }
        if (pos < end && cp[pos] == '#') { s.alt = true; pos++; }
        if (!fillSpecified && pos < end && cp[pos] == '0') {
            s.fill = '0';
            if (!alignSpecified && defaultAlign == '>') s.align = '=';
            pos++;
        }
        int start = pos;
        long width = 0;
        while (pos < end && Character.isDigit(cp[pos])) width = accumulate(width, cp[pos++]);
        if (pos > start) s.width = width;
        if (pos < end && cp[pos] == ',') { s.grouping = ','; pos++; }
        if (pos < end && cp[pos] == '_') {
            if (s.grouping != 0) throw Errors.value("Cannot specify both ',' and '_'.");
            s.grouping = '_';
            pos++;
        }
        if (pos < end && cp[pos] == ',' && s.grouping == '_') throw Errors.value("Cannot specify both ',' and '_'.");
        if (pos < end && cp[pos] == '.') {
            pos++;
            start = pos;
            long precision = 0;
            while (pos < end && Character.isDigit(cp[pos])) precision = accumulate(precision, cp[pos++]);
            if (pos == start) throw Errors.value("Format specifier missing precision");
            s.precision = precision;
        }
        if (end - pos > 1) {
            throw Errors.value("Invalid format specifier '" + text + "' for object of type '" + Values.typeName(value) + "'");
        }
        if (end - pos == 1) s.type = cp[pos];
        if (s.grouping != 0) {
            switch (s.type) {
                case 'd', 'e', 'f', 'g', 'E', 'G', '%', 'F', '\0' -> { }
                case 'b', 'o', 'x', 'X' -> {
                    if (s.grouping != '_') throw invalidGrouping(s.grouping, s.type);
                    s.groupSize = 4;
                }
                default -> throw invalidGrouping(s.grouping, s.type);
            }
        }
        if (s.width > MAX_SIZE) throw Errors.overflow("format width too big");
        if (s.precision > MAX_SIZE) throw Errors.overflow("format precision too big");
        return s;
    }

    private static long accumulate(long acc, int digitChar) {
        int d = Character.digit(digitChar, 10);
        if (acc > (Long.MAX_VALUE - d) / 10) throw Errors.value("Too many decimal digits in format string");
        return acc * 10 + d;
    }

    private static String typeChar(int type) {
        return type > 32 && type < 128 ? String.valueOf((char) type) : "\\x" + Integer.toHexString(type);
    }

    private static SkeinError invalidGrouping(char grouping, int type) {
        return Errors.value("Cannot specify '" + grouping + "' with '" + typeChar(type) + "'.");
    }

    private static SkeinError unknownType(int type, Object value) {
        return Errors.value("Unknown format code '" + typeChar(type) + "' for object of type '" + Values.typeName(value) + "'");
    }

    // ---------------------------------------------------------------- strings

    private static String formatString(String value, Spec s) {
        if (s.sign != 0) {
            throw Errors.value(s.sign == ' ' ? "Space not allowed in string format specifier"
                    : "Sign not allowed in string format specifier");
        }
        if (s.noNeg0) throw Errors.value("Negative zero coercion (z) not allowed in string format specifier");
        if (s.alt) throw Errors.value("Alternate form (#) not allowed in string format specifier");
        if (s.align == '=') throw Errors.value("'=' alignment not allowed in string format specifier");
        int len = value.codePointCount(0, value.length());
        if ((s.width < 0 || s.width <= len) && (s.precision < 0 || s.precision >= len)) return value;
        String body = value;
        if (s.precision >= 0 && len >= s.precision) {
            len = (int) s.precision;
            body = value.substring(0, value.offsetByCodePoints(0, len));
        }
        long pad = Math.max(0, s.width - len);
        long left = switch (s.align) {
            case '>' -> pad;
            case '^' -> pad / 2;
            default -> 0;
        };
        StringBuilder sb = new StringBuilder(body.length() + (int) pad);
        fill(sb, s.fill, left);
        sb.append(body);
        fill(sb, s.fill, pad - left);
        return sb.toString();
    }

    private static void fill(StringBuilder sb, int fill, long n) {
        for (long i = 0; i < n; i++) sb.appendCodePoint(fill);
    }

    // ---------------------------------------------------------------- ints

    private static String formatInt(Object value, Spec s) {
        if (s.precision != -1) throw Errors.value("Precision not allowed in integer format specifier");
        if (s.noNeg0) throw Errors.value("Negative zero coercion (z) not allowed in integer format specifier");
        if (s.type == 'c') {
            if (s.sign != 0) throw Errors.value("Sign not allowed with integer format specifier 'c'");
            if (s.alt) throw Errors.value("Alternate form (#) not allowed with integer format specifier 'c'");
            if (value instanceof BigInteger) throw Errors.overflow("Python int too large to convert to C long");
            long x = Convert.toLong(value, "value");
            if (x < 0 || x > 0x10ffff) throw Errors.overflow("%c arg not in range(0x110000)");
            // The character is all "remainder": no digits, no grouping, no prefix.
            return layoutNumber(s, false, "", "", new String(Character.toChars((int) x)), false);
        }
        int base = switch (s.type) {
            case 'b' -> 2;
            case 'o' -> 8;
            case 'x', 'X' -> 16;
            default -> 10;
        };
        String text = value instanceof BigInteger b ? IntDigits.inBase(b, base) : Long.toString(Convert.toLong(value, "value"), base);
        boolean negative = text.charAt(0) == '-';
        String digits = negative ? text.substring(1) : text;
        String prefix = "";
        if (s.alt && base != 10) prefix = base == 2 ? "0b" : base == 8 ? "0o" : "0x";
        if (s.type == 'X') {
            digits = digits.toUpperCase();
            prefix = prefix.toUpperCase();
        }
        return layoutNumber(s, negative, prefix, digits, "", false);
    }

    // ---------------------------------------------------------------- floats

    private static String formatFloat(double val, Spec s) {
        if (s.precision > Integer.MAX_VALUE) throw Errors.value("precision too big");
        int type = s.type;
        int precision = (int) s.precision;
        boolean addDot0 = false;
        if (type == '\0') {
            // No type: repr-like without precision, else 'g' keeping a digit after the point.
            addDot0 = true;
            type = 'r';
        }
        if (type == 'n') type = 'g';
        boolean percent = false;
        if (type == '%') {
            type = 'f';
            val *= 100;
            percent = true;
        }
        if (precision < 0) precision = type == 'r' ? 0 : 6;
        else if (type == 'r') type = 'g';
        String text = FloatRepr.format(val, (char) type, precision, false, addDot0, s.alt, s.noNeg0);
        if (percent) text = text.concat("%");
        boolean negative = text.charAt(0) == '-';
        if (negative) text = text.substring(1);
        // Split into the leading digits (which get grouping and zero padding) and the rest.
        int i = 0;
        while (i < text.length() && Character.isDigit(text.charAt(i))) i++;
        boolean hasDecimal = i < text.length() && text.charAt(i) == '.';
        String rest = text.substring(hasDecimal ? i + 1 : i);
        return layoutNumber(s, negative, "", text.substring(0, i), rest, hasDecimal);
    }

    // ---------------------------------------------------------------- layout shared by numbers

    /**
     * CPython's calc_number_widths + fill_number:
     * {@code <lpad><sign><prefix><spad><grouped digits><.><remainder><rpad>}.
     */
    private static String layoutNumber(Spec s, boolean negative, String prefix, String digits,
                                       String remainder, boolean hasDecimal) {
        char signChar = 0;
        if (s.sign == '+') signChar = negative ? '-' : '+';
        else if (s.sign == ' ') signChar = negative ? '-' : ' ';
        else if (negative) signChar = '-';
        int nSign = signChar != 0 ? 1 : 0;
        long nRemainder = remainder.codePointCount(0, remainder.length());
        long nonDigits = nSign + prefix.length() + (hasDecimal ? 1 : 0) + nRemainder;
        long minWidth = s.fill == '0' && s.align == '=' ? s.width - nonDigits : 0;
        String grouped = digits.isEmpty() ? "" : group(digits, minWidth, s.grouping, s.groupSize);
        long padding = Math.max(0, s.width - (nonDigits + grouped.length()));
        long lpad = 0, spad = 0, rpad = 0;
        switch (s.align) {
            case '<' -> rpad = padding;
            case '^' -> { lpad = padding / 2; rpad = padding - lpad; }
            case '=' -> spad = padding;
            default -> lpad = padding;
        }
        StringBuilder sb = new StringBuilder((int) (nonDigits + grouped.length() + padding));
        fill(sb, s.fill, lpad);
        if (signChar != 0) sb.append(signChar);
        sb.append(prefix);
        fill(sb, s.fill, spad);
        sb.append(grouped);
        if (hasDecimal) sb.append('.');
        sb.append(remainder);
        fill(sb, s.fill, rpad);
        return sb.toString();
    }

    /**
     * CPython's _PyUnicode_InsertThousandsGrouping: separators every {@code size} digits, and
     * zero padding up to {@code minWidth} characters that is itself grouped ({@code 00,001,234}).
     */
    private static String group(String digits, long minWidth, char sep, int size) {
        minWidth = Math.max(0, minWidth);
        int remaining = digits.length();
        if (sep == 0) {
            if (remaining >= minWidth) return digits;
            StringBuilder sb = new StringBuilder((int) minWidth);
            fill(sb, '0', minWidth - remaining);
            return sb.append(digits).toString();
        }
        // Groups are produced right to left, then reversed.
        StringBuilder rev = new StringBuilder(digits.length() * 4 / 3 + 4);
        int pos = digits.length();
        boolean useSep = false;
        while (true) {
            long len = Math.min(size, Math.max(Math.max(remaining, minWidth), 1));
            long zeros = Math.max(0, len - remaining);
            int chars = (int) Math.max(0, Math.min(remaining, len));
            if (useSep) rev.append(sep);
            for (int k = 0; k < chars; k++) rev.append(digits.charAt(--pos));
            for (long k = 0; k < zeros; k++) rev.append('0');
            useSep = true;
            remaining -= chars;
            minWidth -= len;
            if (remaining <= 0 && minWidth <= 0) break;
            minWidth -= 1;
        }
        return rev.reverse().toString();
    }
}
