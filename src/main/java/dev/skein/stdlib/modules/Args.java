package dev.skein.stdlib.modules;

import dev.skein.runtime.Bytes;
import dev.skein.runtime.Convert;
import dev.skein.runtime.Errors;
import dev.skein.runtime.Missing;
import dev.skein.runtime.Values;

import java.nio.charset.StandardCharsets;

/** Argument conversions shared by the standard modules, with Python-style TypeErrors. */
final class Args {
    private Args() {}

    /** True when an optional parameter was left out or passed as none. */
    static boolean absent(Object o) {
        return o == Missing.MISSING || o == null;
    }

    static Object or(Object o, Object dflt) {
        return absent(o) ? dflt : o;
    }

    static String str(Object o, String what) {
        if (o instanceof String s) return s;
        throw Errors.type(what + " must be str, not " + Values.typeName(o));
    }

    /** A str (encoded as UTF-8) or bytes argument as raw bytes; the array must not be changed. */
    static byte[] bytesOrStr(Object o, String what) {
        if (o instanceof Bytes b) return b.unsafeArray();
        if (o instanceof String s) return s.getBytes(StandardCharsets.UTF_8);
        throw Errors.type(what + " must be bytes or str, not " + Values.typeName(o));
    }

    static boolean bool(Object o, boolean dflt) {
        return o == Missing.MISSING ? dflt : Values.truthy(o);
    }

    /** A non-negative duration in seconds as nanoseconds; {@code Long.MAX_VALUE} for none. */
    static long seconds(Object o, String what) {
        if (o == null) return Long.MAX_VALUE;
        double s = Convert.toDouble(o, what);
        if (Double.isNaN(s)) throw Errors.value(what + " must not be NaN");
        if (s < 0) throw Errors.value(what + " must be non-negative");
        return s >= 9.2e9 ? Long.MAX_VALUE : (long) (s * 1e9);
    }
}
