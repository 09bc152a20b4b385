package dev.skein.stdlib.modules;

import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.Locale;

/** C-locale {@code strftime} over java.time, covering the common % codes. */
final class Strftime {
    private Strftime() {}

    static String format(String fmt, ZonedDateTime t) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < fmt.length(); i++) {
            char c = fmt.charAt(i);
            if (c != '%' || i + 1 == fmt.length()) { sb.append(c); continue; }
            char code = fmt.charAt(++i);
            if (!field(code, t, sb)) sb.append('%').append(code);   // unknown codes stay as written, like glibc
        }
        return sb.toString();
    }

    private static boolean field(char code, ZonedDateTime t, StringBuilder sb) {
        switch (code) {
            case 'a' -> sb.append(t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.US));
            case 'A' -> sb.append(t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.US));
            case 'b', 'h' -> sb.append(t.getMonth().getDisplayName(TextStyle.SHORT, Locale.US));
            case 'B' -> sb.append(t.getMonth().getDisplayName(TextStyle.FULL, Locale.US));
            case 'c' -> sb.append(format("%a %b %e %H:%M:%S %Y", t));
            case 'x' -> sb.append(format("%m/%d/%y", t));
            case 'X', 'T' -> sb.append(format("%H:%M:%S", t));
            case 'D' -> sb.append(format("%m/%d/%y", t));
            case 'F' -> sb.append(format("%Y-%m-%d", t));
            case 'R' -> sb.append(format("%H:%M", t));
            case 'd' -> two(sb, t.getDayOfMonth());
            case 'e' -> sb.append(t.getDayOfMonth() < 10 ? " " : "").append(t.getDayOfMonth());
            case 'H' -> two(sb, t.getHour());
            case 'I' -> two(sb, t.getHour() % 12 == 0 ? 12 : t.getHour() % 12);
            case 'j' -> sb.append(String.format("%03d", t.getDayOfYear()));
            case 'm' -> two(sb, t.getMonthValue());
            case 'M' -> two(sb, t.getMinute());
            case 'p' -> sb.append(t.getHour() < 12 ? "AM" : "PM");
            case 'S' -> two(sb, t.getSecond());
            case 'f' -> sb.append(String.format("%06d", t.getNano() / 1000));
            case 'u' -> sb.append(t.getDayOfWeek().getValue());
            case 'w' -> sb.append(t.getDayOfWeek().getValue() % 7);
            case 'U' -> two(sb, (t.getDayOfYear() - 1 + 7 - t.getDayOfWeek().getValue() % 7) / 7);
            case 'W' -> two(sb, (t.getDayOfYear() - 1 + 7 - (t.getDayOfWeek().getValue() + 6) % 7) / 7);
            case 'y' -> two(sb, Math.floorMod(t.getYear(), 100));
            case 'Y' -> sb.append(t.getYear());
            case 'Z' -> sb.append(t.getZone().getDisplayName(TextStyle.SHORT, Locale.US));
            case 'z' -> {
                int secs = t.getOffset().getTotalSeconds();
                sb.append(secs < 0 ? '-' : '+');
                two(sb, Math.abs(secs) / 3600);
                two(sb, Math.abs(secs) / 60 % 60);
            }
            case 's' -> sb.append(t.toEpochSecond());
            case 'n' -> sb.append('\n');
            case 't' -> sb.append('\t');
            case '%' -> sb.append('%');
            default -> { return false; }
        }
        return true;
    }

    private static void two(StringBuilder sb, int v) {
        if (v < 10) sb.append('0');
        sb.append(v);
    }
}
