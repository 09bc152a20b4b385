package dev.skein.runtime;

/** Python's format-spec mini-language (minimal until the full version lands). */
public final class FormatSpec {
    private FormatSpec() {}

    public static String format(Object value, String spec) {
        if (spec.isEmpty()) return Ops.str(value);
        if (spec.matches("\\.\\d+f") && Ops.isNumber(value)) {
            return String.format(java.util.Locale.ROOT, "%" + spec, Ops.toDouble(value, "value"));
        }
        throw Errors.value("Invalid format specifier '" + spec + "'");
    }
}
