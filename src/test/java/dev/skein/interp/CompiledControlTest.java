package dev.skein.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skein.embed.SkeinEngine;
import dev.skein.embed.SkeinException;
import dev.skein.runtime.Interpreter;
import dev.skein.runtime.OutputSink;
import dev.skein.runtime.SkeinError;
import dev.skein.runtime.ThreadState;
import dev.skein.stdlib.Stdlib;
import dev.skein.syntax.Source;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Control statements and concurrency expressions in compiled code (the golden scripts under
 * {@code golden/compiled} check results and traces both compiled and on the tree): the functions
 * here must really run compiled, with the tree's results.
 */
class CompiledControlTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final Interpreter interp = Stdlib.install(Interpreter.builder()).stdout(OutputSink.of(out)).grantAll().build();
    private final Runner runner = Runner.of(interp);
    private final ModuleInstance module = new ModuleInstance("__main__", "control.skein");

    /** Runs a script in the module; returns its output, or fails with its error. */
    private String run(String script) {
        out.reset();
        Code main = runner.compile(new Source("control.skein", script), module, false);
        try {
            runner.run(main, module, new ThreadState(interp));
        } catch (SkeinError e) {
            throw new AssertionError(e.value().headline() + " " + e.value().trace() + "\n" + out.toString(StandardCharsets.UTF_8), e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private void assertCompiled(String... functions) {
        for (String name : functions) {
            Object v = module.get(name);
            assertTrue(v instanceof Function, name + " is no function: " + v);
            assertNotNull(((Function) v).code.compileNow(), name + " runs on the tree");
        }
    }

    @Test
    void jumpsLeaveThroughFinallyBlocksInOrder() {
        String output = run("""
                fn f(xs, log) {
                    for x in xs {
                        try {
                            try {
                                if x == 2 { continue }
                                if x == 4 { break }
                                log.append(x)
                            } finally {
                                log.append("in")
                            }
                        } finally {
                            log.append("out")
                        }
                    }
                    try {
                        for y in xs { if y == 3 { return log } }
                    } finally {
                        log.append("ret")
                    }
                }
                fn g() {
                    for i in range(3) {
                        try { return i } finally { if i < 2 { continue } }
                    }
                }
                fn h() {
                    try { throw ValueError("lost") } finally { return "finally wins" }
                }
                print(f([1, 2, 3, 4, 5], []))
                print(g(), h())
                """);
        assertEquals("[1, 'in', 'out', 'in', 'out', 3, 'in', 'out', 'in', 'out', 'ret']\n2 finally wins\n", output);
        assertCompiled("f", "g", "h");
    }

    @Test
    void catchClausesMatchKindsInOrderAndRethrowKeepsTheTrace() {
        String output = run("""
                fn inner() { throw KeyError("k") }
                fn pick(kind) {
                    try {
                        if kind == 1 { throw ValueError("v") }
                        if kind == 2 { inner() }
                        return "none"
                    } catch TypeError {
                        return "type"
                    } catch ValueError, KeyError as e {
                        return str(e)
                    }
                }
                fn again() {
                    try { inner() } catch e { throw e }
                }
                fn deep(n) { return deep(n + 1) }
                fn overflow() {
                    try { deep(0) } catch RecursionError { return "recursion caught" }
                }
                print(pick(0), pick(1), pick(2), overflow())
                try { again() } catch e { print(len(e.trace)) }
                """);
        assertEquals("none v k recursion caught\n3\n", output);
        assertCompiled("inner", "pick", "again", "overflow");
    }

    @Test
    void aLoopsStringBufferIsWrittenBackBeforeCatchAndFinally() {
        String output = run("""
                fn acc(xs) {
                    let s = ""
                    try {
                        for x in xs { s += x; if x == "c" { throw ValueError("stop") } }
                    } catch ValueError {
                        print(s)
                    }
                    try {
                        for x in xs { s += x; if x == "b" { return s } }
                    } finally {
                        print(s)
                    }
                }
                fn counter(n) {
                    let total = 0
                    for i in range(n) {
                        try { if i == 2 { throw ValueError("two") } } catch ValueError as i { total += 100 }
                        total += 1
                    }
                    return total
                }
                print(acc(["a", "b", "c"]), counter(4))
                """);
        assertEquals("abc\nabcab\nabcab 104\n", output);
        assertCompiled("acc", "counter");
    }

    @Test
    void withImportAndRecordCompile() {
        String output = run("""
                fn guarded(l, log) {
                    for i in range(4) {
                        with l as held {
                            if i == 1 { continue }
                            if i == 3 { break }
                            log.append(i)
                        }
                    }
                    with l { return log }
                }
                fn imports() {
                    import math
                    return math.floor(2.5)
                }
                fn point() {
                    record P(x, y = 2)
                    return P(1)
                }
                let l = lock()
                print(guarded(l, []), l.locked(), imports(), point())
                """);
        assertEquals("[0, 2] false 2 P(x=1, y=2)\n", output);
        assertCompiled("guarded", "imports", "point");
    }

    @Test
    void submitMapAndAwaitCompile() {
        String output = run("""
                fn times(a, k = 1) { return a * k }
                fn work(pool, xs) {
                    let f = submit times(3, k = 4) to pool timeout 5
                    let total = 0
                    for v in map times over xs, xs to pool chunk 2 { total += v }
                    return await f timeout 5 + total
                }
                with threads(2) as p { print(work(p, [1, 2, 3])) }
                """);
        assertEquals("26\n", output);
        assertCompiled("times", "work");
    }

    @Test
    void aTopLevelTryAroundALoopCompilesTheTopLevel() {
        out.reset();
        Code main = runner.compile(new Source("top.skein", """
                let n = 0
                try {
                    for i in range(10) { n += i; if i == 5 { throw ValueError("stop") } }
                } catch ValueError as e {
                    print(n, str(e))
                }
                """), module, false);
        assertNotNull(main.compileNow());
        assertNull(runner.run(main, module, new ThreadState(interp)));
        assertEquals("15 stop\n", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aStepLimitStopsALoopInsideTryAndWithAndTheFinallyRuns() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        SkeinEngine limited = SkeinEngine.builder().stepLimit(200_000).stdout(printed).build();
        SkeinException e = assertThrows(SkeinException.class, () -> limited.eval("""
                fn spin(l) {
                    try {
                        with l {
                            let i = 0
                            while true { i += 1 }
                        }
                    } finally {
                        print("finally ran, lock held:", l.locked())
                    }
                }
                spin(lock())
                """));
        assertEquals("StepLimitError", e.kind(), e.getMessage());
        assertEquals("finally ran, lock held: false\n", printed.toString(StandardCharsets.UTF_8));
    }
}
