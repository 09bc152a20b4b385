package dev.skein.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skein.runtime.Builtin;
import dev.skein.runtime.Interpreter;
import dev.skein.runtime.Missing;
import dev.skein.runtime.NativeModule;
import dev.skein.runtime.SkeinError;
import dev.skein.runtime.ThreadState;
import dev.skein.runtime.TypeMethodTable;
import dev.skein.stdlib.Stdlib;
import dev.skein.syntax.Source;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Builtins and methods whose bodies take their slots one by one ({@link Builtin.Body1} …) are
 * called without an argument array: by compiled code (a builtin named directly, a method site's
 * cache of a type's method or of a module's function), by {@link Builtin#call} and {@link Builtin#callWithSelf} (the tree, module members).
 * The probes below count every call that went through the array form instead, and the results
 * must be the same compiled and on the tree, optional slots padded with MISSING.
 */
class FixedArityCallsTest {
    /** Counts calls of a body's array form. */
    private final AtomicInteger arrayCalls = new AtomicInteger();

    /** {@code s.probe(x=?, y=?)} on str: a method of three slots. */
    private final Builtin probe = new Builtin("str.probe", "self, x=?, y=?", new Builtin.Body3() {
        @Override public Object apply3(ThreadState ts, Object self, Object x, Object y) {
            return self + ":" + shown(x) + ":" + shown(y);
        }

        @Override public Object apply(ThreadState ts, Object[] a) {
            arrayCalls.incrementAndGet();
            return apply3(ts, a[0], a[1], a[2]);
        }
    });

    /** {@code twice(x, y=?)}: a builtin of two slots. */
    private final Builtin twice = new Builtin("twice", "x, y=?", new Builtin.Body2() {
        @Override public Object apply2(ThreadState ts, Object x, Object y) {
            return shown(x) + shown(x) + shown(y);
        }

        @Override public Object apply(ThreadState ts, Object[] a) {
            arrayCalls.incrementAndGet();
            return apply2(ts, a[0], a[1]);
        }
    });

    /** {@code probes.pair(x, y=?)}: a module's function of two slots. */
    private final Builtin pair = new Builtin("probes.pair", "x, y=?", new Builtin.Body2() {
        @Override public Object apply2(ThreadState ts, Object x, Object y) {
            return "<" + shown(x) + "," + shown(y) + ">";
        }

        @Override public Object apply(ThreadState ts, Object[] a) {
            arrayCalls.incrementAndGet();
            return apply2(ts, a[0], a[1]);
        }
    });

    /** {@code probes.same(x)}: gives its argument back, allocating nothing itself. */
    private final Builtin same = new Builtin("probes.same", "x", (Builtin.Body1) (ts, x) -> x);

    private static String shown(Object o) { return o == Missing.MISSING ? "-" : String.valueOf(o); }

    private static final String SCRIPT = """
            import probes
            fn f(n) {
                let out = []
                for i in range(n) {
                    out.append("s".probe() + "s".probe(i) + "s".probe(i, 7) + twice(i) + twice(i, "y")
                            + probes.pair(i) + probes.pair(i, 2))
                }
                return out[-1]
            }
            f(50)
            """;

    private static final String EXPECTED = "s:-:-s:49:-s:49:74949-4949y<49,-><49,2>";

    private Interpreter engine(boolean compile) {
        Interpreter.Builder b = Stdlib.install(Interpreter.builder()).compile(compile);
        Interpreter plain = Stdlib.install(Interpreter.builder()).build();
        TypeMethodTable std = plain.typeMethods();
        b.typeMethods((recv, name) -> recv instanceof String && name.equals("probe") ? probe : std.find(recv, name));
        b.module("probes", interp -> new NativeModule("probes").constant("pair", pair).constant("same", same));
        return b.builtin("twice", twice).build();
    }

    /** Runs {@code script}; when it defines {@code f}, checks that f ran compiled exactly when the engine compiles. */
    private static Object run(Interpreter interp, String script) {
        Runner runner = Runner.of(interp);
        ModuleInstance module = new ModuleInstance("__main__", "<fixed>");
        Code main = runner.compile(new Source("<fixed>", script), module, true);
        Object result = runner.run(main, module, new ThreadState(interp));
        if (module.get("f") instanceof Function f) {
            if (interp.compiles()) assertNotNull(f.code().compiled, "f should run compiled");
            else assertNull(f.code().compiled);
        }
        return result;
    }

    @Test
    void compiledCallsPassTheSlotsOneByOne() {
        assertEquals(EXPECTED, run(engine(true), SCRIPT));
        assertEquals(0, arrayCalls.get(), "calls through the array form");
    }

    @Test
    void theTreeGivesTheSameWithoutArraysEither() {
        assertEquals(EXPECTED, run(engine(false), SCRIPT));
        assertEquals(0, arrayCalls.get(), "calls through the array form");
    }

    @Test
    void compiledModuleFunctionCallsAllocateNothingForTheirArguments() {
        Interpreter interp = engine(true);
        Runner runner = Runner.of(interp);
        ModuleInstance module = new ModuleInstance("__main__", "<same>");
        runner.run(runner.compile(new Source("<same>", """
                import probes
                fn f(n, x) {
                    for i in range(n) { probes.same(x) }
                    return probes.same(x)
                }
                """), module, true), module, new ThreadState(interp));
        Function f = (Function) module.get("f");
        ThreadState ts = new ThreadState(interp);
        f.call(ts, new Object[] {1L, "x"}, null);   // compiles f, fills the site's cache
        assertNotNull(f.code().compiled);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        f.call(ts, new Object[] {5000L, "x"}, null);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertTrue(allocated < 5000 * 8, "5000 calls allocated " + allocated + " bytes");   // an argument array is 16 bytes a call
    }

    @Test
    void keywordsStillBindThroughTheArray() {
        assertEquals("s:-:k", run(engine(true), "fn f() { return \"s\".probe(y = \"k\") }\nf()"));
        assertEquals(1, arrayCalls.get());
    }

    @Test
    void aBodyMustTakeAsManySlotsAsItsSignatureHas() {
        assertThrows(IllegalArgumentException.class, () -> new Builtin("bad", "x", (Builtin.Body2) (ts, a, b) -> a));
        assertEquals(2, twice.arity());
        assertEquals(0, new Builtin("array", "x", (ts, a) -> a[0]).arity());
    }

    @Test
    void tooManyArgumentsAreStillATypeError() {
        ThreadState ts = new ThreadState(engine(true));
        SkeinError e = assertThrows(SkeinError.class, () -> twice.call(ts, new Object[] {1L, 2L, 3L}, null));
        assertEquals("twice() takes from 1 to 2 positional arguments but 3 were given", e.value().message());
        assertEquals("1-", twice.call(ts, new Object[] {1L}, null).toString().substring(1));
        assertEquals("s:1:-", probe.callWithSelf(ts, "s", new Object[] {1L}, null));
        assertEquals(0, arrayCalls.get());
    }
}
