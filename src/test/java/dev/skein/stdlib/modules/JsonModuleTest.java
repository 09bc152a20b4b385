package dev.skein.stdlib.modules;

import dev.skein.runtime.Builtin;
import dev.skein.runtime.Bytes;
import dev.skein.runtime.ErrorKind;
import dev.skein.runtime.Missing;
import dev.skein.runtime.RecordType;
import dev.skein.runtime.SkeinDict;
import dev.skein.runtime.SkeinList;
import dev.skein.runtime.SkeinSet;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Expected texts and error messages come from CPython 3.11's json module. */
class JsonModuleTest extends ModuleTestSupport {
    private String dumps(Object v, Object... kw) { return (String) callKw("json", "dumps", new Object[]{v}, kw); }

    private Object loads(String s) { return call("json", "loads", s); }

    private static SkeinDict dict(Object... kv) {
        SkeinDict d = new SkeinDict();
        for (int i = 0; i < kv.length; i += 2) d.put(kv[i], kv[i + 1]);
        return d;
    }

    private SkeinDict sample() {
        return dict("a", 1L, "b", SkeinList.of(1L, 2.5, null, true), "c", new SkeinDict(), "d", new SkeinList());
    }

    @Test void dumpsLikePython() {
        assertEquals("{\"a\": 1, \"b\": [1, 2.5, null, true], \"c\": {}, \"d\": []}", dumps(sample()));
        assertEquals("{\n  \"a\": 1,\n  \"b\": [\n    1,\n    2.5,\n    null,\n    true\n  ],\n  \"c\": {},\n  \"d\": []\n}",
                dumps(sample(), "indent", 2L));
        SkeinDict nested = dict("a", SkeinList.of(1L, dict("x", 2L)));
        assertEquals("{\n\t\"a\": [\n\t\t1,\n\t\t{\n\t\t\t\"x\": 2\n\t\t}\n\t]\n}", dumps(nested, "indent", "\t"));
        assertEquals("{\n\"a\": [\n1,\n{\n\"x\": 2\n}\n]\n}", dumps(nested, "indent", 0L));
        assertEquals("[1e+16,1e-07,0.1,-0.0,1000000000000000000000000000000]",
                dumps(SkeinList.of(1e16, 1e-7, 0.1, -0.0, BigInteger.TEN.pow(30)), "separators", SkeinList.of(",", ":")));
        assertEquals("{\"a\": 2, \"b\": 1, \"c\": 3}", dumps(dict("b", 1L, "a", 2L, "c", 3L), "sort_keys", true));
    }

    @Test void dumpsKeysAndSpecialFloats() {
        SkeinDict d = dict("b", 1L, "a", new SkeinList(), 2L, 3.0, null, 1e100, true, Double.POSITIVE_INFINITY, 2.5, Double.NaN);
        assertEquals("{\"b\": 1, \"a\": [], \"2\": 3.0, \"null\": 1e+100, \"true\": Infinity, \"2.5\": NaN}", dumps(d));
        assertSkeinError(ErrorKind.VALUE, "Out of range float values are not JSON compliant",
                () -> dumps(SkeinList.of(Double.NaN), "allow_nan", false));
    }

    @Test void dumpsEscapesLikeEnsureAscii() {
        String s = "h\u00e9\uD83D\uDE00\u007f\u001f\"\\/\b\f\n\r\t";
        assertEquals("{\"a\": 1, \"c\": \"h\\u00e9\\ud83d\\ude00\\u007f\\u001f\\\"\\\\/\\b\\f\\n\\r\\t\"}",
                dumps(dict("a", 1L, "c", s)));
        assertEquals("{\"c\": \"h\u00e9\uD83D\uDE00\u007f\\u001f\"}",
                dumps(dict("c", "h\u00e9\uD83D\uDE00\u007f\u001f"), "ensure_ascii", false));
    }

    @Test void dumpsRecordsAndRejectsOthers() {
        RecordType point = new RecordType("Point", new String[]{"x", "y"}, new Object[]{Missing.MISSING, Missing.MISSING}, "t:1");
        Object p = point.call(ts, new Object[]{1L, 2L}, null);
        assertEquals("[{\"x\": 1, \"y\": 2}]", dumps(SkeinList.of(p)));
        assertSkeinError(ErrorKind.TYPE, "Object of type set is not JSON serializable", () -> dumps(SkeinSet.of(1L)));
        assertSkeinError(ErrorKind.TYPE, "Object of type bytes is not JSON serializable", () -> dumps(Bytes.wrap(new byte[1])));
        SkeinList loop = new SkeinList();
        loop.append(loop);
        assertSkeinError(ErrorKind.VALUE, "Circular reference detected", () -> dumps(loop));
        Builtin asList = new Builtin("as_list", "o", (t, a) -> SkeinList.of("set", 1L));
        assertEquals("[\"set\", 1]", dumps(SkeinSet.of(1L), "default", asList));
        Builtin endless = new Builtin("endless", "o", (t, a) -> SkeinSet.of(2L));
        assertSkeinError(ErrorKind.RECURSION, () -> dumps(SkeinSet.of(1L), "default", endless));
    }

    @Test void loadsValues() {
        Object v = loads(" {\"a\" : 1 , \"b\" :[ -0, -0.0, 1E5, 1e-2, 12345678901234567890123, 1.5e400, \"\\u00e9\\ud83d\\ude00\\/\" ], \"c\": null, \"d\": true} ");
        SkeinDict d = assertInstanceOf(SkeinDict.class, v);
        assertEquals(1L, d.get("a"));
        assertEquals(SkeinList.of(0L, -0.0, 100000.0, 0.01, new BigInteger("12345678901234567890123"),
                Double.POSITIVE_INFINITY, "\u00e9\uD83D\uDE00/"), d.get("b"));
        assertEquals(null, d.get("c"));
        assertEquals(true, d.get("d"));
        assertEquals(-9223372036854775808L, loads("-9223372036854775808"));
        assertEquals(new BigInteger("-9223372036854775809"), loads("-9223372036854775809"));
        assertEquals(1234567890123456789L, loads("1234567890123456789"));
        assertTrue(((Double) loads("NaN")).isNaN());
        assertEquals(Double.NEGATIVE_INFINITY, loads("-Infinity"));
        assertEquals(SkeinList.of(1L), call("json", "loads", Bytes.wrap("\ufeff[1]".getBytes(StandardCharsets.UTF_8))));
    }

    @Test void loadsKeepsFirstPositionLastValue() {
        SkeinDict d = (SkeinDict) loads("{\"x\": 1, \"y\": 2, \"x\": 3}");
        assertEquals(SkeinList.of("x", "y"), SkeinList.of(d.keysSnapshot()));
        assertEquals(3L, d.get("x"));
    }

    @Test void roundTrip() {
        SkeinDict d = sample();
        assertEquals(d, loads(dumps(d)));
        assertEquals(d, loads(dumps(d, "indent", 4L)));
    }

    @Test void errorsNameLineAndColumnLikePython() {
        String[][] cases = {
                {"", "Expecting value: line 1 column 1 (char 0)"},
                {"  ", "Expecting value: line 1 column 3 (char 2)"},
                {"[1,", "Expecting value: line 1 column 4 (char 3)"},
                {"[1 2]", "Expecting ',' delimiter: line 1 column 4 (char 3)"},
                {"{\"a\" 1}", "Expecting ':' delimiter: line 1 column 6 (char 5)"},
                {"{\"a\":1,}", "Expecting property name enclosed in double quotes: line 1 column 8 (char 7)"},
                {"{1:2}", "Expecting property name enclosed in double quotes: line 1 column 2 (char 1)"},
                {"\"abc", "Unterminated string starting at: line 1 column 1 (char 0)"},
                {"\"a\u0001b\"", "Invalid control character at: line 1 column 3 (char 2)"},
                {"\"a\\qb\"", "Invalid \\escape: line 1 column 3 (char 2)"},
                {"\"\\u12g4\"", "Invalid \\uXXXX escape: line 1 column 3 (char 2)"},
                {"\"ab\\u1234", "Invalid \\uXXXX escape: line 1 column 5 (char 4)"},
                {"[1] x", "Extra data: line 1 column 5 (char 4)"},
                {"01", "Extra data: line 1 column 2 (char 1)"},
                {"1.", "Extra data: line 1 column 2 (char 1)"},
                {"-", "Expecting value: line 1 column 1 (char 0)"},
                {"{\"a\":1 \"b\":2}", "Expecting ',' delimiter: line 1 column 8 (char 7)"},
                {"\n\n  [1,\n  ]", "Expecting value: line 4 column 3 (char 10)"},
                {"[", "Expecting value: line 1 column 2 (char 1)"},
                {"{", "Expecting property name enclosed in double quotes: line 1 column 2 (char 1)"},
                {"{\"a\":", "Expecting value: line 1 column 6 (char 5)"},
                {"tru", "Expecting value: line 1 column 1 (char 0)"},
                {"[1,2", "Expecting ',' delimiter: line 1 column 5 (char 4)"},
                {"{\"a\":1", "Expecting ',' delimiter: line 1 column 7 (char 6)"},
                {"{\"a\"", "Expecting ':' delimiter: line 1 column 5 (char 4)"},
                {"{\"a\":1, ", "Expecting property name enclosed in double quotes: line 1 column 9 (char 8)"},
                {" \"\uD83D\uDE00\" x", "Extra data: line 1 column 6 (char 5)"},
                {"[1]\n\n x", "Extra data: line 3 column 2 (char 6)"},
                {"\n{\n  \"k\": tru\n}", "Expecting value: line 3 column 8 (char 10)"},
                {"\ufeff[1]", "Unexpected UTF-8 BOM (decode using utf-8-sig): line 1 column 1 (char 0)"},
        };
        for (String[] c : cases) {
            var e = assertSkeinError(ErrorKind.JSON, () -> loads(c[0]));
            assertEquals(c[1], e.value().message(), () -> "for input " + c[0]);
            assertTrue(e.kind().isA(ErrorKind.VALUE));
        }
    }

    @Test void deepNestingIsARecursionError() {
        assertSkeinError(ErrorKind.RECURSION, () -> loads("[".repeat(5000) + "]".repeat(5000)));
        SkeinList deep = new SkeinList();
        SkeinList cur = deep;
        for (int i = 0; i < 5000; i++) { SkeinList next = new SkeinList(); cur.append(next); cur = next; }
        assertSkeinError(ErrorKind.RECURSION, () -> dumps(deep));
        assertEquals(SkeinList.of(SkeinList.of(SkeinList.of())), loads("[[[]]]"));
    }
}
