package dev.skein.runtime;

import java.math.BigInteger;
import java.util.IdentityHashMap;

/**
 * Conversions of Skein values: to Java numbers for builtins' arguments ({@code toLong},
 * {@code toInt}, {@code toDouble}), and to text ({@code str} for print, {@code repr} with Python's
 * quoting and escapes).
 */
public final class Convert {
    private Convert() {}

    /** An int argument as a Java long; TypeError when not an int, OverflowError when too big. */
    public static long toLong(Object o, String what) {
        if (o instanceof Long l) return l;
        if (o instanceof Boolean b) return b ? 1 : 0;
        if (o instanceof BigInteger) throw Errors.overflow(what + " is too large");
        throw Errors.type(what + " must be an int, not " + Values.typeName(o));
    }

    /** An int argument as a Java int (sizes, counts, indices). */
    public static int toInt(Object o, String what) {
        long l = toLong(o, what);
        if (l > Integer.MAX_VALUE || l < Integer.MIN_VALUE) throw Errors.overflow(what + " is too large");
        return (int) l;
    }

    /** A number argument as a double (ints converted exactly where possible). */
    public static double toDouble(Object o, String what) {
        if (o instanceof Double d) return d;
        if (o instanceof Long l) return l;
        if (o instanceof BigInteger b) return Arith.bigToDouble(b);
        if (o instanceof Boolean b) return b ? 1 : 0;
        throw Errors.type(what + " must be a number, not " + Values.typeName(o));
    }

    /** {@code str(v)}: what {@code print} shows. */
    public static String str(Object o) {
        if (o instanceof String s) return s;
        if (o instanceof Long l) return l.toString();
        if (o instanceof ErrorValue e) return e.message();
        return repr(o);
    }

    /** {@code repr(v)}: the literal-like form, used inside containers. */
    public static String repr(Object o) {
        StringBuilder sb = new StringBuilder();
        try {
            repr(o, sb, null);
        } catch (StackOverflowError deep) {
            throw Errors.tooDeep("repr");
        }
        return sb.toString();
    }

    static void repr(Object o, StringBuilder sb, IdentityHashMap<Object, Boolean> active) {
        if (o == null) { sb.append("none"); return; }
        if (o instanceof Boolean b) { sb.append(b ? "true" : "false"); return; }
        if (o instanceof Long) { sb.append(o); return; }
        if (o instanceof BigInteger b) { sb.append(IntDigits.decimal(b)); return; }
        if (o instanceof Double d) { sb.append(FloatRepr.repr(d)); return; }
        if (o instanceof String s) { quote(s, sb); return; }
        if (o instanceof Bytes b) { bytesRepr(b, sb); return; }
        if (o instanceof SkeinList || o instanceof SkeinDict || o instanceof SkeinSet || o instanceof RecordValue) {
            if (active == null) active = new IdentityHashMap<>();
            if (active.containsKey(o)) {
                sb.append(o instanceof SkeinList ? "[...]" : o instanceof RecordValue ? "..." : "{...}");
                return;
            }
            active.put(o, Boolean.TRUE);
            containerRepr(o, sb, active);
            active.remove(o);
            return;
        }
        if (o instanceof ErrorValue e) {
            sb.append(e.kind().name()).append('(');
            quote(e.message(), sb);
            sb.append(')');
            return;
        }
        if (o instanceof RecordType t) { sb.append("<record ").append(t.name()).append('>'); return; }
        if (o instanceof ErrorKind k) { sb.append("<error kind ").append(k.name()).append('>'); return; }
        if (o instanceof ModuleValue m) { sb.append("<module ").append(m.moduleName()).append('>'); return; }
        if (o instanceof BoundMethod) { sb.append(o); return; }
        if (o instanceof Callable c && !(o instanceof Values.Named)) { sb.append("<fn ").append(c.name()).append('>'); return; }
        sb.append(ownText(o));
    }

    /** A value's own spelling, or {@code <type>} when its class has none: a Java class name never reaches a user. */
    private static String ownText(Object o) {
        try {
            if (o.getClass().getMethod("toString").getDeclaringClass() != Object.class) return o.toString();
        } catch (NoSuchMethodException impossible) {
            // every class has a public toString
        }
        String type = Values.typeName(o);
        return "<" + (type.isEmpty() ? "value" : type) + ">";
    }

    static void containerRepr(Object o, StringBuilder sb, IdentityHashMap<Object, Boolean> active) {
        if (o instanceof SkeinList l) {
            sb.append('[');
            Object[] xs = l.snapshot();
            for (int i = 0; i < xs.length; i++) {
                if (i > 0) sb.append(", ");
                repr(xs[i], sb, active);
            }
            sb.append(']');
        } else if (o instanceof SkeinDict d) {
            sb.append('{');
            Object[] kv = d.entriesSnapshot();
            for (int i = 0; i < kv.length; i += 2) {
                if (i > 0) sb.append(", ");
                repr(kv[i], sb, active);
                sb.append(": ");
                repr(kv[i + 1], sb, active);
            }
            sb.append('}');
        } else if (o instanceof SkeinSet s) {
            Object[] xs = s.snapshot();
            if (xs.length == 0) { sb.append("set()"); return; }
            sb.append('{');
            for (int i = 0; i < xs.length; i++) {
                if (i > 0) sb.append(", ");
                repr(xs[i], sb, active);
            }
            sb.append('}');
        } else if (o instanceof RecordValue r) {
            sb.append(r.type().name()).append('(');
            for (int i = 0; i < r.size(); i++) {
                if (i > 0) sb.append(", ");
                sb.append(r.type().field(i)).append('=');
                repr(r.get(i), sb, active);
            }
            sb.append(')');
        }
    }

    /**
     * Python's string repr: single quotes unless the text has a single quote and no double one;
     * backslash escapes for quotes, backslashes and characters that are not printable
     * (controls, format characters, separators other than the space, surrogates, private use,
     * unassigned); every printable character, ASCII or not, is kept as is.
     */
    public static void quote(String s, StringBuilder sb) {
        char q = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        sb.append(q);
        int n = s.length();
        for (int i = 0; i < n; ) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0x7f) {
                if (c == q || c == '\\') sb.append('\\');
                sb.append(c);
                i++;
                continue;
            }
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            switch (cp) {
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (cp < 0x7f || !isPrintable(cp)) appendEscape(sb, cp);
                    else sb.appendCodePoint(cp);
                }
            }
        }
        sb.append(q);
    }

    /** Python's str.isprintable for one non-ASCII code point. */
    static boolean isPrintable(int cp) {
        return switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
                 Character.UNASSIGNED, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                 Character.SPACE_SEPARATOR -> false;
            default -> true;
        };
    }

    static final char[] HEX = "0123456789abcdef".toCharArray();

    /** Appends a backslash escape (x and 2, u and 4, or U and 8 hex digits), as Python's repr escapes a code point. */
    static void appendEscape(StringBuilder sb, int cp) {
        int digits;
        if (cp <= 0xff) { sb.append("\\x"); digits = 2; }
        else if (cp <= 0xffff) { sb.append("\\u"); digits = 4; }
        else { sb.append("\\U"); digits = 8; }
        for (int k = digits - 1; k >= 0; k--) sb.append(HEX[(cp >>> (4 * k)) & 0xf]);
    }

    static void bytesRepr(Bytes b, StringBuilder sb) {
        byte[] data = b.unsafeArray();
        boolean hasSingle = false, hasDouble = false;
        for (byte x : data) { hasSingle |= x == '\''; hasDouble |= x == '"'; }
        char q = hasSingle && !hasDouble ? '"' : '\'';
        sb.append('b').append(q);
        for (byte x : data) {
            int c = x & 0xff;
            if (c == '\\') sb.append("\\\\");
            else if (c == q) sb.append('\\').append((char) c);
            else if (c == '\n') sb.append("\\n");
            else if (c == '\r') sb.append("\\r");
            else if (c == '\t') sb.append("\\t");
            else if (c < 0x20 || c >= 0x7f) appendEscape(sb, c);
            else sb.append((char) c);
        }
        sb.append(q);
    }
}
