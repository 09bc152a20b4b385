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
}
