package dev.skein.stdlib;

import dev.skein.runtime.Errors;
import dev.skein.runtime.Missing;
import dev.skein.runtime.Values;

import java.math.BigInteger;

/** Argument checks shared by the builtins, with Python's error wording. */
final class Args {
    private Args() {}

    /** True when the caller passed the optional parameter (even as none). */
    static boolean given(Object slot) { return slot != Missing.MISSING; }

    /** True when the caller passed the optional parameter with a value other than none. */
    static boolean present(Object slot) { return slot != Missing.MISSING && slot != null; }

    /** The slot's value, or {@code dflt} when the caller left it out. */
    static Object or(Object slot, Object dflt) { return slot == Missing.MISSING ? dflt : slot; }

    /** An int used as a size, count or index ({@code __index__} in Python). */
    static long index(Object o) {
        if (o instanceof Long l) return l;
        if (o instanceof Boolean b) return b ? 1 : 0;
        if (o instanceof BigInteger) throw Errors.overflow("Python int too large to convert to C ssize_t");
        throw Errors.type("'" + Values.typeName(o) + "' object cannot be interpreted as an integer");
    }

    /** An optional int slot: its value, or {@code dflt} when missing or none. */
    static long index(Object slot, long dflt) {
        return present(slot) ? index(slot) : dflt;
    }

    /** A required str argument. */
    static String str(Object o, String what) {
        if (o instanceof String s) return s;
        throw Errors.type(what + " must be str, not " + Values.typeName(o));
    }

    /** An optional str slot: its value, or {@code dflt} when missing or none. */
    static String str(Object slot, String what, String dflt) {
        return present(slot) ? str(slot, what) : dflt;
    }

    static boolean truthy(Object slot, boolean dflt) {
        return given(slot) ? Values.truthy(slot) : dflt;
    }

    /**
     * Python's {@code [start:end]} window for the search methods (find, count, startswith):
     * returns {start, end} clamped to [0, length], with negative indices counted from the end.
     */
    static int[] window(Object start, Object end, int length) {
        long s = present(start) ? index(start) : 0;
        long e = present(end) ? index(end) : length;
        if (s < 0) s = Math.max(0, s + length);
        if (e < 0) e = Math.max(0, e + length);
        if (e > length) e = length;
        return new int[] {(int) Math.min(s, Integer.MAX_VALUE), (int) e};
    }
}
