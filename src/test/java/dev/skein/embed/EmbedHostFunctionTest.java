package dev.skein.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Host functions: Java lambdas called by scripts, on the script's thread or a pool's. */
class EmbedHostFunctionTest {
    private final StringWriter out = new StringWriter();
    private final IllegalStateException hostBug = new IllegalStateException("database is down");
    private final Set<String> threads = ConcurrentHashMap.newKeySet();
    private final ExecutorService hostExecutor = Executors.newFixedThreadPool(2, r -> new Thread(r, "host-worker"));
    private final SkeinEngine engine = SkeinEngine.builder()
            .stdout(out)
            .function("square", call -> {
                threads.add(Thread.currentThread().getName());
                return call.longArg(0) * call.longArg(0);
            })
            .function("join", call -> String.join((String) call.kwarg("sep", ","), call.args().stream().map(String::valueOf).toList()))
            .function("apply_twice", call -> call.call(call.arg(0), call.call(call.arg(0), call.arg(1))))
            .function("lookup", call -> {
                String id = call.stringArg(0);
                if (id.isEmpty()) throw new IllegalArgumentException("empty id");
                if (id.equals("down")) throw hostBug;
                if (id.equals("gone")) throw new SkeinException("KeyError", "no order " + id);
                return Map.of("id", id, "qty", 3);
            })
            .function("where", call -> Thread.currentThread().getName())
            .constant("VERSION", "1.2")
            .executor("app", hostExecutor)
            .build();

    @AfterEach void close() {
        engine.close();
        hostExecutor.shutdownNow();
    }

    @Test void scriptsCallHostFunctionsWithConvertedValues() {
        assertEquals(49L, engine.eval("square(7)"));
        assertEquals("1-a-null", engine.eval("join(1, 'a', none, sep = '-')"));
        assertEquals(Map.of("id", "x7", "qty", 3L), engine.eval("lookup('x7')"));
        assertEquals(6L, engine.eval("lookup('x7')['qty'] * 2"));
        assertEquals("1.2", engine.eval("VERSION"));
    }

    @Test void hostFunctionsCallBackSkeinFunctions() {
        assertEquals(7L, engine.eval("apply_twice(fn(x) => x + 1, 5)"));
        SkeinException e = assertThrows(SkeinException.class, () -> engine.eval("t.skein", """
                fn bad(x) { throw ValueError("no " + str(x)) }
                apply_twice(bad, 1)
                """));
        assertEquals("ValueError", e.kind());
        assertEquals("no 1", e.detail());
        assertEquals(1, e.line());
        assertEquals(List.of("bad", "<main>"), e.trace().stream().map(t -> t.function()).toList());
    }

    @Test void javaExceptionsBecomeSkeinErrors() {
        assertEquals("ValueError: empty id", engine.eval("""
                let r = none
                try { lookup("") } catch ValueError as e { r = f"{e.kind}: {e.message}" }
                r
                """));
        SkeinException gone = assertThrows(SkeinException.class, () -> engine.eval("lookup('gone')"));
        assertEquals("KeyError", gone.kind());
        SkeinException down = assertThrows(SkeinException.class, () -> engine.eval("x.skein", "\nlookup('down')"));
        assertEquals("Error", down.kind());
        assertEquals(2, down.line());
        assertTrue(down.detail().contains("database is down"), down.detail());
        assertSame(hostBug, down.getCause());
        SkeinException type = assertThrows(SkeinException.class, () -> engine.eval("lookup(5)"));
        assertEquals("TypeError", type.kind());
        assertEquals("lookup() argument 1 must be str, not int", type.detail());
    }

    @Test void aHostFunctionCalledFromAThreadPool() {
        Object r = engine.eval("""
                let pool = threads(3)
                list(pool.map(square, range(6)))
                """);
        assertEquals(List.of(0L, 1L, 4L, 9L, 16L, 25L), r);
        assertTrue(threads.stream().allMatch(n -> n.startsWith("skein-threads")), threads.toString());
    }

    @Test void aHostExecutorIsANamedPool() throws Exception {
        Object r = engine.eval("""
                let futs = [submit where() to app for i in range(4)]
                [app.kind, app.size, await futs]
                """);
        assertEquals(List.of("app", 2L, List.of("host-worker", "host-worker", "host-worker", "host-worker")), r);
        assertEquals(9L, engine.eval("await (submit square(3) to app)"));
        assertTrue(!hostExecutor.isShutdown(), "closing sessions leaves the host's executor alone");
        assertEquals("ok", hostExecutor.submit(() -> "ok").get(5, TimeUnit.SECONDS));
    }

    @Test void aRejectingExecutorGivesPoolClosedError() {
        ExecutorService dead = Executors.newSingleThreadExecutor();
        dead.shutdown();
        try (SkeinEngine e = SkeinEngine.builder().executor("dead", dead, 1).build()) {
            SkeinException x = assertThrows(SkeinException.class, () -> e.eval("submit len([]) to dead"));
            assertEquals("PoolClosedError", x.kind());
            assertInstanceOf(String.class, x.detail());
        }
    }

    @Test void aHostRegistersItsOwnKindOfPool() {
        try (SkeinEngine e = SkeinEngine.builder()
                .poolKind("pair", "", (ts, a) -> new dev.skein.concurrent.Pool(dev.skein.concurrent.PoolRegistry.of(ts.interp()), "pair", 2,
                        new dev.skein.concurrent.ExecutorTransport(ts.interp(), hostExecutor, "refused")))
                .build()) {
            Object r = e.eval("""
                    let p = pair()
                    [p.kind, p.size, await [submit abs(-i) to p for i in range(5)], list(map (fn(x) => x * 2) over range(3) to p)]
                    """);
            assertEquals(List.of("pair", 2L, List.of(0L, 1L, 2L, 3L, 4L), List.of(0L, 2L, 4L)), r);
        }
    }
}
