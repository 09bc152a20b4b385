package dev.skein.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.skein.embed.SkeinEngine;
import dev.skein.embed.SkeinFunction;
import dev.skein.embed.SkeinSession;
import java.lang.reflect.Method;
import org.junit.jupiter.api.Test;

/**
 * Data expressions in compiled code (subscripts, slices, attribute reads, container literals,
 * f-strings, bytes literals, keyword and spread arguments): each function below must compile,
 * and give what it gives on the tree.
 */
class CompiledDataTest {
    private static final String SOURCE = """
            record Point(x, y)
            fn subscripts(xs, s, d) {
                return [xs[0], xs[-1], s[1], s[-1], d["k"], xs[1:], xs[::-1], s[1:3], s[::2], xs[true]]
            }
            fn attributes(p) { return p.x + p.y }
            fn literals(a) { return [[a, a + 1], {a, a, 2}, {"a": a, "b": [a]}, {}, [], b"a\\x00b", b"z"[0]] }
            fn fstrings(x, w) { return f"<{x}|{x!r}|{x:>{w}}|{3.14159:.{w}f}|{{}}|{[x]!s}>" }
            fn g(a, b = 2, *rest, k = 3) { return [a, b, rest, k] }
            fn calls(xs) {
                return [g(1, k = 5), g(*xs), g(0, *xs, k = 9), sorted(xs, reverse = true), max(*xs),
                        ", ".join(*[["p", "q"]]), "a-b".split(sep = "-")]
            }
            fn dict_sum(d, n) {
                let t = 0
                for i in range(n) { t += d.get(i % 10, 0) + d[i % 3] }
                return t
            }
            """;

    private final SkeinSession compiled = SkeinEngine.builder().build().newSession();

    {
        compiled.eval(SOURCE);
    }

    @Test
    void subscriptsAndSlices() {
        check("str(subscripts([1, 2, 3], \"hello\", {\"k\": 7}))", "subscripts",
                "[1, 3, 'e', 'o', 7, [2, 3], [3, 2, 1], 'el', 'hlo', 2]");
    }

    @Test
    void attributeReads() { check("str(attributes(Point(3, 4)))", "attributes", "7"); }

    @Test
    void containerAndBytesLiterals() {
        check("str(literals(1))", "literals", "[[1, 2], {1, 2}, {'a': 1, 'b': [1]}, {}, [], b'a\\x00b', 122]");
    }

    @Test
    void fStringsWithConversionsAndNestedSpecs() {
        check("fstrings('ab', 4)", "fstrings", "<ab|'ab'|  ab|3.1416|{}|['ab']>");
    }

    @Test
    void keywordAndSpreadArguments() {
        check("str(calls([3, 1, 2]))", "calls",
                "[[1, 2, [], 5], [3, 1, [2], 3], [0, 3, [1, 2], 9], [3, 2, 1], 3, 'p, q', ['a', 'b']]");
    }

    @Test
    void dictGetAndIndexInALoop() { check("str(dict_sum({0: 1, 1: 2, 2: 3}, 1000))", "dict_sum", "2599"); }

    /** {@code expr} gives {@code expected} compiled and on the tree, and {@code fn} ran compiled. */
    private void check(String expr, String fn, String expected) {
        assertEquals(expected, String.valueOf(compiled.eval(expr)));
        assertNotNull(code(compiled, fn).compiled, fn + " should run compiled");
        String previous = System.getProperty("skein.compile");
        System.setProperty("skein.compile", "off");
        try {
            SkeinSession tree = SkeinEngine.builder().build().newSession();
            tree.eval(SOURCE);
            assertEquals(expected, String.valueOf(tree.eval(expr)));
            assertEquals(null, code(tree, fn).compiled);
        } finally {
            if (previous == null) System.clearProperty("skein.compile");
            else System.setProperty("skein.compile", previous);
        }
    }

    static Code code(SkeinSession session, String name) {
        try {
            Method callable = SkeinFunction.class.getDeclaredMethod("callable");
            callable.setAccessible(true);
            return ((Function) callable.invoke(session.get(name))).code;
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
