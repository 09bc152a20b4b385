package dev.skein.stdlib.modules;

import dev.skein.runtime.Arith;
import dev.skein.runtime.Bytes;
import dev.skein.runtime.Containers;
import dev.skein.runtime.Convert;
import dev.skein.runtime.ErrorKind;
import dev.skein.runtime.Errors;
import dev.skein.runtime.Interpreter;
import dev.skein.runtime.NativeModule;
import dev.skein.runtime.ThreadState;
import dev.skein.runtime.Values;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * {@code import json}: {@code dumps} writes exactly what Python's json.dumps writes for the same
 * options; {@code loads} reads JSON into Skein values (ints stay exact, dicts keep key order) and
 * raises JSONError (a ValueError) naming the line and column. Records are written as objects.
 */
public final class JsonModule {
    private JsonModule() {}

    public static NativeModule create(Interpreter interp) {
        NativeModule m = new NativeModule("json");
        m.def("dumps", "obj, *, indent=?, sort_keys=?, separators=?, ensure_ascii=?, allow_nan=?, default=?",
                (ts, a) -> dumps(ts, a[0], a[1], a[2], a[3], a[4], a[5], a[6]));
        m.def("loads", "s", (ts, a) -> loads(ts, a[0]));
        return m;
    }

    static String dumps(ThreadState ts, Object value, Object indent, Object sortKeys, Object separators,
                        Object ensureAscii, Object allowNan, Object defaultFn) {
        String ind = indentText(indent);
        String itemSep = ind == null ? ", " : ",";
        String keySep = ": ";
        if (!Args.absent(separators)) {
            Object[] seps = Containers.toArray(separators);
            if (seps.length != 2) throw Errors.value("separators must be a pair [item_separator, key_separator]");
            itemSep = Args.str(seps[0], "item separator");
            keySep = Args.str(seps[1], "key separator");
        }
        JsonWriter w = new JsonWriter(ts, ind, itemSep, keySep, Args.bool(sortKeys, false), Args.bool(ensureAscii, true),
                Args.bool(allowNan, true), Args.absent(defaultFn) ? null : defaultFn);
        try {
            return w.write(value);
        } catch (StackOverflowError e) {   // a thread with a small stack, before MAX_DEPTH is reached
            throw Errors.of(ErrorKind.RECURSION, "maximum recursion depth exceeded while encoding a JSON object");
        }
    }

    /** Python's indent: an int (that many spaces, 0 = newlines only) or a str; none = one line. */
    private static String indentText(Object indent) {
        if (Args.absent(indent)) return null;
        if (indent instanceof String s) return s;
        if (Arith.isInt(indent)) return " ".repeat(Math.max(0, Convert.toInt(indent, "indent")));
        throw Errors.type("indent must be an int or a str, not " + Values.typeName(indent));
    }

    static Object loads(ThreadState ts, Object doc) {
        String text;
        if (doc instanceof String s) text = s;
        else if (doc instanceof Bytes b) text = decodeUtf8(b.unsafeArray());
        else throw Errors.type("the JSON object must be str or bytes, not " + Values.typeName(doc));
        try {
            return JsonParser.parse(ts, text);
        } catch (StackOverflowError e) {
            throw Errors.of(ErrorKind.RECURSION, "maximum recursion depth exceeded while decoding a JSON document");
        }
    }

    /** Strict UTF-8 decoding of a JSON document in bytes; a leading BOM is dropped, as Python does. */
    static String decodeUtf8(byte[] data) {
        int skip = data.length >= 3 && (data[0] & 0xff) == 0xef && (data[1] & 0xff) == 0xbb && (data[2] & 0xff) == 0xbf ? 3 : 0;
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(data, skip, data.length - skip)).toString();
        } catch (CharacterCodingException e) {
            throw Errors.value("'utf-8' codec can't decode the JSON document: invalid UTF-8 data");
        }
    }
}
