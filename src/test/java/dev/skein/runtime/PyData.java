package dev.skein.runtime;

import java.math.BigInteger;
import java.util.function.Supplier;

/**
 * Helpers for tests whose expected values were produced by CPython and checked in as data
 * (src/test/pydata/regenerate.py recomputes them; PyDataAgreeTest checks they agree).
 */
final class PyData {
    private PyData() {}

    /** An int in canonical form (Long, or BigInteger when it does not fit). */
    static Object I(String decimal) { return Arith.norm(new BigInteger(decimal)); }

    /** A float from Python's {@code float.hex()} text, or inf / -inf / nan. */
    static Object F(String hex) {
        return switch (hex) {
            case "inf" -> Double.POSITIVE_INFINITY;
            case "-inf" -> Double.NEGATIVE_INFINITY;
            case "nan" -> Double.NaN;
            default -> Double.parseDouble(hex);
        };
    }

    static SkeinList L(Object... values) { return SkeinList.of(values); }

    /** A dict from alternating keys and values. */
    static SkeinDict D(Object... kv) {
        SkeinDict d = new SkeinDict();
        for (int i = 0; i < kv.length; i += 2) d.put(kv[i], kv[i + 1]);
        return d;
    }

    /** The result as Python would show it: the value itself, or "!Kind: message" for an error. */
    static String outcome(Supplier<Object> f) {
        try {
            Object r = f.get();
            return r instanceof String s ? s : repr(r);
        } catch (SkeinError e) {
            return "!" + e.value().kind().name() + ": " + e.value().message();
        }
    }

    /**
     * Convert.repr, except that big ints show all their digits: the data was made by a Python
     * without the 4300-digit bound on conversion, which is not what these tests check.
     */
    static String repr(Object r) {
        return r instanceof java.math.BigInteger b ? b.toString() : Convert.repr(r);
    }

    /** Like {@link #outcome} but always the repr (so strings come back quoted). */
    static String reprOutcome(Supplier<Object> f) {
        try {
            return repr(f.get());
        } catch (SkeinError e) {
            return "!" + e.value().kind().name() + ": " + e.value().message();
        }
    }
}
