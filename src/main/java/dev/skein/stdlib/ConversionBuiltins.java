package dev.skein.stdlib;

import dev.skein.runtime.Arith;
import dev.skein.runtime.Allocation;
import dev.skein.runtime.Bytes;
import dev.skein.runtime.Containers;
import dev.skein.runtime.Convert;
import dev.skein.runtime.ErrorKind;
import dev.skein.runtime.Errors;
import dev.skein.runtime.Interpreter;
import dev.skein.runtime.SkeinDict;
import dev.skein.runtime.SkeinError;
import dev.skein.runtime.SkeinIterator;
import dev.skein.runtime.SkeinList;
import dev.skein.runtime.SkeinSet;
import dev.skein.runtime.ThreadState;
import dev.skein.runtime.Values;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

import static dev.skein.stdlib.Builtins.def;
import static dev.skein.stdlib.Builtins.def1;
import static dev.skein.stdlib.Builtins.def2;
import static dev.skein.stdlib.Builtins.def3;

/** Builtins that make a value of one type from another: str, int, float, list, bytes, hex, chr, format… */
final class ConversionBuiltins {
    private ConversionBuiltins() {}

    static void install(Interpreter.Builder b) {
        def3(b, "str", "object=?, encoding=?, errors=?", (ts, a0, a1, a2) -> toStr(a0, a1, a2));
        def1(b, "repr", "object", (ts, a0) -> Convert.repr(a0));
        def1(b, "ascii", "object", (ts, a0) -> ascii(Convert.repr(a0)));
        def1(b, "bool", "x=?", (ts, a0) -> Args.given(a0) && Values.truthy(a0));
        def2(b, "int", "x=?, base=?", (ts, a0, a1) -> toInt(a0, a1));
        def1(b, "float", "x=?", (ts, a0) -> Args.given(a0) ? toFloat(a0) : 0.0);
        def1(b, "list", "iterable=?", (ts, a0) -> Args.given(a0) ? SkeinList.wrap(Iter.toArray(ts, a0)) : new SkeinList());
        def1(b, "set", "iterable=?", (ts, a0) -> {
            SkeinSet s = new SkeinSet();
            if (Args.given(a0)) s.addAll(Iter.toArray(ts, a0));
            return s;
        });
        def(b, "dict", "*args, **kwargs", (ts, a) -> {
            Object[] args = (Object[]) a[0];
            if (args.length > 1) throw Errors.type("dict expected at most 1 argument, got " + args.length);
            SkeinDict d = new SkeinDict();
            if (args.length == 1) DictMethods.updateFrom(ts, d, args[0]);
            d.putAll((SkeinDict) a[1]);
            return d;
        });
        def3(b, "bytes", "source=?, encoding=?, errors=?", (ts, a0, a1, a2) -> toBytes(ts, a0, a1, a2));
        def1(b, "hex", "number", (ts, a0) -> radix(a0, 16, "0x"));
        def1(b, "oct", "number", (ts, a0) -> radix(a0, 8, "0o"));
        def1(b, "bin", "number", (ts, a0) -> radix(a0, 2, "0b"));
        def1(b, "ord", "c", (ts, a0) -> ord(a0));
        def1(b, "chr", "i", (ts, a0) -> {
            long i = Args.index(a0);
            if (i < 0 || i > 0x10ffff) throw Errors.value("chr() arg not in range(0x110000)");
            return Character.toString((int) i);
        });
        def2(b, "format", "value, format_spec=?", (ts, a0, a1) -> {
            Object spec = Args.or(a1, "");
            if (!(spec instanceof String s)) throw Errors.type("format() argument 2 must be str, not " + Values.typeName(spec));
            return format(a0, s);
        });
    }

    /** {@code format(value, spec)}, Python's format-spec mini-language. */
    static String format(Object value, String spec) {
        return dev.skein.runtime.FormatSpec.format(value, spec);
    }

    /** Python's {@code int(text, base)} for base 0 or 2..36. */
    static Object parseInt(String text, int base) {
        return dev.skein.runtime.NumberParsing.parseInt(text, base);
    }

    /** Python's {@code float(text)}. */
    static double parseFloat(String text) {
        return dev.skein.runtime.NumberParsing.parseFloat(text);
    }

    static String toStr(Object object, Object encoding, Object errors) {
        if (!Args.given(object)) return "";
        if (!Args.given(encoding) && !Args.given(errors)) return Convert.str(object);
        String enc = Args.str(Args.or(encoding, "utf-8"), "str() argument 'encoding'");
        String err = Args.str(Args.or(errors, "strict"), "str() argument 'errors'");
        if (object instanceof Bytes bytes) return Codecs.decode(bytes.unsafeArray(), enc, err);
        if (object instanceof String) throw Errors.type("decoding str is not supported");
        throw Errors.type("decoding to str: need a bytes-like object, " + Values.typeName(object) + " found");
    }

    static Object toInt(Object x, Object baseSlot) {
        if (!Args.given(x)) {
            if (Args.given(baseSlot)) throw Errors.type("int() missing string argument");
            return 0L;
        }
        if (Args.given(baseSlot)) {
            long base = Args.index(baseSlot);
            if (base != 0 && (base < 2 || base > 36)) throw Errors.value("int() base must be >= 2 and <= 36, or 0");
            if (x instanceof String s) return parseInt(s, (int) base);
            if (x instanceof Bytes bytes) return parseBytes(bytes, (int) base);
            throw Errors.type("int() can't convert non-string with explicit base");
        }
        if (x instanceof Long || x instanceof BigInteger) return x;
        if (x instanceof Boolean bool) return bool ? 1L : 0L;
        if (x instanceof Double d) return truncate(d);
        if (x instanceof String s) return parseInt(s, 10);
        if (x instanceof Bytes bytes) return parseBytes(bytes, 10);
        throw Errors.type("int() argument must be a string, a bytes-like object or a real number, not '" + Values.typeName(x) + "'");
    }

    private static Object parseBytes(Bytes bytes, int base) {
        for (byte c : bytes.unsafeArray()) if (c < 0) throw invalidLiteral(bytes, base);
        try {
            return parseInt(new String(bytes.unsafeArray(), StandardCharsets.ISO_8859_1), base);
        } catch (SkeinError e) {
            if (e.kind() != ErrorKind.VALUE) throw e;
            throw invalidLiteral(bytes, base);   // Python shows the bytes, not the decoded text
        }
    }

    private static SkeinError invalidLiteral(Bytes bytes, int base) {
        return Errors.value("invalid literal for int() with base " + base + ": " + Convert.repr(bytes));
    }

    /** int(float): toward zero, exact for every finite double. */
    static Object truncate(double d) {
        if (Double.isNaN(d)) throw Errors.value("cannot convert float NaN to integer");
        if (Double.isInfinite(d)) throw Errors.overflow("cannot convert float infinity to integer");
        if (Math.abs(d) < 9.0e18) return (long) d;
        return Arith.norm(new BigDecimal(d).toBigInteger());
    }

    static double toFloat(Object x) {
        if (x instanceof Double d) return d;
        if (x instanceof String s) return parseFloat(s);
        if (Arith.isNumber(x)) return Convert.toDouble(x, "float() argument");
        throw Errors.type("float() argument must be a string or a real number, not '" + Values.typeName(x) + "'");
    }

    private static Bytes toBytes(ThreadState ts, Object source, Object encoding, Object errors) {
        if (!Args.given(source)) {
            if (Args.given(encoding) || Args.given(errors)) throw Errors.type("encoding or errors without sequence argument");
            return Bytes.wrap(new byte[0]);
        }
        if (source instanceof String s) {
            if (!Args.given(encoding)) throw Errors.type("string argument without an encoding");
            return Codecs.encode(s, Args.str(encoding, "bytes() argument 'encoding'"),
                    Args.str(Args.or(errors, "strict"), "bytes() argument 'errors'"));
        }
        if (Args.given(encoding)) throw Errors.type("encoding without a string argument");
        if (Args.given(errors)) throw Errors.type("errors without a string argument");
        if (source instanceof Bytes bytes) return bytes;
        if (source instanceof Long || source instanceof Boolean) {
            long n = Args.index(source);
            if (n < 0) throw Errors.value("negative count");
            return Bytes.wrap(Allocation.bytes(n, "a bytes"));
        }
        if (source instanceof BigInteger) throw Errors.overflow("cannot fit 'int' into an index-sized integer");
        if (source == null || source instanceof Double) {
            throw Errors.type("cannot convert '" + Values.typeName(source) + "' object to bytes");
        }
        SkeinIterator it;
        try {
            it = Containers.iter(source);
        } catch (SkeinError e) {
            if (e.kind() != ErrorKind.TYPE) throw e;
            throw Errors.type("cannot convert '" + Values.typeName(source) + "' object to bytes");
        }
        Object[] items = Iter.toArray(ts, it);
        return Bytes.wrap(byteValues(items));
    }

    /** Ints in 0..255 as bytes (bytes([...]) and bytes.join of ints). */
    static byte[] byteValues(Object[] items) {
        byte[] out = new byte[items.length];
        for (int i = 0; i < items.length; i++) {
            long v = Args.index(items[i]);
            if (v < 0 || v > 255) throw Errors.value("bytes must be in range(0, 256)");
            out[i] = (byte) v;
        }
        return out;
    }

    private static String radix(Object x, int radix, String prefix) {
        if (!Arith.isInt(x)) throw Errors.type("'" + Values.typeName(x) + "' object cannot be interpreted as an integer");
        BigInteger v = Arith.big(x);
        String digits = v.abs().toString(radix);
        return (v.signum() < 0 ? "-" : "") + prefix + digits;
    }

    private static long ord(Object c) {
        if (c instanceof String s) {
            int n = s.codePointCount(0, s.length());
            if (n != 1) throw Errors.type("ord() expected a character, but string of length " + n + " found");
            return s.codePointAt(0);
        }
        if (c instanceof Bytes b) {
            if (b.length() != 1) throw Errors.type("ord() expected a character, but string of length " + b.length() + " found");
            return b.get(0);
        }
        throw Errors.type("ord() expected string of length 1, but " + Values.typeName(c) + " found");
    }

    /** {@code ascii()}: a repr with every non-ASCII character escaped. */
    static String ascii(String repr) {
        StringBuilder sb = new StringBuilder(repr.length());
        for (int i = 0; i < repr.length(); ) {
            int cp = repr.codePointAt(i);
            i += Character.charCount(cp);
            if (cp < 0x80) sb.append((char) cp);
            else if (cp < 0x100) sb.append(String.format("\\x%02x", cp));
            else if (cp < 0x10000) sb.append(String.format("\\u%04x", cp));
            else sb.append(String.format("\\U%08x", cp));
        }
        return sb.toString();
    }
}
