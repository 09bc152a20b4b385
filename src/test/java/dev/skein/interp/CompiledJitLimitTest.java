package dev.skein.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.skein.process.ProcessPools;
import dev.skein.runtime.Interpreter;
import dev.skein.runtime.ThreadState;
import dev.skein.stdlib.Stdlib;
import dev.skein.syntax.Source;
import org.junit.jupiter.api.Test;

/**
 * The JIT never compiles a method over 8,000 bytes of bytecode: a long function is written in the
 * compact form (operators call their helpers) when the inline form is over that, and stays on
 * the tree when even the compact form is. Either way it computes the same.
 */
class CompiledJitLimitTest {
    private final Interpreter interp = ProcessPools.install(Stdlib.install(Interpreter.builder())).build();
    private final Runner runner = Runner.of(interp);

    /** {@code fn big(x)} of {@code n} lines of arithmetic and comparisons, then {@code print(big(1))}. */
    private static String script(int n) {
        StringBuilder s = new StringBuilder("fn big(x) {\n");
        for (int k = 1; k <= n; k++) s.append("    x = x + ").append(k).append(" * 2 - (x % 7 if x > ").append(k).append(" else 1)\n");
        return s.append("    return x\n}\n").toString();
    }

    private static long expected(int n) {
        long x = 1;
        for (int k = 1; k <= n; k++) x = x + k * 2L - (x > k ? Math.floorMod(x, 7) : 1);
        return x;
    }

    private Code compileBig(int n) {
        ModuleInstance module = new ModuleInstance("__main__", "big.skein");
        Code main = runner.compile(new Source("big.skein", script(n) + "let result = big(1)\n"), module, false);
        runner.run(main, module, new ThreadState(interp));
        assertEquals(expected(n), module.globals[module.declare("result")]);
        return runner.code("big.skein:1:1");
    }

    @Test
    void aFunctionTooLongForTheInlineFormCompilesCompact() {
        assertNotNull(compileBig(30).compiled, "a function of 30 lines runs compiled (compact)");
    }

    @Test
    void aFunctionTooLongEvenCompactStaysOnTheTree() {
        assertNull(compileBig(150).compiled, "a function over the JIT's limit even compact runs on the tree");
    }

    @Test
    void aShortFunctionKeepsTheInlineForm() {
        assertNotNull(compileBig(10).compiled);
    }
}
