package dev.skein.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The native API: eval, compile once / run many, sessions, globals, calls both ways, output. */
class SkeinEngineTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final SkeinEngine engine = SkeinEngine.builder().stdout(out).stderr(err).build();

    @AfterEach void close() { engine.close(); }

    @Test void evalReturnsTheLastExpression() {
        assertEquals(3L, engine.eval("1 + 2"));
        assertNull(engine.eval("let x = 1"));
        assertEquals("ab", engine.eval("fn f(a) { return a + 'b' }\nf('a')"));
    }

    @Test void printGoesToTheHostWriter() {
        engine.eval("print('hello', 42)");
        assertEquals("hello 42\n", out.toString());
    }

    @Test void aSessionCanHaveItsOwnWriters() {
        StringWriter mine = new StringWriter();
        try (SkeinSession s = engine.newSession(mine, new StringWriter())) {
            s.eval("print('only here')");
        }
        assertEquals("only here\n", mine.toString());
        assertEquals("", out.toString());
    }

    @Test void aCompiledScriptRunsManyTimesWithDifferentGlobals() {
        SkeinScript script = engine.compile("double.skein", "let result = [x * 2 for x in items]\nlen(result)");
        assertEquals(List.of("items"), script.hostGlobals());
        for (int n = 0; n < 3; n++) {
            try (SkeinSession s = engine.newSession()) {
                List<Integer> items = new ArrayList<>();
                for (int i = 0; i <= n; i++) items.add(i);
                s.set("items", items);
                assertEquals((long) n + 1, s.run(script));
                List<Long> doubled = new ArrayList<>();
                for (int i = 0; i <= n; i++) doubled.add(2L * i);
                assertEquals(doubled, s.get("result"));
            }
        }
    }

    @Test void aCompiledScriptRunsFromManyThreadsAtOnce() throws Exception {
        SkeinScript script = engine.compile("fib.skein", """
                fn fib(n) { return n if n < 2 else fib(n - 1) + fib(n - 2) }
                fib(k)
                """);
        ExecutorService ex = Executors.newFixedThreadPool(4);
        try {
            List<Future<Object>> results = new ArrayList<>();
            for (int k = 10; k < 18; k++) {
                int kk = k;
                results.add(ex.submit(() -> script.run(Map.of("k", kk))));
            }
            long[] fib = {55, 89, 144, 233, 377, 610, 987, 1597};
            for (int i = 0; i < fib.length; i++) assertEquals(fib[i], results.get(i).get());
        } finally {
            ex.shutdown();
        }
    }

    @Test void hostGlobalsSetInAnyOrderBeforeTheFirstRun() {
        SkeinScript script = engine.compile("f.skein", "a - b");
        try (SkeinSession s = engine.newSession()) {
            s.set("b", 1);
            s.set("extra", "kept");
            s.set("a", 10);
            assertEquals(9L, s.run(script));
            assertEquals("kept", s.get("extra"));
        }
    }

    @Test void aSessionRunsSeveralScriptsAndKeepsTheirGlobals() {
        SkeinScript defs = engine.compile("defs.skein", "let base = 100\nfn add(x) { return base + x }");
        SkeinScript use = engine.compile("use.skein", "let y = add(5)\ny * 2");
        try (SkeinSession s = engine.newSession()) {
            s.run(defs);
            assertEquals(210L, s.run(use));
            assertEquals(210L, s.run(use));
            assertEquals(105L, s.get("y"));
            s.eval("base = 1");
            assertEquals(12L, s.run(use));
        }
    }

    @Test void aMissingHostGlobalIsANameErrorAtItsFirstUse() {
        SkeinScript script = engine.compile("m.skein", "let a = 1\nprint(a + missing)");
        try (SkeinSession s = engine.newSession()) {
            SkeinException e = assertThrows(SkeinException.class, () -> s.run(script));
            assertEquals("NameError", e.kind());
            assertEquals(2, e.line());
            assertEquals(11, e.column());
            assertTrue(e.detail().contains("'missing' is not declared"), e.detail());
        }
    }

    @Test void callingSkeinFunctionsFromJava() {
        try (SkeinSession s = engine.newSession()) {
            s.eval("fn greet(name, greeting = 'hi') { return f'{greeting}, {name}!' }");
            assertEquals("hi, ann!", s.call("greet", "ann"));
            SkeinFunction greet = s.function("greet");
            assertEquals("greet", greet.name());
            assertEquals("hello, bob!", greet.callWithKeywords(List.of("bob"), Map.of("greeting", "hello")));
            SkeinFunction lambda = (SkeinFunction) s.eval("fn(x) => x * x");
            assertEquals(49L, lambda.call(7));
        }
    }

    @Test void globalsCanBeReadSetAndRemoved() {
        try (SkeinSession s = engine.newSession()) {
            s.set("n", 41);
            s.eval("n += 1");
            assertEquals(42L, s.get("n"));
            assertTrue(s.contains("n"));
            s.remove("n");
            assertFalse(s.contains("n"));
            assertNull(s.get("n"));
            s.eval("let a = 1\nlet b = 'two'");
            assertEquals(Map.of("a", 1L, "b", "two"), s.globals());
        }
    }

    @Test void recordsComeBackAsHandles() {
        try (SkeinSession s = engine.newSession()) {
            s.eval("record Point(x, y)");
            SkeinRecord p = (SkeinRecord) s.eval("Point(1, y = [2])");
            assertEquals("Point", p.typeName());
            assertEquals(List.of("x", "y"), p.fieldNames());
            assertEquals(1L, p.get("x"));
            assertEquals(List.of(2L), p.get("y"));
            s.set("p", p);
            assertEquals(true, s.eval("p == Point(1, [2])"));
            assertEquals(p, s.call("Point", 1, List.of(2)));
        }
    }

    @Test void otherValuesComeBackAsOpaqueHandles() {
        try (SkeinSession s = engine.newSession()) {
            SkeinObject r = (SkeinObject) s.eval("range(3)");
            assertEquals("range", r.typeName());
            s.set("r", r);
            assertEquals(List.of(0L, 1L, 2L), s.eval("list(r)"));
            SkeinObject fut = (SkeinObject) s.eval("submit len([1, 2]) to threads(1)");
            assertEquals("future", fut.typeName());
            assertEquals(2L, fut.callMethod("result"));
        }
    }

    @Test void theOneShotEvalWaitsForTasksItDidNotAwait() {
        engine.eval("import time\nfn late() { time.sleep(0.2); print('late') }\nsubmit late() to threads(1)");
        assertEquals("late\n", out.toString());
    }

    @Test void closeRejectsFurtherUse() {
        SkeinSession s = engine.newSession();
        s.close();
        assertThrows(IllegalStateException.class, () -> s.eval("1"));
        engine.close();
        assertThrows(IllegalStateException.class, engine::newSession);
        assertInstanceOf(Boolean.class, s.isClosed());
    }
}
