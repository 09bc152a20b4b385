package dev.skein.stdlib;

import dev.skein.runtime.Arith;
import dev.skein.runtime.Builtin;
import dev.skein.runtime.Bytes;
import dev.skein.runtime.Errors;
import dev.skein.runtime.SkeinList;
import dev.skein.runtime.ThreadState;
import dev.skein.runtime.Values;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * The methods of bytes. Searching, splitting and replacing reuse the str algorithms on the
 * Latin-1 view of the bytes (one char per byte, lossless); whitespace and case are ASCII-only,
 * as in Python.
 */
final class BytesMethods {
    private BytesMethods() {}

    private static final IntPredicate ASCII_SPACE = c -> c == ' ' || (c >= '\t' && c <= '\r');

    static final Map<String, Builtin> METHODS = new MethodTable("bytes")
            .def("decode", "encoding=?, errors=?", (ts, a) -> Codecs.decode(self(a).unsafeArray(),
                    Args.str(a[1], "decode() argument 'encoding'", "utf-8"), Args.str(a[2], "decode() argument 'errors'", "strict")))
            .def("hex", "sep=?, bytes_per_sep=?", (ts, a) -> hex(self(a), a[1], Args.index(a[2], 1)))
            .def("count", "sub, start=?, end=?", (ts, a) -> StrMethods.count(text(a), needle(a[1]), a[2], a[3]))
            .def("find", "sub, start=?, end=?", (ts, a) -> (long) StrMethods.find(text(a), needle(a[1]), a[2], a[3]))
            .def("rfind", "sub, start=?, end=?", (ts, a) -> (long) StrMethods.rfind(text(a), needle(a[1]), a[2], a[3]))
            .def("index", "sub, start=?, end=?", (ts, a) -> found(StrMethods.find(text(a), needle(a[1]), a[2], a[3])))
            .def("rindex", "sub, start=?, end=?", (ts, a) -> found(StrMethods.rfind(text(a), needle(a[1]), a[2], a[3])))
            .def("startswith", "prefix, start=?, end=?", (ts, a) -> affix(text(a), a[1], a[2], a[3], "startswith", true))
            .def("endswith", "suffix, start=?, end=?", (ts, a) -> affix(text(a), a[1], a[2], a[3], "endswith", false))
            .def("split", "sep=?, maxsplit=?", (ts, a) -> split(a, false))
            .def("rsplit", "sep=?, maxsplit=?", (ts, a) -> split(a, true))
            .def("join", "iterable", (ts, a) -> join(ts, self(a), a[1]))
            .def("strip", "chars=?", (ts, a) -> strip(a, true, true))
            .def("lstrip", "chars=?", (ts, a) -> strip(a, true, false))
            .def("rstrip", "chars=?", (ts, a) -> strip(a, false, true))
            .def("upper", "", (ts, a) -> mapCase(self(a), 'a', 'z', -32))
            .def("lower", "", (ts, a) -> mapCase(self(a), 'A', 'Z', 32))
            .def("replace", "old, new, count=?", (ts, a) -> bytes(StrMethods.replace(text(a), text(bytesArg(a[1])),
                    text(bytesArg(a[2])), Args.index(a[3], -1))))
            .build();

    private static Bytes self(Object[] a) { return (Bytes) a[0]; }

    private static String text(Object[] a) { return text(self(a)); }

    /** The Latin-1 view: char i is byte i. */
    static String text(Bytes b) { return new String(b.unsafeArray(), StandardCharsets.ISO_8859_1); }

    static Bytes bytes(String latin1) { return Bytes.wrap(latin1.getBytes(StandardCharsets.ISO_8859_1)); }

    private static Bytes bytesArg(Object o) {
        if (o instanceof Bytes b) return b;
        throw Errors.type("a bytes-like object is required, not '" + Values.typeName(o) + "'");
    }

    /** The search argument of find/count/index: bytes, or one byte given as an int. */
    private static String needle(Object o) {
        if (o instanceof Bytes b) return text(b);
        if (Arith.isInt(o)) {
            long v = Args.index(o);
            if (v < 0 || v > 255) throw Errors.value("byte must be in range(0, 256)");
            return String.valueOf((char) v);
        }
        throw Errors.type("argument should be integer or bytes-like object, not '" + Values.typeName(o) + "'");
    }

    private static long found(int i) {
        if (i < 0) throw Errors.value("subsection not found");
        return i;
    }

    private static boolean affix(String s, Object affixes, Object start, Object end, String fn, boolean prefix) {
        int[] w = Args.window(start, end, s.length());
        if (affixes instanceof Bytes one) return StrMethods.affixMatches(s, text(one), w, prefix);
        if (affixes instanceof SkeinList options) {
            for (Object o : options.snapshot()) if (StrMethods.affixMatches(s, text(bytesArg(o)), w, prefix)) return true;
            return false;
        }
        throw Errors.type(fn + " first arg must be bytes or a list of bytes, not " + Values.typeName(affixes));
    }

    private static SkeinList split(Object[] a, boolean fromRight) {
        String sep = Args.present(a[1]) ? text(bytesArg(a[1])) : null;
        List<String> parts = StrMethods.splitText(text(a), sep, Args.index(a[2], -1), fromRight, ASCII_SPACE);
        Object[] out = new Object[parts.size()];
        for (int i = 0; i < out.length; i++) out[i] = bytes(parts.get(i));
        return SkeinList.wrap(out);
    }

    private static Bytes join(ThreadState ts, Bytes sep, Object iterable) {
        Object[] items = Iter.toArray(ts, iterable);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < items.length; i++) {
            if (!(items[i] instanceof Bytes b)) {
                throw Errors.type("sequence item " + i + ": expected a bytes-like object, " + Values.typeName(items[i]) + " found");
            }
            if (i > 0) out.writeBytes(sep.unsafeArray());
            out.writeBytes(b.unsafeArray());
        }
        return Bytes.wrap(out.toByteArray());
    }

    private static Bytes strip(Object[] a, boolean left, boolean right) {
        IntPredicate strip;
        if (Args.present(a[1])) {
            String chars = text(bytesArg(a[1]));
            strip = c -> chars.indexOf(c) >= 0;
        } else {
            strip = ASCII_SPACE;
        }
        return bytes(StrMethods.stripText(text(a), strip, left, right));
    }

    private static Bytes mapCase(Bytes b, char from, char to, int delta) {
        byte[] out = b.toArray();
        for (int i = 0; i < out.length; i++) if (out[i] >= from && out[i] <= to) out[i] += delta;
        return Bytes.wrap(out);
    }

    /** Two hex digits per byte; with a separator, every {@code group} bytes counted from the right (from the left when negative). */
    private static String hex(Bytes b, Object sepSlot, long group) {
        byte[] data = b.unsafeArray();
        String sep = null;
        if (Args.present(sepSlot)) {
            if (sepSlot instanceof String s) sep = s;
            else if (sepSlot instanceof Bytes sb) sep = text(sb);
            else throw Errors.type("sep must be str or bytes.");
            if (sep.length() != 1) throw Errors.value("sep must be length 1.");
        }
        StringBuilder out = new StringBuilder(data.length * 3);
        long size = Math.abs(group);
        for (int i = 0; i < data.length; i++) {
            if (sep != null && i > 0 && size > 0) {
                boolean boundary = group > 0 ? (data.length - i) % size == 0 : i % size == 0;
                if (boundary) out.append(sep);
            }
            out.append(Character.forDigit((data[i] >> 4) & 0xf, 16)).append(Character.forDigit(data[i] & 0xf, 16));
        }
        return out.toString();
    }
}
