package dev.skein.runtime;

import java.math.BigInteger;

/**
 * {@code "fmt" % args}: Python's printf-style formatting (a port of CPython's PyUnicode_Format).
 * Skein has no tuples, so a list on the right supplies the values, any other single value is
 * the one value, and a dict serves {@code %(name)s} keys.
 * Conversions {@code d i u o x X e E f F g G c r s a %}; flags {@code - + space # 0};
 * width and precision, each possibly {@code *}.
 */
public final class PercentFormat {
    private PercentFormat() {}

    /** Widths and precisions above this are refused rather than risking the heap. */
    private static final long MAX_SIZE = 10_000_000L;

    /** The state of one formatting run: the format text and where the arguments stand. */
    private static final class Run {
        final String fmt;
        int pos;
        Object[] list;      // the values when the right operand is a list
        Object single;      // the value otherwise
        int argIndex;       // next index in list; for a single value -2 (unused) or -1 (used)
        int argCount;       // list length, or -1 for a single value
        final SkeinDict dict;

        Run(String fmt, Object args) {
            this.fmt = fmt;
            if (args instanceof SkeinList l) {
                list = l.snapshot();
                argCount = list.length;
            } else {
                useSingle(args);
            }
            dict = args instanceof SkeinDict d ? d : null;
        }

        void useSingle(Object v) {
            list = null;
            single = v;
            argCount = -1;
            argIndex = -2;
        }

        Object nextArg() {
            if (argIndex < argCount) {
                int i = argIndex++;
                return argCount < 0 ? single : list[i];
            }
            throw Errors.type("not enough arguments for format string");
        }
    }

    /** One conversion's flags, width, precision and letter. */
    private static final class Conv {
        boolean left, plus, blank, alt, zero;
        long width = -1;
        int prec = -1;
        char ch;
    }

    public static String format(String fmt, Object args) {
        Run run = new Run(fmt, args);
        StringBuilder out = new StringBuilder(fmt.length() + 16);
        int n = fmt.length();
        while (run.pos < n) {
            int pct = fmt.indexOf('%', run.pos);
            if (pct < 0) {
                out.append(fmt, run.pos, n);
                break;
            }
            out.append(fmt, run.pos, pct);
            run.pos = pct + 1;
            if (run.pos < n && fmt.charAt(run.pos) == '%') {
                out.append('%');
                run.pos++;
                continue;
            }
            convert(run, out);
            if (run.dict != null && run.argIndex < run.argCount) {
                throw Errors.type("not all arguments converted during string formatting");
            }
        }
        if (run.argIndex < run.argCount && run.dict == null) {
            throw Errors.type("not all arguments converted during string formatting");
        }
        return out.toString();
    }

    private static SkeinError incomplete() { return Errors.value("incomplete format"); }

    private static char read(Run run) {
        if (run.pos >= run.fmt.length()) throw incomplete();
        return run.fmt.charAt(run.pos++);
    }

    private static void convert(Run run, StringBuilder out) {
        String fmt = run.fmt;
        if (run.pos < fmt.length() && fmt.charAt(run.pos) == '(') {
            if (run.dict == null) throw Errors.type("format requires a mapping");
            int keyStart = ++run.pos, depth = 1;
            while (depth > 0 && run.pos < fmt.length()) {
                char c = fmt.charAt(run.pos++);
                if (c == ')') depth--;
                else if (c == '(') depth++;
            }
            if (depth > 0) throw Errors.value("incomplete format key");
            run.useSingle(run.dict.get(fmt.substring(keyStart, run.pos - 1)));
        }
        Conv c = new Conv();
        char ch = read(run);
        flags:
        while (true) {
            switch (ch) {
                case '-' -> c.left = true;
                case '+' -> c.plus = true;
                case ' ' -> c.blank = true;
                case '#' -> c.alt = true;
                case '0' -> c.zero = true;
                default -> { break flags; }
            }
            ch = read(run);
        }
        if (ch == '*') {
            c.width = starArg(run);
            if (c.width < 0) {
                c.left = true;
                c.width = -c.width;
            }
            ch = read(run);
        } else if (ch >= '0' && ch <= '9') {
            c.width = ch - '0';
            while ((ch = read(run)) >= '0' && ch <= '9') {
                if (c.width > (Integer.MAX_VALUE - (ch - '0')) / 10) throw Errors.value("width too big");
                c.width = c.width * 10 + (ch - '0');
            }
        }
        if (ch == '.') {
            c.prec = 0;
            ch = read(run);
            if (ch == '*') {
                long p = starArg(run);
                if (p > Integer.MAX_VALUE) throw Errors.overflow("precision too big");
                c.prec = (int) Math.max(0, p);
                ch = read(run);
            } else if (ch >= '0' && ch <= '9') {
                c.prec = ch - '0';
                while ((ch = read(run)) >= '0' && ch <= '9') {
                    if (c.prec > (Integer.MAX_VALUE - (ch - '0')) / 10) throw Errors.value("precision too big");
                    c.prec = c.prec * 10 + (ch - '0');
                }
            }
        }
        if (ch == 'h' || ch == 'l' || ch == 'L') ch = read(run);
        if (c.width > MAX_SIZE || c.prec > MAX_SIZE) throw Errors.overflow(c.width > MAX_SIZE ? "width too big" : "precision too big");
        c.ch = ch;
        Object v = run.nextArg();
        boolean numeric = false;
        String text;
        switch (ch) {
            case 's' -> text = Convert.str(v);
            case 'r' -> text = Convert.repr(v);
            case 'a' -> text = FormatSpec.ascii(v);
            case 'd', 'i', 'u', 'o', 'x', 'X' -> { text = formatLong(v, c); numeric = true; }
            case 'e', 'E', 'f', 'F', 'g', 'G' -> {
                text = FloatRepr.format(floatArg(v), ch, c.prec < 0 ? 6 : c.prec, false, false, c.alt, false);
                numeric = true;
            }
            case 'c' -> text = new String(Character.toChars(charArg(v)));
            default -> throw Errors.value("unsupported format character '" + (ch >= 31 && ch <= 126 ? ch : '?')
                    + "' (0x" + Integer.toHexString(ch) + ") at index " + (run.pos - 1));
        }
        output(out, c, text, numeric);
    }

    private static long starArg(Run run) {
        Object v = run.nextArg();
        if (v instanceof Long || v instanceof Boolean) return Convert.toLong(v, "*");
        if (v instanceof BigInteger) throw Errors.overflow("Python int too large to convert to C ssize_t");
        throw Errors.type("* wants int");
    }

    private static double floatArg(Object v) {
        if (Arith.isNumber(v)) return Convert.toDouble(v, "value");
        throw Errors.type("must be real number, not " + Values.typeName(v));
    }

    private static int charArg(Object v) {
        if (v instanceof String s) {
            if (s.codePointCount(0, s.length()) == 1) return s.codePointAt(0);
        } else if (Arith.isInt(v)) {
            BigInteger b = Arith.big(v);
            if (b.signum() < 0 || b.compareTo(BigInteger.valueOf(0x10ffff)) > 0) {
                throw Errors.overflow("%c arg not in range(0x110000)");
            }
            return b.intValue();
        }
        throw Errors.type("%c requires int or char");
    }

    /** CPython's mainformatlong + _PyUnicode_FormatLong: sign, base prefix when '#', precision zeros. */
    private static String formatLong(Object v, Conv c) {
        char type = c.ch;
        BigInteger value;
        if (Arith.isInt(v)) {
            value = null;
        } else if (v instanceof Double d && type != 'o' && type != 'x' && type != 'X') {
            value = Arith.big(Arith.floatToInt(d));
        } else if (type == 'o' || type == 'x' || type == 'X') {
            throw Errors.type("%" + type + " format: an integer is required, not " + Values.typeName(v));
        } else {
            throw Errors.type("%" + type + " format: a real number is required, not " + Values.typeName(v));
        }
        int base = type == 'o' ? 8 : type == 'x' || type == 'X' ? 16 : 10;
        String text;
        if (value != null) text = IntDigits.inBase(value, base);
        else if (v instanceof BigInteger b) text = IntDigits.inBase(b, base);
        else text = Long.toString(Convert.toLong(v, "value"), base);
        boolean negative = text.charAt(0) == '-';
        String digits = negative ? text.substring(1) : text;
        StringBuilder sb = new StringBuilder(digits.length() + 4);
        if (negative) sb.append('-');
        if (c.alt && base != 10) sb.append('0').append(base == 8 ? 'o' : 'x');
        for (int i = digits.length(); i < c.prec; i++) sb.append('0');
        sb.append(digits);
        String out = sb.toString();
        return type == 'X' ? out.toUpperCase() : out;
    }

    /** CPython's unicode_format_arg_output: sign, '#' prefix, padding with spaces or zeros. */
    private static void output(StringBuilder out, Conv c, String text, boolean numeric) {
        char ch = c.ch;
        int len = text.codePointCount(0, text.length());
        if ((c.width < 0 || c.width <= len) && (c.prec < 0 || c.prec >= len) && !(numeric && (c.plus || c.blank))) {
            out.append(text);
            return;
        }
        char fill = numeric && c.zero ? '0' : ' ';
        int start = 0;
        if ((ch == 's' || ch == 'r' || ch == 'a') && c.prec >= 0 && len > c.prec) len = c.prec;
        char sign = 0;
        if (numeric) {
            char first = text.charAt(0);
            if (first == '-' || first == '+') {
                sign = first;
                len--;
                start++;
            } else if (c.plus) {
                sign = '+';
            } else if (c.blank) {
                sign = ' ';
            }
        }
        long width = Math.max(c.width, len);
        if (sign != 0) {
            if (fill != ' ') out.append(sign);
            if (width > len) width--;
        }
        boolean prefix = c.alt && (ch == 'x' || ch == 'X' || ch == 'o');
        if (prefix) {
            if (fill != ' ') {
                out.append(text, start, start + 2);
                start += 2;
            }
            width = Math.max(0, width - 2);
            len -= 2;
        }
        if (width > len && !c.left) {
            for (long i = len; i < width; i++) out.append(fill);
            width = len;
        }
        if (fill == ' ') {
            if (sign != 0) out.append(sign);
            if (prefix) {
                out.append(text, start, start + 2);
                start += 2;
            }
        }
        out.append(text, start, text.offsetByCodePoints(start, len));
        for (long i = len; i < width; i++) out.append(' ');
    }
}
