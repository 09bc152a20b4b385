package dev.skein.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skein.embed.SkeinEngine;
import dev.skein.embed.SkeinSession;
import dev.skein.runtime.Signature;
import org.junit.jupiter.api.Test;

/**
 * Calls of builtins and of built-in type methods from compiled code (the direct builtin body,
 * the per-site method cache): each function below must compile, and give what it gives on the
 * tree, also when one site sees receivers of several types.
 */
class CompiledCallsTest {
    private static final String SOURCE = """
            import math
            fn builtins(n) {
                let t = 0
                for i in range(n) { t += len(str(i)) + abs(-i) + min(i, 3) + round(i / 2) }
                return t
            }
            fn methods(n) {
                let d = {}
                let xs = [0]
                let t = 0
                for i in range(n) {
                    d[i % 5] = d.get(i % 5, 0) + 1
                    xs.append(i)
                    t += xs.pop() + len("a b".split()) + len("a,b,c".split(",", 1))
                }
                return [t, d]
            }
            fn pop(x) { return x.pop() }
            fn poly() {
                let out = []
                for x in [[1, 2], {3}, {"k": 4}, [5]] {
                    out.append(x.pop() if type(x) != "dict" else x.pop("k"))
                    out.append(pop([7]))
                }
                out.append(math.floor(2.5))
                return out
            }
            """;

    private final SkeinSession compiled = SkeinEngine.builder().build().newSession();

    {
        compiled.eval(SOURCE);
    }

    @Test
    void builtinsNamedDirectly() { check("str(builtins(100))", "builtins", "7909"); }

    @Test
    void methodsOfBuiltInTypes() { check("str(methods(100))", "methods", "[5350, {0: 20, 1: 20, 2: 20, 3: 20, 4: 20}]"); }

    @Test
    void oneSiteSeesManyReceiverTypes() { check("str(poly())", "poly", "[2, 7, 3, 7, 4, 7, 5, 7, 2]"); }

    @Test
    void signaturesSayWhichPositionalCallsNeedNoBinding() {
        Signature get = new Signature("dict.get", "self, key, default=?");
        assertFalse(get.fitsPositionally(1));
        assertTrue(get.fitsPositionally(2));
        assertTrue(get.fitsPositionally(3));
        assertFalse(get.fitsPositionally(4));
        assertFalse(new Signature("print", "*values, sep=?").fitsPositionally(1));
        assertFalse(new Signature("sorted", "iterable, *, key").fitsPositionally(1));
        assertTrue(new Signature("sorted", "iterable, *, key=?").fitsPositionally(1));
        assertFalse(new Signature("f", "a, **kw").fitsPositionally(1));
    }

    /** {@code expr} gives {@code expected} compiled and on the tree, and {@code fn} ran compiled. */
    private void check(String expr, String fn, String expected) {
        for (int pass = 0; pass < 3; pass++) assertEquals(expected, String.valueOf(compiled.eval(expr)));
        assertNotNull(CompiledDataTest.code(compiled, fn).compiled, fn + " should run compiled");
        SkeinSession tree = SkeinEngine.builder().compile(false).build().newSession();
        tree.eval(SOURCE);
        assertEquals(expected, String.valueOf(tree.eval(expr)));
        assertEquals(null, CompiledDataTest.code(tree, fn).compiled);
    }
}
