package dev.skein.stdlib;

import dev.skein.runtime.Containers;
import dev.skein.runtime.Convert;
import dev.skein.runtime.ErrorKind;
import dev.skein.runtime.Errors;
import dev.skein.runtime.Missing;
import dev.skein.runtime.SkeinDict;
import dev.skein.runtime.Values;

/**
 * Python's {@code str.format}: {@code {}} {@code {0}} {@code {name}} fields with {@code .attr}
 * and {@code [key]} accessors, {@code !r !s !a} conversions and format specs (which may hold
 * nested fields). Parsing follows CPython's, so malformed templates fail with its messages.
 */
final class StrFormat {
    private final Object[] args;
    private final SkeinDict kwargs;
    private int autoIndex;
    private int numbering;   // 0: not chosen yet, 1: automatic, 2: manual

    private StrFormat(Object[] args, SkeinDict kwargs) {
        this.args = args;
        this.kwargs = kwargs;
    }

    static String format(String template, Object[] args, SkeinDict kwargs) {
        return new StrFormat(args, kwargs).render(template, 2);
    }

    private String render(String t, int depth) {
        if (depth <= 0) throw Errors.value("Max string recursion exceeded");
        StringBuilder out = new StringBuilder(t.length() + 16);
        int i = 0, n = t.length();
        while (i < n) {
            char c = t.charAt(i++);
            if (c != '{' && c != '}') { out.append(c); continue; }
            boolean atEnd = i >= n;
            if (c == '}') {
                if (atEnd || t.charAt(i) != '}') throw Errors.value("Single '}' encountered in format string");
                out.append('}');
                i++;
                continue;
            }
            if (atEnd) throw Errors.value("Single '{' encountered in format string");
            if (t.charAt(i) == '{') { out.append('{'); i++; continue; }
            i = field(t, i, out, depth);
        }
        return out.toString();
    }

    /** Renders the field starting at {@code i} (just past its '{'); returns the index after its '}'. */
    private int field(String t, int i, StringBuilder out, int depth) {
        int n = t.length(), nameStart = i;
        char c = 0;
        while (i < n) {
            c = t.charAt(i++);
            if (c == '{') throw Errors.value("unexpected '{' in field name");
            if (c == '[') {
                while (i < n && t.charAt(i) != ']') i++;
                c = 0;
                continue;
            }
            if (c == '}' || c == ':' || c == '!') break;
            c = 0;
        }
        if (c == 0) throw Errors.value("expected '}' before end of string");
        String name = t.substring(nameStart, i - 1);
        char conversion = 0;
        String spec = "";
        if (c == '!') {
            if (i >= n) throw Errors.value("end of string while looking for conversion specifier");
            conversion = t.charAt(i++);
            if (i < n) {
                c = t.charAt(i++);
                if (c != '}' && c != ':') throw Errors.value("expected ':' after conversion specifier");
            } else {
                c = ':';   // falls into the spec scan, which reports the missing '}'
            }
        }
        if (c == ':') {
            int specStart = i, open = 1;
            while (i < n && open > 0) {
                char s = t.charAt(i++);
                if (s == '{') open++;
                else if (s == '}') open--;
            }
            if (open > 0) throw Errors.value("unmatched '{' in format spec");
            spec = t.substring(specStart, i - 1);
        }
        Object value = lookup(name);   // before the spec's nested fields take their automatic numbers
        if (spec.indexOf('{') >= 0 || spec.indexOf('}') >= 0) spec = render(spec, depth - 1);
        out.append(ConversionBuiltins.format(convert(value, conversion), spec));
        return i;
    }

    private static Object convert(Object value, char conversion) {
        return switch (conversion) {
            case 0 -> value;
            case 's' -> Convert.str(value);
            case 'r' -> Convert.repr(value);
            case 'a' -> ConversionBuiltins.ascii(Convert.repr(value));
            default -> throw Errors.value("Unknown conversion specifier " + conversion);
        };
    }

    /** The value a field name denotes: an argument, then its {@code .attr} and {@code [key]} parts. */
    private Object lookup(String name) {
        int end = 0, n = name.length();
        while (end < n && name.charAt(end) != '.' && name.charAt(end) != '[') end++;
        Object value = argument(name.substring(0, end));
        int i = end;
        while (i < n) {
            char c = name.charAt(i++);
            if (c == '.') {
                int start = i;
                while (i < n && name.charAt(i) != '.' && name.charAt(i) != '[') i++;
                if (i == start) throw Errors.value("Empty attribute in format string");
                value = Values.getAttr(value, name.substring(start, i));
            } else if (c == '[') {
                int start = i;
                while (i < n && name.charAt(i) != ']') i++;
                if (i >= n) throw Errors.value("Missing ']' in format string");
                String key = name.substring(start, i++);
                if (key.isEmpty()) throw Errors.value("Empty attribute in format string");
                value = Containers.getIndex(value, isDigits(key) ? (Object) Long.parseLong(key) : key);
            } else {
                throw Errors.value("Only '.' or '[' may follow ']' in format field specifier");
            }
        }
        return value;
    }

    private Object argument(String first) {
        if (first.isEmpty()) {
            if (numbering == 2) throw Errors.value("cannot switch from manual field specification to automatic field numbering");
            numbering = 1;
            return positional(autoIndex++);
        }
        if (isDigits(first)) {
            if (numbering == 1) throw Errors.value("cannot switch from automatic field numbering to manual field specification");
            numbering = 2;
            return positional(first.length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(first));
        }
        Object v = kwargs.getOr(first, Missing.MISSING);
        if (v == Missing.MISSING) throw Errors.of(ErrorKind.KEY, Convert.repr(first));
        return v;
    }

    private Object positional(int index) {
        if (index >= args.length) {
            throw Errors.index("Replacement index " + index + " out of range for positional args tuple");
        }
        return args[index];
    }

    private static boolean isDigits(String s) {
        if (s.isEmpty()) return false;
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) < '0' || s.charAt(i) > '9') return false;
        return s.length() < 19;
    }
}
