package dev.skein.runtime;

/** {@code "fmt" % args}: printf-style formatting as in Python. */
final class PercentFormat {
    private PercentFormat() {}

    static String format(String fmt, Object args) {
        throw Errors.type("unsupported operand type(s) for %: 'str' and '" + Ops.typeName(args) + "'");
    }
}
