package dev.skein;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.skein.embed.SkeinEngine;
import dev.skein.embed.SkeinException;
import dev.skein.syntax.CompileError;
import dev.skein.syntax.SkeinParsing;
import dev.skein.syntax.Source;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * Source nested as deep as the parser accepts runs on the smallest stacks Skein runs code on
 * (a 1 MB host thread, a virtual thread, compiled and on the tree), and one level more is a
 * SyntaxError with a position, never a Java StackOverflowError. Also: nesting does not make
 * parsing quadratic.
 */
public class DeepSourceTest {
    private static final long SMALL_STACK = 1L << 20;

    /** Shapes of nesting, each as a program nested {@code n} deep that evaluates to a value. */
    public static Map<String, IntFunction<String>> shapes() {
        Map<String, IntFunction<String>> m = new LinkedHashMap<>();
        m.put("parentheses", n -> "(".repeat(n) + "1" + ")".repeat(n));
        m.put("lists", n -> "[".repeat(n) + "1" + "]".repeat(n));
        m.put("dicts", n -> "{1: ".repeat(n) + "1" + "}".repeat(n));
        m.put("sets", n -> "len({".repeat(n) + "1" + "})".repeat(n));
        m.put("calls", n -> "abs(".repeat(n) + "1" + ")".repeat(n));
        m.put("index", n -> "let a = [0]\n" + "a[".repeat(n) + "0" + "]".repeat(n));
        m.put("unary minus", n -> "let x = 1\n" + "-".repeat(n) + "x");
        m.put("negative literal", n -> "-".repeat(n) + "1");
        m.put("not", n -> "not ".repeat(n) + "true");
        m.put("power", n -> "1 ** ".repeat(n) + "1");
        m.put("sum chain", n -> "let x = 1\n" + "x + ".repeat(n) + "1");
        m.put("conditional chain", n -> "1 if false else ".repeat(n) + "2");
        m.put("lambdas", n -> "fn() => ".repeat(n) + "1");
        m.put("function blocks", n -> "fn() { return ".repeat(n) + "1" + " }".repeat(n));
        m.put("if blocks", n -> "let r = 0\n" + "if true { ".repeat(n) + "r = 1" + " }".repeat(n) + "\nr");
        m.put("else-if chain", n -> "let x = 0\nif x == 1 { 1 }" + " else if x == 1 { 1 }".repeat(n) + " else { x = 2 }\nx");
        m.put("nested targets", n -> "let " + "[".repeat(n) + "a" + "]".repeat(n) + " = " + "[".repeat(n) + "7" + "]".repeat(n) + "\na");
        m.put("f-string fields", n -> "f\"{" + "(".repeat(n) + "1" + ")".repeat(n) + "}\"");
        return m;
    }

    @Test void theDeepestAcceptedSourceRunsOnSmallStacksAndOneMoreLevelIsASyntaxError() throws Exception {
        for (var shape : shapes().entrySet()) {
            int deepest = deepestParsed(shape.getValue());
            assertTrue(deepest >= 50, shape.getKey() + " accepts only " + deepest + " levels");
            String ok = shape.getValue().apply(deepest);
            for (boolean compile : new boolean[] {true, false}) {
                for (boolean virtual : new boolean[] {false, true}) {
                    String where = shape.getKey() + " at " + deepest + (compile ? " compiled" : " on the tree") + (virtual ? " on a virtual thread" : " on a 1 MB thread");
                    Object result = onSmallStack(virtual, () -> eval(ok, compile));
                    if (result instanceof Throwable t) fail(where + ": " + t, t);
                }
            }
            String tooDeep = shape.getValue().apply(deepest + 1);
            Object result = onSmallStack(false, () -> eval(tooDeep, true));
            if (!(result instanceof SkeinException e)) throw new AssertionError(shape.getKey() + " one deeper: " + result);
            assertEquals("SyntaxError", e.kind(), e.getMessage());
            assertTrue(e.line() >= 1 && e.column() >= 1, e.getMessage());
            assertTrue(e.detail().startsWith("too deeply nested"), e.getMessage());
        }
    }

    @Test void deepSourceOnPoolThreadsRuns() throws Exception {
        String deep = "(".repeat(100) + "x + 1" + ")".repeat(100);
        String chain = "x" + " + 1".repeat(900);
        Object result = onSmallStack(false, () -> eval("""
                fn f(x) { return %s }
                fn g(x) { return %s }
                let out = []
                with virtual() as p { out.append(await (submit f(1) to p)); out.append(await (submit g(1) to p)) }
                with threads(1) as p { out.append(await (submit f(2) to p)); out.append(await (submit g(2) to p)) }
                out
                """.formatted(deep, chain), true));
        assertEquals(java.util.List.of(2L, 901L, 3L, 902L), result);
    }

    @Test void anythingDeeperIsASyntaxErrorAtItsPlace() {
        String paren = "let a = 1\nprint(" + "(".repeat(100_000) + "a" + ")".repeat(100_000) + ")\n";
        CompileError e = parseError(paren);
        assertEquals(2, e.diagnostics().get(0).line());
        assertTrue(e.getMessage().contains("SyntaxError: too deeply nested"), e.getMessage());
        String chain = "let a = 1\nlet b = a" + " + a".repeat(100_000) + "\n";
        e = parseError(chain);
        assertEquals(2, e.diagnostics().get(0).line());
        assertTrue(e.getMessage().contains("at most 1000 levels"), e.getMessage());
        e = parseError("print(f\"{x:{y:{z:{w}}}}\")");
        assertTrue(e.getMessage().contains("format specs nest at most 2 levels"), e.getMessage());
    }

    /** A program nested 100 deep around a 1 MB list parses in about the time of the list alone (each level once). */
    @Test void nestingDoesNotMakeParsingQuadratic() {
        String list = "[" + "1, ".repeat(250_000) + "]";
        long flat = Long.MAX_VALUE, nested = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {   // best of 3: the first pays class loading and warm-up
            flat = Math.min(flat, parseCpuNanos("let x = " + list));
            nested = Math.min(nested, parseCpuNanos("let x = " + "{1: [".repeat(50) + list + "]}".repeat(50)));
        }
        assertTrue(nested < 3 * flat + 50_000_000L, "nested " + nested / 1_000_000 + " ms, flat " + flat / 1_000_000 + " ms");
    }

    private static long parseCpuNanos(String text) {
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long t0 = cpu.getCurrentThreadCpuTime();
        SkeinParsing.parseProgram(new Source("big.skein", text));
        return cpu.getCurrentThreadCpuTime() - t0;
    }

    private static CompileError parseError(String text) {
        try {
            SkeinParsing.parseProgram(new Source("deep.skein", text));
        } catch (CompileError e) {
            return e;
        }
        throw new AssertionError("parsed");
    }

    /** The largest n whose program parses (checked on a big stack: only the limit decides). */
    private static int deepestParsed(IntFunction<String> shape) throws Exception {
        int lo = 1, hi = 50_000;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            String text = shape.apply(mid);
            Object r = onStack(false, 256L << 20, () -> { SkeinParsing.parseProgram(new Source("deep.skein", text)); return true; });
            if (r instanceof CompileError) hi = mid;
            else if (r instanceof Throwable t) throw new AssertionError(t);
            else lo = mid;
        }
        return lo;
    }

    private static Object eval(String code, boolean compile) {
        try (SkeinEngine engine = SkeinEngine.builder().compile(compile).build()) {
            return engine.eval("deep.skein", code);
        }
    }

    private static Object onSmallStack(boolean virtual, java.util.concurrent.Callable<Object> body) throws InterruptedException {
        return onStack(virtual, SMALL_STACK, body);
    }

    /** Runs body on a new thread: its result, or what it threw. */
    private static Object onStack(boolean virtual, long stack, java.util.concurrent.Callable<Object> body) throws InterruptedException {
        AtomicReference<Object> out = new AtomicReference<>();
        Runnable r = () -> {
            try {
                out.set(body.call());
            } catch (Throwable t) {
                out.set(t);
            }
        };
        Thread t = virtual ? Thread.ofVirtual().unstarted(r) : new Thread(null, r, "deep", stack);
        t.start();
        t.join();
        return out.get();
    }
}
