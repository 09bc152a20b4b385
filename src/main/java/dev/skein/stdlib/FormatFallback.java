package dev.skein.stdlib;

import dev.skein.runtime.Errors;
import dev.skein.runtime.FloatRepr;
import dev.skein.runtime.Ops;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Python's format-spec mini-language ({@code [[fill]align][sign][#][0][width][,|_][.precision][type]})
 * for str, int, float and bool, used until the runtime's FormatSpec is available (see
 * {@link ConversionBuiltins#format}).
 */
final class FormatFallback {
    private FormatFallback() {}

    private record Spec(char fill, char align, char sign, boolean alt, int width, char grouping, int precision, char type) {}

    static String format(Object value, String spec) {
        if (spec.isEmpty()) return Ops.str(value);
        Spec s = parse(spec, value);
        if (value instanceof String str) {
            if (s.type != 0 && s.type != 's') throw unknownCode(s.type, value);
            if (s.sign != 0) throw Errors.value("Sign not allowed in string format specifier");
            String body = s.precision >= 0 && s.precision < str.length() ? str.substring(0, s.precision) : str;
            return pad(s, "", body, '<');
        }
        if (Ops.isInt(value) && (s.type == 0 || "bcdoxXn".indexOf(s.type) >= 0)) return formatInt(s, Ops.big(value));
        if (Ops.isNumber(value)) {
            if (s.type != 0 && "eEfFgGn%".indexOf(s.type) < 0) throw unknownCode(s.type, value);
            return formatFloat(s, Ops.toDouble(value, "value"));
        }
        throw Errors.type("unsupported format string passed to " + Ops.typeName(value) + ".__format__");
    }

    private static Spec parse(String spec, Object value) {
        int i = 0, n = spec.length();
        char fill = ' ', align = 0, sign = 0, grouping = 0, type = 0;
        boolean alt = false;
        int width = -1, precision = -1;
        if (n >= 2 && "<>=^".indexOf(spec.charAt(1)) >= 0) {
            fill = spec.charAt(0);
            align = spec.charAt(1);
            i = 2;
        } else if (n >= 1 && "<>=^".indexOf(spec.charAt(0)) >= 0) {
            align = spec.charAt(0);
            i = 1;
        }
        if (i < n && "+- ".indexOf(spec.charAt(i)) >= 0) sign = spec.charAt(i++);
        if (i < n && spec.charAt(i) == '#') { alt = true; i++; }
        if (i < n && spec.charAt(i) == '0') {
            if (align == 0) { fill = '0'; align = '='; }
            i++;
        }
        int start = i;
        while (i < n && Character.isDigit(spec.charAt(i))) i++;
        if (i > start) width = Integer.parseInt(spec.substring(start, i));
        if (i < n && (spec.charAt(i) == ',' || spec.charAt(i) == '_')) grouping = spec.charAt(i++);
        if (i < n && spec.charAt(i) == '.') {
            start = ++i;
            while (i < n && Character.isDigit(spec.charAt(i))) i++;
            if (i == start) throw Errors.value("Format specifier missing precision");
            precision = Integer.parseInt(spec.substring(start, i));
        }
        if (i < n) type = spec.charAt(i++);
        if (i < n) throw Errors.value("Invalid format specifier '" + spec + "' for object of type '" + Ops.typeName(value) + "'");
        if (align == '=' && value instanceof String) throw Errors.value("'=' alignment not allowed in string format specifier");
        return new Spec(fill, align, sign, alt, width, grouping, precision, type);
    }

    private static String formatInt(Spec s, BigInteger v) {
        if (s.precision >= 0) throw Errors.value("Precision not allowed in integer format specifier");
        char t = s.type == 0 || s.type == 'n' ? 'd' : s.type;
        if (t == 'c') return pad(s, "", new String(Character.toChars(v.intValueExact())), '>');
        int radix = t == 'x' || t == 'X' ? 16 : t == 'o' ? 8 : t == 'b' ? 2 : 10;
        String digits = v.abs().toString(radix);
        if (t == 'X') digits = digits.toUpperCase();
        if (s.grouping != 0) digits = group(digits, radix == 10 ? 3 : 4, s.grouping);
        String prefix = sign(s, v.signum() < 0);
        if (s.alt && radix != 10) prefix += "0" + (t == 'X' ? 'X' : t);
        return pad(s, prefix, digits, '>');
    }

    private static String formatFloat(Spec s, double d) {
        char t = s.type;
        String prefix = sign(s, d < 0 || (d == 0 && 1 / d < 0));
        double a = Math.abs(d);
        String body;
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            body = Double.isNaN(d) ? "nan" : "inf";
            if (t != 0 && Character.isUpperCase(t)) body = body.toUpperCase();
            if (t == '%') body += "%";
            return pad(s, prefix, body, '>');
        }
        int p = s.precision;
        switch (t) {
            case 'f', 'F' -> body = fixed(a, p < 0 ? 6 : p, s.alt);
            case '%' -> body = fixed(a * 100, p < 0 ? 6 : p, s.alt) + "%";
            case 'e', 'E' -> body = exponent(a, p < 0 ? 6 : p, s.alt, t);
            case 'g', 'G', 'n' -> body = general(a, p < 0 ? 6 : p, s.alt, t == 'G' ? 'E' : 'e', false);
            default -> body = p < 0 ? FloatRepr.repr(a) : general(a, p, s.alt, 'e', true);
        }
        if (s.grouping != 0) {
            int end = 0;
            while (end < body.length() && Character.isDigit(body.charAt(end))) end++;
            body = group(body.substring(0, end), 3, s.grouping) + body.substring(end);
        }
        return pad(s, prefix, body, '>');
    }

    private static String fixed(double a, int p, boolean alt) {
        String out = new BigDecimal(a).setScale(p, RoundingMode.HALF_EVEN).toPlainString();
        return alt && p == 0 ? out + "." : out;
    }

    private static String exponent(double a, int p, boolean alt, char e) {
        BigDecimal r = new BigDecimal(a).round(new MathContext(p + 1, RoundingMode.HALF_EVEN));
        String digits;
        int exp;
        if (a == 0) {
            digits = "0".repeat(p + 1);
            exp = 0;
        } else {
            digits = r.unscaledValue().toString();
            exp = digits.length() - 1 - r.scale();
            digits = (digits + "0".repeat(p + 1)).substring(0, p + 1);
        }
        StringBuilder sb = new StringBuilder().append(digits.charAt(0));
        if (p > 0 || alt) sb.append('.');
        sb.append(digits, 1, digits.length());
        sb.append(e).append(exp < 0 ? '-' : '+');
        if (Math.abs(exp) < 10) sb.append('0');
        return sb.append(Math.abs(exp)).toString();
    }

    /** 'g' (and the typeless form with a precision, which keeps one digit after the point). */
    private static String general(double a, int p, boolean alt, char e, boolean typeless) {
        if (p == 0) p = 1;
        int exp;
        if (a == 0) {
            exp = 0;
        } else {
            BigDecimal r = new BigDecimal(a).round(new MathContext(p, RoundingMode.HALF_EVEN));
            exp = r.precision() - 1 - r.scale();
        }
        String out;
        if (exp >= -4 && exp < p) {
            out = fixed(a, p - 1 - exp, alt);
            if (!alt) out = stripZeros(out);
            if (typeless && out.indexOf('.') < 0) out += ".0";
        } else {
            out = exponent(a, p - 1, alt, e);
            if (!alt) {
                int k = out.indexOf(e);
                out = stripZeros(out.substring(0, k)) + out.substring(k);
            }
        }
        return out;
    }

    private static String stripZeros(String s) {
        if (s.indexOf('.') < 0) return s;
        int end = s.length();
        while (s.charAt(end - 1) == '0') end--;
        if (s.charAt(end - 1) == '.') end--;
        return s.substring(0, end);
    }

    private static String sign(Spec s, boolean negative) {
        if (negative) return "-";
        return s.sign == '+' ? "+" : s.sign == ' ' ? " " : "";
    }

    private static String group(String digits, int size, char sep) {
        StringBuilder sb = new StringBuilder();
        int first = digits.length() % size;
        if (first == 0) first = size;
        sb.append(digits, 0, Math.min(first, digits.length()));
        for (int i = first; i < digits.length(); i += size) sb.append(sep).append(digits, i, i + size);
        return sb.toString();
    }

    private static String pad(Spec s, String prefix, String body, char defaultAlign) {
        int len = prefix.length() + body.length();
        if (s.width <= len) return prefix + body;
        String fill = String.valueOf(s.fill).repeat(s.width - len);
        char align = s.align == 0 ? defaultAlign : s.align;
        return switch (align) {
            case '<' -> prefix + body + fill;
            case '=' -> prefix + fill + body;
            case '^' -> {
                int left = (s.width - len) / 2;
                yield fill.substring(0, left) + prefix + body + fill.substring(left);
            }
            default -> fill + prefix + body;
        };
    }

    private static dev.skein.runtime.SkeinError unknownCode(char t, Object value) {
        return Errors.value("Unknown format code '" + t + "' for object of type '" + Ops.typeName(value) + "'");
    }
}
