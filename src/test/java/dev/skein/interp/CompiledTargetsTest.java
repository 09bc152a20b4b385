package dev.skein.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skein.embed.SkeinEngine;
import dev.skein.embed.SkeinException;
import dev.skein.runtime.Convert;
import dev.skein.runtime.Interpreter;
import dev.skein.runtime.SkeinError;
import dev.skein.runtime.ThreadState;
import dev.skein.stdlib.Stdlib;
import dev.skein.syntax.Source;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Assignment targets and comprehensions in compiled code: destructuring, subscript stores,
 * {@code t[i] op= v} and list/set/dict comprehensions compile (the function's {@link Code} has
 * its compiled entry) and give the tree's results and errors. The golden scripts in
 * {@code golden/compiled} run the same constructs both ways, with their traces.
 */
class CompiledTargetsTest {
    private final Interpreter interp = Stdlib.install(Interpreter.builder()).build();
    private final Runner runner = Runner.of(interp);
    private final ModuleInstance module = new ModuleInstance("__main__", "targets.skein");
    private int snippets;

    /** Runs a snippet in the module; returns the repr of its last expression. */
    private String eval(String code) {
        Source source = new Source("targets-" + (++snippets) + ".skein", code);
        Code compiled = runner.compile(source, module, true);
        return Convert.repr(runner.run(compiled, module, new ThreadState(interp)));
    }

    private void assertCompiled(String... functions) {
        for (String name : functions) {
            Object f = module.get(name);
            assertTrue(f instanceof Function, name + " is a function");
            assertNotNull(((Function) f).code.compileNow(), name + " runs compiled");
        }
    }

    @Test
    void destructuringTargetsCompile() {
        eval("""
                fn swap(pair) {
                    let a, b = pair
                    b, a = pair
                    return a * 10 + b
                }
                fn nested(rows) {
                    let t = 0
                    for i, (k, [v, w]) in rows { t += i * 1000 + k * 100 + v * 10 + w }
                    return t
                }
                fn reassigned(n) {
                    let t = 0
                    let r = 0
                    for i in range(n) {
                        if i == 1 { i, r = divmod(21, 2) }
                        t = t * 100 + i
                    }
                    return t
                }
                """);
        assertCompiled("swap", "nested", "reassigned");
        assertEquals("13", eval("swap(divmod(7, 2))"));
        assertEquals("1521", eval("nested(enumerate(zip(divmod(17, 5), zip(range(2), range(5, 7)))))"));
        assertEquals("1002", eval("reassigned(3)"), "a range loop's counter assigned by destructuring is reboxed");
        SkeinError e = assertThrows(SkeinError.class, () -> eval("swap(range(3))"));
        assertEquals("too many values to unpack (expected 2)", e.value().message());
    }

    @Test
    void subscriptStoresAndAugmentedSubscriptsCompile() {
        eval("""
                fn fill(xs, n) {
                    for i in range(n) { xs[i] = i * i }
                    xs[-1] = "last"
                    return xs
                }
                fn count(d, words) {
                    for w in words { d[w] += 1 }
                    return d
                }
                fn bump(xs, n) {
                    for i in range(n) { xs[i] *= 3 }
                    let j = n
                    xs[j] -= 1
                    return xs
                }
                """);
        assertCompiled("fill", "count", "bump");
        assertEquals("[0, 1, 4, 'last']", eval("fill(list(range(4)), 3)"));
        assertEquals("{'a': 2, 'b': 1}", eval("count(dict(a=0, b=0), \"aba\")"));
        assertEquals("[3, 6, 2]", eval("bump(list(range(1, 4)), 2)"));
        SkeinError e = assertThrows(SkeinError.class, () -> eval("fill(list(), 1)"));
        assertEquals("list assignment index out of range", e.value().message());
    }

    @Test
    void comprehensionsCompile() {
        eval("""
                fn squares(n) { return [x * x for x in range(n) if x % 2 == 0] }
                fn table(xs) { return {x: y for x in xs for y in range(x) if y > 0} }
                fn residues(xs) { return {x % 3 for x in xs} }
                fn sums(pairs) { return [a + b for a, b in pairs] }
                fn total(n) { return sum(x for x in range(n, 0, -1)) }
                fn grid(n) { return [[i * j for j in range(n)] for i in range(n)] }
                fn shadow(x) {
                    let ys = [x for x in range(3)]
                    return x + len(ys)
                }
                """);
        assertCompiled("squares", "table", "residues", "sums", "total", "grid", "shadow");
        assertEquals("[0, 4, 16, 36, 64]", eval("squares(10)"));
        assertEquals("{2: 1, 3: 2}", eval("table(range(1, 4))"));
        assertEquals("{0, 1, 2}", eval("residues(range(10))"));
        assertEquals("[0, 2, 4]", eval("sums(zip(range(3), range(3)))"));
        assertEquals("5050", eval("total(100)"));
        assertEquals("[[0, 0, 0], [0, 1, 2], [0, 2, 4]]", eval("grid(3)"));
        assertEquals("13", eval("shadow(10)"), "a comprehension's variable is its own");
    }

    @Test
    void aTimeLimitStopsACompiledComprehension() {
        SkeinEngine limited = SkeinEngine.builder().timeLimit(Duration.ofMillis(300)).build();
        long start = System.nanoTime();
        SkeinException e = assertThrows(SkeinException.class, () -> limited.eval("""
                fn spin(n) { return [x for x in range(n) if x < 0] }
                spin(10 ** 15)
                """));
        assertTrue(e.kind().equals("TimeoutError") || e.kind().equals("CancelledError"), e.kind() + ": " + e.getMessage());
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(10).toNanos());
    }
}
