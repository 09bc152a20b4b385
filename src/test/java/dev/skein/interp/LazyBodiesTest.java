package dev.skein.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skein.runtime.Interpreter;
import dev.skein.runtime.OutputSink;
import dev.skein.runtime.ThreadState;
import dev.skein.stdlib.Stdlib;
import dev.skein.syntax.CompileError;
import dev.skein.syntax.Diagnostic;
import dev.skein.syntax.Source;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A top-level function's node tree is built at its first use ({@link LazyBodies}), on both
 * engines: a function never called is never built, and the closures inside it do not exist until
 * it is; its code is still found by key (a process-pool worker receiving a closure); errors in
 * its body are still reported before anything runs.
 */
class LazyBodiesTest {
    private static final String SCRIPT = """
            fn used(x) { return x * 2 }
            fn never_called(x) {
                let add = fn(y) { return x + y }
                return add(1)
            }
            fn called_later(n, step = used(1)) {
                let t = 0
                for i in range(n) { t += i * step }
                return t
            }
            print(used(21))
            """;
    /** The key of the lambda inside never_called (line 3, column 15). */
    private static final String NESTED = "lazy.skein:3:15";

    private Interpreter interp;
    private Runner runner;
    private final ModuleInstance module = new ModuleInstance("__main__", "lazy.skein");
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private void run(boolean compile, String script) {
        interp = Stdlib.install(Interpreter.builder()).compile(compile)
                .stdout(OutputSink.of(new PrintStream(out, true, StandardCharsets.UTF_8))).build();
        runner = Runner.of(interp);
        runner.run(runner.compile(new Source("lazy.skein", script), module, false), module, new ThreadState(interp));
    }

    private Code code(String name) { return ((Function) module.get(name)).code; }

    private Object call(String name, Object... args) {
        return ((Function) module.get(name)).call(new ThreadState(interp), args, null);
    }

    @ParameterizedTest(name = "compile={0}")
    @ValueSource(booleans = {true, false})
    void aTopLevelFunctionIsBuiltAtItsFirstCallAndOnlyThen(boolean compile) {
        run(compile, SCRIPT);
        assertEquals("42\n", out.toString(StandardCharsets.UTF_8));
        assertFalse(code("used").waiting, "called: built");
        assertNotNull(code("used").body);
        for (String name : List.of("never_called", "called_later")) {
            assertTrue(code(name).waiting, name + " is not built before its first call");
            assertNull(code(name).body);
        }
        assertTrue(candidates(NESTED).isEmpty(), "the closure inside a function not built has no code yet");
        assertEquals(2L * (0 + 1 + 2 + 3), call("called_later", 4L), "a default built with the body");
        assertFalse(code("called_later").waiting);
        assertTrue(code("never_called").waiting);
    }

    @ParameterizedTest(name = "compile={0}")
    @ValueSource(booleans = {true, false})
    void aClosureInsideAFunctionNotBuiltIsFoundByItsKey(boolean compile) {
        run(compile, SCRIPT);
        Code nested = runner.code(NESTED);   // what a worker decoding the closure asks
        assertNotNull(nested);
        assertEquals("<lambda>", nested.name());
        assertFalse(code("never_called").waiting, "built to find it");
        assertSame(nested, runner.code(NESTED));
        assertNull(runner.code("lazy.skein:3:16"), "no function starts there");
        assertNull(runner.code("other.skein:3:15"));

        // A runner that adopts the script (an embedded engine's session) finds the same code.
        Runner adopting = Runner.of(Stdlib.install(Interpreter.builder()).build());
        adopting.adopt(runner, runner.source("lazy.skein"), module);
        assertSame(nested, adopting.code(NESTED));
    }

    @ParameterizedTest(name = "compile={0}")
    @ValueSource(booleans = {true, false})
    void manyThreadsMakingTheFirstCallAtOnceBuildTheBodyOnce(boolean compile) throws Exception {
        run(compile, SCRIPT);
        for (Object r : AtOnce.call(16, () -> call("never_called", 41L))) assertEquals(42L, r);
        assertEquals(1, candidates(NESTED).size(), "one build: one code for the closure inside");
    }

    /** The codes the unit made for a function literal at {@code key}. */
    private List<Code> candidates(String key) {
        List<Code> made = new ArrayList<>();
        for (BytecodeCompiler.Candidate c : code("used").lateBody.candidates) if (c.code().key().equals(key)) made.add(c.code());
        return made;
    }

    @ParameterizedTest(name = "compile={0}")
    @ValueSource(booleans = {true, false})
    void errorsInTheBodyOfAFunctionNeverCalledAreReportedBeforeAnythingRuns(boolean compile) {
        String script = """
                print("never printed")
                fn f() { return missing + 1 }
                fn g() { len = 2 }
                fn h() { let k = fn() { break }; return k }
                """;
        CompileError e = assertThrows(CompileError.class, () -> run(compile, script));
        List<String> found = new ArrayList<>();
        for (Diagnostic d : e.diagnostics()) found.add(d.line() + ":" + d.column() + " " + d.kind());
        assertEquals(List.of("2:17 NameError", "3:10 NameError", "4:25 SyntaxError"), found);
        assertEquals("", out.toString(StandardCharsets.UTF_8));
    }
}
