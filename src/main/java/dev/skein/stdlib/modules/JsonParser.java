package dev.skein.stdlib.modules;

import dev.skein.runtime.ErrorKind;
import dev.skein.runtime.Errors;
import dev.skein.runtime.SkeinDict;
import dev.skein.runtime.SkeinError;
import dev.skein.runtime.SkeinList;
import dev.skein.runtime.ThreadState;

import java.math.BigInteger;

/**
 * json.loads: a recursive-descent parser that follows CPython's scanner step by step, so it
 * accepts the same documents (including NaN and Infinity) and reports the same errors at the
 * same positions: {@code JSONError: Expecting ',' delimiter: line 1 column 4 (char 3)}.
 */
final class JsonParser {
    private final ThreadState ts;
    private final String s;
    private final int n;
    private int end;       // index just past the value most recently scanned
    private int depth;
    private int steps;

    private JsonParser(ThreadState ts, String s) {
        this.ts = ts;
        this.s = s;
        this.n = s.length();
    }

    static Object parse(ThreadState ts, String text) {
        JsonParser p = new JsonParser(ts, text);
        if (text.startsWith("\ufeff")) throw p.error("Unexpected UTF-8 BOM (decode using utf-8-sig)", 0);
        Object v = p.value(p.skipWs(0));
        int at = p.skipWs(p.end);
        if (at != p.n) throw p.error("Extra data", at);
        return v;
    }

    private Object value(int idx) {
        if ((++steps & 4095) == 0) ts.poll();
        if (idx >= n) throw error("Expecting value", idx);
        char c = s.charAt(idx);
        switch (c) {
            case '"': return string(idx + 1);
            case '{': return object(idx + 1);
            case '[': return array(idx + 1);
            case 'n': if (s.startsWith("null", idx)) { end = idx + 4; return null; } break;
            case 't': if (s.startsWith("true", idx)) { end = idx + 4; return Boolean.TRUE; } break;
            case 'f': if (s.startsWith("false", idx)) { end = idx + 5; return Boolean.FALSE; } break;
            default: break;
        }
        Object num = number(idx);
        if (num != null) return num;
        if (c == 'N' && s.startsWith("NaN", idx)) { end = idx + 3; return Double.NaN; }
        if (c == 'I' && s.startsWith("Infinity", idx)) { end = idx + 8; return Double.POSITIVE_INFINITY; }
        if (c == '-' && s.startsWith("-Infinity", idx)) { end = idx + 9; return Double.NEGATIVE_INFINITY; }
        throw error("Expecting value", idx);
    }

    /** Matches -?(0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)? at idx; null when there is no number there. */
    private Object number(int idx) {
        int i = idx;
        if (i < n && s.charAt(i) == '-') i++;
        if (i >= n || !digit(s.charAt(i))) return null;
        if (s.charAt(i) == '0') i++;
        else while (i < n && digit(s.charAt(i))) i++;
        int intEnd = i;
        boolean isFloat = false;
        if (i + 1 < n && s.charAt(i) == '.' && digit(s.charAt(i + 1))) {
            i += 2;
            while (i < n && digit(s.charAt(i))) i++;
            isFloat = true;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            int j = i + 1;
            if (j < n && (s.charAt(j) == '+' || s.charAt(j) == '-')) j++;
            if (j < n && digit(s.charAt(j))) {
                while (j < n && digit(s.charAt(j))) j++;
                i = j;
                isFloat = true;
            }
        }
        end = i;
        String text = s.substring(idx, i);
        if (isFloat) return Double.parseDouble(text);
        if (intEnd - idx <= 18) return Long.parseLong(text);
        return dev.skein.runtime.Arith.norm(new BigInteger(text));
    }

    private static boolean digit(char c) { return c >= '0' && c <= '9'; }

    private int skipWs(int i) {
        while (i < n) {
            char c = s.charAt(i);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') break;
            i++;
        }
        return i;
    }

    private char at(int i) { return i < n ? s.charAt(i) : '\0'; }

    private void enter() {
        if (++depth > JsonWriter.MAX_DEPTH) {
            throw Errors.of(ErrorKind.RECURSION, "maximum recursion depth exceeded while decoding a JSON document");
        }
        ts.poll();
    }

    private SkeinDict object(int idx) {
        enter();
        SkeinDict d = new SkeinDict();
        int i = idx;
        if (at(i) != '"') {
            i = skipWs(i);
            if (i < n && s.charAt(i) == '}') { end = i + 1; depth--; return d; }
            if (i >= n || s.charAt(i) != '"') throw error("Expecting property name enclosed in double quotes", i);
        }
        i++;
        while (true) {
            String key = string(i);
            i = end;
            if (i >= n || s.charAt(i) != ':') {
                i = skipWs(i);
                if (i >= n || s.charAt(i) != ':') throw error("Expecting ':' delimiter", i);
            }
            i = skipWs(i + 1);
            d.put(key, value(i));
            i = skipWs(end);
            boolean more = i < n && s.charAt(i) == ',';
            if (!more) {
                if (i < n && s.charAt(i) == '}') { end = i + 1; depth--; return d; }
                throw error("Expecting ',' delimiter", i);
            }
            i = skipWs(i + 1);
            if (i >= n || s.charAt(i) != '"') throw error("Expecting property name enclosed in double quotes", i);
            i++;
        }
    }

    private SkeinList array(int idx) {
        enter();
        SkeinList l = new SkeinList();
        int i = skipWs(idx);
        if (i < n && s.charAt(i) == ']') { end = i + 1; depth--; return l; }
        while (true) {
            l.append(value(i));
            i = skipWs(end);
            if (i < n && s.charAt(i) == ']') { end = i + 1; depth--; return l; }
            if (i >= n || s.charAt(i) != ',') throw error("Expecting ',' delimiter", i);
            i = skipWs(i + 1);
        }
    }

    /** Scans a string whose opening quote is at start - 1; sets {@link #end} past the closing quote. */
    private String string(int start) {
        int begin = start - 1;
        StringBuilder sb = new StringBuilder();
        int i = start;
        while (true) {
            if (i >= n) throw error("Unterminated string starting at", begin);
            char c = s.charAt(i);
            if (c == '"') { end = i + 1; return sb.toString(); }
            if (c < 0x20) throw error("Invalid control character at", i);
            if (c != '\\') {
                int run = i;
                while (i < n && (c = s.charAt(i)) != '"' && c != '\\' && c >= 0x20) i++;
                sb.append(s, run, i);
                continue;
            }
            if (++i >= n) throw error("Unterminated string starting at", begin);
            char e = s.charAt(i);
            if (e != 'u') {
                switch (e) {
                    case '"', '\\', '/' -> sb.append(e);
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case 'n' -> sb.append('\n');
                    case 'r' -> sb.append('\r');
                    case 't' -> sb.append('\t');
                    default -> throw error("Invalid \\escape", i - 1);
                }
                i++;
                continue;
            }
            int uni = hex4(i);
            i += 5;
            if (uni >= 0xd800 && uni <= 0xdbff && s.startsWith("\\u", i)) {
                int lo = hex4(i + 1);
                if (lo >= 0xdc00 && lo <= 0xdfff) {
                    sb.append((char) uni).append((char) lo);
                    i += 6;
                    continue;
                }
            }
            sb.append((char) uni);
        }
    }

    /** The four hex digits after the 'u' at index u. */
    private int hex4(int u) {
        if (u + 5 >= n) throw error("Invalid \\uXXXX escape", u);   // four digits and a closing quote must fit
        int v = 0;
        for (int k = 1; k <= 4; k++) {
            int d = Character.digit(s.charAt(u + k), 16);
            if (d < 0 || s.charAt(u + k) > 'f') throw error("Invalid \\uXXXX escape", u);
            v = v * 16 + d;
        }
        return v;
    }

    /** A JSONError naming the line, column and character offset (counted in code points, like Python). */
    private SkeinError error(String msg, int pos) {
        int cpPos = s.codePointCount(0, Math.min(pos, n));
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < pos && i < n; i++) {
            if (s.charAt(i) == '\n') { line++; lineStart = i + 1; }
        }
        int col = s.codePointCount(lineStart, Math.min(pos, n)) + 1;
        return Errors.of(ErrorKind.JSON, msg + ": line " + line + " column " + col + " (char " + cpPos + ")");
    }
}
