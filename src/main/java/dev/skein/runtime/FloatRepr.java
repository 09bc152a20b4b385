package dev.skein.runtime;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Python's {@code repr(float)}: the shortest digits that round-trip, laid out as Python does
 * (exponent form when the decimal point position is {@code <= -4} or {@code > 16}).
 */
public final class FloatRepr {
    private FloatRepr() {}

    /**
     * A finite positive double as decimal digits: value = 0.{@code digits} × 10^{@code decpt}.
     * The digits have no leading or trailing zeros (zero itself is "0" with decpt 1).
     */
    public record Digits(String digits, int decpt) {}

    public static String repr(double d) {
        if (Double.isNaN(d)) return "nan";
        if (Double.isInfinite(d)) return d > 0 ? "inf" : "-inf";
        if (d == 0) return (1 / d < 0) ? "-0.0" : "0.0";
        if (d == Math.rint(d) && Math.abs(d) < 1e16) {
            // integral values below 10^16 print all their digits: the common case, no parsing
            return Long.toString((long) d).concat(".0");
        }
        Digits dg = shortest(Math.abs(d));
        String digits = dg.digits();
        int decpt = dg.decpt();
        StringBuilder sb = new StringBuilder(digits.length() + 8);
        if (d < 0) sb.append('-');
        if (decpt > -4 && decpt <= 16) {
            if (decpt <= 0) {
                sb.append("0.");
                for (int i = decpt; i < 0; i++) sb.append('0');
                sb.append(digits);
            } else if (decpt >= digits.length()) {
                sb.append(digits);
                for (int i = digits.length(); i < decpt; i++) sb.append('0');
                sb.append(".0");
            } else {
                sb.append(digits, 0, decpt).append('.').append(digits, decpt, digits.length());
            }
        } else {
            sb.append(digits.charAt(0));
            if (digits.length() > 1) sb.append('.').append(digits, 1, digits.length());
            appendExponent(sb, decpt - 1);
        }
        return sb.toString();
    }

    /** Appends Python's exponent suffix: {@code e+05}, {@code e-300}. */
    static void appendExponent(StringBuilder sb, int exp) {
        sb.append('e').append(exp < 0 ? '-' : '+');
        int a = Math.abs(exp);
        if (a < 10) sb.append('0');
        sb.append(a);
    }

    /** The shortest round-tripping digits of a finite double {@code x > 0} (Python's dtoa mode 0). */
    public static Digits shortest(double x) {
        // Since JDK 19 Double.toString yields the shortest decimal that round-trips, except that
        // it never uses fewer than two digits: a one-digit answer is re-checked below.
        String s = Double.toString(x);
        int e = s.indexOf('E');
        int end = e < 0 ? s.length() : e;
        int exp10 = e < 0 ? 0 : Integer.parseInt(s, e + 1, s.length(), 10);
        char[] dig = new char[end];
        int n = 0, point = end;
        for (int i = 0; i < end; i++) {
            char c = s.charAt(i);
            if (c == '.') point = n;
            else dig[n++] = c;
        }
        int start = 0;
        while (start < n - 1 && dig[start] == '0') start++;
        while (n > start + 1 && dig[n - 1] == '0') n--;
        int decpt = point + exp10 - start;
        if (n - start == 2) {
            Digits one = oneDigit(x, dig[start] - '0', decpt);
            if (one != null) return one;
        }
        return new Digits(new String(dig, start, n - start), decpt);
    }

    /** A one-digit decimal that rounds to x, when one exists (the closest one if two do). */
    private static Digits oneDigit(double x, int lead, int decpt) {
        Digits best = null;
        BigDecimal exact = null, bestErr = null;
        for (int d = lead; d <= lead + 1; d++) {
            int digit = d == 10 ? 1 : d, pos = d == 10 ? decpt + 1 : decpt;
            if (digit == 0) continue;
            BigDecimal cand = BigDecimal.valueOf(digit).scaleByPowerOfTen(pos - 1);
            if (cand.doubleValue() != x) continue;
            if (exact == null) exact = new BigDecimal(x);
            BigDecimal err = cand.subtract(exact).abs();
            if (best == null || err.compareTo(bestErr) < 0) {
                best = new Digits(String.valueOf(digit), pos);
                bestErr = err;
            }
        }
        return best;
    }

    /**
     * CPython's {@code PyOS_double_to_string}: formats {@code val} with code {@code e E f F g G}
     * or {@code r} (repr digits), like C's printf but correctly rounded (half-even on the exact
     * binary value) and with Python's spellings of inf and nan.
     *
     * @param alwaysSign  put '+' before non-negative values
     * @param addDot0     add ".0" to integral results without exponent ('r', 'g'; Python's
     *                    format type '' behaves so), and switch 'g' to exponent form one digit early
     * @param alt         alternate form: keep trailing zeros and the decimal point ('#')
     * @param noNeg0      drop the minus sign of a result that rounds to zero ('z')
     */
    public static String format(double val, char code, int precision, boolean alwaysSign,
                                boolean addDot0, boolean alt, boolean noNeg0) {
        boolean upper = code == 'E' || code == 'F' || code == 'G';
        char fc = Character.toLowerCase(code);
        boolean negative = (Double.doubleToRawLongBits(val) < 0);
        StringBuilder sb = new StringBuilder(24);
        if (Double.isNaN(val) || Double.isInfinite(val)) {
            if (Double.isNaN(val)) negative = false;
            if (negative) sb.append('-');
            else if (alwaysSign) sb.append('+');
            String word = Double.isNaN(val) ? "nan" : "inf";
            return sb.append(upper ? word.toUpperCase() : word).toString();
        }
        double abs = Math.abs(val);
        Digits dg;
        switch (fc) {
            case 'e' -> { precision++; dg = rounded(abs, precision); }
            case 'f' -> dg = fixed(abs, precision);
            case 'g' -> { if (precision == 0) precision = 1; dg = rounded(abs, precision); }
            case 'r' -> dg = abs == 0 ? new Digits("0", 1) : shortest(abs);
            default -> throw new IllegalArgumentException("bad float format code " + code);
        }
        String digits = dg.digits();
        int digitsLen = digits.length();
        long decpt = dg.decpt();
        if (noNeg0 && (digitsLen == 0 || digits.equals("0"))) negative = false;

        // The layout below is a direct port of CPython's format_float_short: the output is a
        // slice [vStart, vEnd) of the digits padded with zeros on both sides, plus a point.
        boolean useExp = false;
        long vEnd = digitsLen;
        switch (fc) {
            case 'e' -> { useExp = true; vEnd = precision; }
            case 'f' -> vEnd = decpt + precision;
            case 'g' -> {
                if (decpt <= -4 || decpt > (addDot0 ? precision - 1 : precision)) useExp = true;
                if (alt) vEnd = precision;
            }
            default -> { if (decpt <= -4 || decpt > 16) useExp = true; }
        }
        int exp = 0;
        if (useExp) {
            exp = (int) decpt - 1;
            decpt = 1;
        }
        long vStart = decpt <= 0 ? decpt - 1 : 0;
        if (!useExp && addDot0) vEnd = Math.max(vEnd, decpt + 1);
        else vEnd = Math.max(vEnd, decpt);

        if (negative) sb.append('-');
        else if (alwaysSign) sb.append('+');
        if (decpt <= 0) {
            zeros(sb, decpt - vStart);
            sb.append('.');
            zeros(sb, -decpt);
        } else {
            zeros(sb, -vStart);
        }
        if (0 < decpt && decpt <= digitsLen) {
            sb.append(digits, 0, (int) decpt).append('.').append(digits, (int) decpt, digitsLen);
        } else {
            sb.append(digits);
        }
        if (digitsLen < decpt) {
            zeros(sb, decpt - digitsLen);
            sb.append('.');
            zeros(sb, vEnd - decpt);
        } else {
            zeros(sb, vEnd - digitsLen);
        }
        if (sb.charAt(sb.length() - 1) == '.' && !alt) sb.setLength(sb.length() - 1);
        if (useExp) {
            appendExponent(sb, exp);
            if (upper) sb.setCharAt(sb.lastIndexOf("e"), 'E');
        }
        return sb.toString();
    }

    private static void zeros(StringBuilder sb, long n) {
        for (long i = 0; i < n; i++) sb.append('0');
    }

    /** {@code n} significant digits, correctly rounded (dtoa mode 2), trailing zeros removed. */
    static Digits rounded(double abs, int n) {
        if (abs == 0) return new Digits("0", 1);
        BigDecimal r = new BigDecimal(abs).round(new MathContext(n, RoundingMode.HALF_EVEN));
        return fromDecimal(r);
    }

    /** {@code n} digits after the point, correctly rounded (dtoa mode 3); "" when that is zero. */
    static Digits fixed(double abs, int n) {
        if (abs == 0) return new Digits("0", 1);
        BigDecimal r = new BigDecimal(abs).setScale(n, RoundingMode.HALF_EVEN);
        if (r.signum() == 0) return new Digits("", -n);
        return fromDecimal(r);
    }

    private static Digits fromDecimal(BigDecimal r) {
        String u = r.unscaledValue().toString();
        int end = u.length();
        while (end > 1 && u.charAt(end - 1) == '0') end--;
        return new Digits(u.substring(0, end), u.length() - r.scale());
    }
}
