package dev.skein.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.skein.runtime.Interpreter;
import dev.skein.runtime.ThreadState;
import dev.skein.stdlib.Stdlib;
import dev.skein.syntax.Source;
import org.junit.jupiter.api.Test;

/**
 * Lazy compilation ({@link BytecodeLazy}): a function compiles at its first call, together with
 * the top-level functions it reads; functions never called are never compiled; many threads
 * making the first call at once all get the compiled entry, made once.
 */
class CompiledLazyTest {
    private static final String SCRIPT = """
            fn helper(x) { return x * 2 }
            fn outer(n) {
                let t = 0
                for i in range(n) { t += helper(i) }
                return t
            }
            fn unrelated(x) { return x + 1 }
            fn spin(n) {
                let t = 0
                for i in range(n) { t += i % 7 }
                return t
            }
            """;

    private final Interpreter interp = Stdlib.install(Interpreter.builder()).compile(true).build();
    private final Runner runner = Runner.of(interp);
    private final ModuleInstance module = new ModuleInstance("__main__", "lazy.skein");

    CompiledLazyTest() {
        runner.run(runner.compile(new Source("lazy.skein", SCRIPT), module, false), module, new ThreadState(interp));
    }

    private Code code(String name) { return ((Function) module.get(name)).code; }

    private Object call(String name, Object... args) {
        return ((Function) module.get(name)).call(new ThreadState(interp), args, null);
    }

    @Test
    void aFunctionCompilesAtItsFirstCallWithTheFunctionsItReads() {
        if (BytecodeLazy.AFTER != 0) return;   // the default policy only
        assertNull(code("outer").compiled, "compiled before its first call");
        assertEquals(90L, call("outer", 10L));
        CompiledEntry entry = code("outer").compiled;
        assertNotNull(entry);
        assertSame(entry, code("helper").compiled, "helper compiles with outer, in its class (a direct call)");
        assertNull(code("unrelated").compiled, "a function never called is never compiled");
        assertNull(code("spin").compiled);
    }

    @Test
    void compileNowCompilesAFunctionNotCalledYet() {
        CompiledEntry entry = code("unrelated").compileNow();
        assertNotNull(entry);
        assertSame(entry, code("unrelated").compiled);
        assertNotSame(entry, code("outer").compileNow(), "separate groups, separate classes");
        assertEquals(8L, call("unrelated", 7L));
    }

    @Test
    void manyThreadsMakingTheFirstCallAtOnceShareOneCompiledEntry() throws Exception {
        for (Object r : AtOnce.call(16, () -> call("spin", 10_000L))) assertEquals(29_994L, r);
        CompiledEntry entry = code("spin").compiled;
        assertNotNull(entry);
        assertSame(entry, code("spin").compileNow());
        assertNull(code("spin").lazy, "tried once, not again");
    }

    @Test
    void theTopLevelStaysOnTheTreeUnlessCompiledNow() {
        if (BytecodeLazy.TOP_LEVEL || BytecodeLazy.AFTER < 0) return;   // the default policy only
        String text = "let t = 0\nfor i in range(5) { t += helper(i) }\nt + 1";
        Code tree = runner.compile(new Source("top-1.skein", text), module, true);
        assertNull(tree.compiled, "run-once code stays on the tree");
        assertEquals(21L, runner.run(tree, module, new ThreadState(interp)));
        Code compiled = runner.compile(new Source("top-2.skein", text), module, true);
        assertNotNull(compiled.compileNow());
        assertEquals(21L, runner.run(compiled, module, new ThreadState(interp)));
    }

    @Test
    void withCompilingOffNothingWaitsToCompile() {
        Interpreter off = Stdlib.install(Interpreter.builder()).compile(false).build();
        Runner r = Runner.of(off);
        ModuleInstance m = new ModuleInstance("__main__", "off.skein");
        r.run(r.compile(new Source("off.skein", SCRIPT), m, false), m, new ThreadState(off));
        Code outer = ((Function) m.get("outer")).code;
        assertNull(outer.lazy);
        assertEquals(90L, ((Function) m.get("outer")).call(new ThreadState(off), new Object[] {10L}, null));
        assertNull(outer.compiled);
    }
}
