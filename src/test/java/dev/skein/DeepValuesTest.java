package dev.skein;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skein.embed.SkeinEngine;
import dev.skein.embed.SkeinException;
import dev.skein.embed.SkeinSession;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Values nested deeper than a thread's stack allows (built by a loop, so no source limit
 * applies) meet the runtime's recursive operations — repr, str, equality, ordering, hashing —
 * as a RecursionError at the script's line and column, catchable; and convert to Java values
 * for the host at any depth.
 */
class DeepValuesTest {
    private static final int DEPTH = 100_000;
    private static final String BUILD = """
            record R(inner)
            let x = []
            let y = []
            let r = R(none)
            let s = R(none)
            for i in range(%d) { x = [x]; y = [y]; r = R(r); s = R(s) }
            """.formatted(DEPTH);
    private static final int LINE = 7;   // the line after BUILD

    @Test void recursiveOperationsOnADeepValueAreRecursionErrorsWithAPosition() throws Exception {
        List<String> ops = List.of("repr(x)", "str(x)", "print(x)", "let t = f\"{x}\"", "x == y", "x != y", "x < y",
                "x in [y]", "sorted([x, y])", "[y].index(x)", "r == s", "hash(r)", "let d = {r: 1}", "let u = {r}", "repr(r)");
        for (boolean compile : new boolean[] {true, false}) {
            for (String op : ops) {
                Object result = onOneMegabyteThread(() -> eval(BUILD + op, compile));
                if (!(result instanceof SkeinException e)) throw new AssertionError(op + ": " + result, result instanceof Throwable t ? t : null);
                assertEquals("RecursionError", e.kind(), op + ": " + e.getMessage());
                assertEquals(LINE, e.line(), op + ": " + e.getMessage());
                assertTrue(e.column() >= 1, op + ": " + e.getMessage());
                assertTrue(e.detail().contains("nested too deeply"), op + ": " + e.getMessage());
            }
        }
    }

    @Test void aScriptCatchesItAndCarriesOn() throws Exception {
        Object result = onOneMegabyteThread(() -> eval(BUILD + """
                let caught = 0
                for op in [fn() => repr(x), fn() => x == y, fn() => x < y, fn() => hash(r)] {
                    try { op() } catch RecursionError { caught += 1 }
                }
                caught
                """, true));
        assertEquals(4L, result);
    }

    @Test void aDeepValueReachesTheHostWhole() throws Exception {
        Object result = onOneMegabyteThread(() -> eval(BUILD + "[x, {\"k\": y}]", true));
        List<?> both = (List<?>) result;
        assertEquals(DEPTH, depth(both.get(0)));
        assertEquals(DEPTH, depth(((Map<?, ?>) both.get(1)).get("k")));
    }

    @Test void aDeepJavaValueReachesTheScriptWhole() throws Exception {
        // lists and maps alternating, 100,000 levels, with a cycle at the bottom: converted into
        // Skein on a 1 MB thread (a recursive conversion overflowed its stack here)
        List<Object> top = new ArrayList<>();
        List<Object> level = top;
        for (int i = 0; i < DEPTH; i++) {
            List<Object> inner = new ArrayList<>();
            if (i % 2 == 0) level.add(inner);
            else level.add(new LinkedHashMap<>(Map.of("k", inner)));
            level = inner;
        }
        level.add(top);
        Object result = onOneMegabyteThread(() -> {
            try (SkeinEngine engine = SkeinEngine.builder().build()) {
                SkeinSession session = engine.newSession();
                session.set("v", top);
                return session.eval("""
                        let n = 0
                        let x = v
                        while n < %d { x = x[0] if n %% 2 == 0 else x[0]["k"]; n += 1 }
                        x[0].append(5)
                        [n, len(x), len(v)]
                        """.formatted(DEPTH));
            }
        });
        assertEquals(List.of((long) DEPTH, 1L, 2L), result);   // the bottom holds the top itself
    }

    /** Levels of single-item lists around an empty one, counted without recursion. */
    private static int depth(Object list) {
        int n = 0;
        for (List<?> l = (List<?>) list; !l.isEmpty(); l = (List<?>) l.get(0)) n++;
        return n;
    }

    private static Object eval(String code, boolean compile) {
        try (SkeinEngine engine = SkeinEngine.builder().compile(compile).build()) {
            return engine.eval("deep.skein", code);
        }
    }

    private static Object onOneMegabyteThread(java.util.concurrent.Callable<Object> body) throws InterruptedException {
        AtomicReference<Object> out = new AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try {
                out.set(body.call());
            } catch (Throwable e) {
                out.set(e);
            }
        }, "deep-values", 1L << 20);
        t.start();
        t.join();
        return out.get();
    }
}
