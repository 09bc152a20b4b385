package dev.skein.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skein.embed.SkeinEngine;
import dev.skein.embed.SkeinException;
import dev.skein.embed.SkeinSession;
import java.math.BigInteger;
import java.time.Duration;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The bytecode compiler's own checks (the golden suite runs every script both compiled and on
 * the tree): integer arithmetic at the long boundary against an exact BigInteger model, the
 * recursion limit, and a timeout stopping a tight compiled loop.
 */
class CompiledCodeTest {
    private static final String OPS = """
            fn add(a, b) { return a + b }
            fn sub(a, b) { return a - b }
            fn mul(a, b) { return a * b }
            fn fdiv(a, b) { return a // b }
            fn mod(a, b) { return a % b }
            fn fused(a, b, c) { return [a * b + c, (a - b) * c, a * a - b * b] }
            fn fused_div(a, b, c) { return [a % b - c // b, (a + c) // b] }
            fn fused_cmp(a, b, c) { return [a * b < c, a + b == c, a - c >= b * 2] }
            fn fused_counter(a, b) {
                let s = []
                for i in range(3) { s.append((a + i) * b - i) }
                return s
            }
            fn loop_sum(n) {
                let s = 0
                for i in range(n) { s += i }
                return s
            }
            """;

    private final SkeinEngine engine = SkeinEngine.builder().build();
    private final SkeinSession session = engine.newSession();

    {
        session.eval(OPS);
    }

    @Property(tries = 400)
    void arithmeticAtTheLongBoundaryIsExact(@ForAll("operands") long a, @ForAll("operands") long b) {
        BigInteger x = BigInteger.valueOf(a), y = BigInteger.valueOf(b);
        assertEquals(x.add(y).toString(), call("add", a, b));
        assertEquals(x.subtract(y).toString(), call("sub", a, b));
        assertEquals(x.multiply(y).toString(), call("mul", a, b));
        if (b != 0) {
            BigInteger[] qr = x.divideAndRemainder(y);
            BigInteger q = qr[0], r = qr[1];
            if (r.signum() != 0 && r.signum() != y.signum()) {   // Python floors; Java truncates
                q = q.subtract(BigInteger.ONE);
                r = r.add(y);
            }
            assertEquals(q.toString(), call("fdiv", a, b));
            assertEquals(r.toString(), call("mod", a, b));
        }
    }

    /** Trees of operators computed in one long path (BytecodeFused): any overflow mid-tree leaves it for exact results. */
    @Property(tries = 300)
    void fusedTreesAtTheLongBoundaryAreExact(@ForAll("operands") long a, @ForAll("operands") long b, @ForAll("operands") long c) {
        BigInteger x = BigInteger.valueOf(a), y = BigInteger.valueOf(b), z = BigInteger.valueOf(c);
        assertEquals(list(x.multiply(y).add(z), x.subtract(y).multiply(z), x.multiply(x).subtract(y.multiply(y))), call3("fused", a, b, c));
        assertEquals("[" + (x.multiply(y).compareTo(z) < 0) + ", " + x.add(y).equals(z) + ", "
                + (x.subtract(z).compareTo(y.multiply(BigInteger.TWO)) >= 0) + "]", call3("fused_cmp", a, b, c));
        if (b != 0) {
            assertEquals(list(floorMod(x, y).subtract(floorDiv(z, y)), floorDiv(x.add(z), y)), call3("fused_div", a, b, c));
        } else {
            assertEquals("ZeroDivisionError", assertThrows(SkeinException.class, () -> call3("fused_div", a, b, c)).kind());
        }
        BigInteger[] counted = new BigInteger[3];
        for (int i = 0; i < 3; i++) {
            BigInteger bi = BigInteger.valueOf(i);
            counted[i] = x.add(bi).multiply(y).subtract(bi);
        }
        assertEquals(list(counted), String.valueOf(session.eval("str(fused_counter(" + a + ", " + b + "))")));
    }

    private static String list(BigInteger... xs) {
        return java.util.Arrays.stream(xs).map(BigInteger::toString).collect(java.util.stream.Collectors.joining(", ", "[", "]"));
    }

    private static BigInteger floorDiv(BigInteger x, BigInteger y) {
        BigInteger[] qr = x.divideAndRemainder(y);
        return qr[1].signum() != 0 && qr[1].signum() != y.signum() ? qr[0].subtract(BigInteger.ONE) : qr[0];
    }

    private static BigInteger floorMod(BigInteger x, BigInteger y) {
        return x.subtract(floorDiv(x, y).multiply(y));
    }

    private String call3(String fn, long a, long b, long c) {
        return String.valueOf(session.eval("str(" + fn + "(" + a + ", " + b + ", " + c + "))"));
    }

    @Provide
    Arbitrary<Long> operands() {
        return Arbitraries.oneOf(
                Arbitraries.longs(),
                Arbitraries.longs().between(-3, 3),
                Arbitraries.longs().between(Long.MAX_VALUE - 3, Long.MAX_VALUE),
                Arbitraries.longs().between(Long.MIN_VALUE, Long.MIN_VALUE + 3),
                Arbitraries.longs().between(-(1L << 32) - 2, -(1L << 32) + 2),
                Arbitraries.longs().between((1L << 31) - 2, (1L << 31) + 2));
    }

    private String call(String fn, long a, long b) {
        return String.valueOf(session.eval("str(" + fn + "(" + a + ", " + b + "))"));
    }

    @Test
    void compiledFunctionsAreCompiled() {
        SkeinEngine e = SkeinEngine.builder().build();
        assertEquals("12497500", String.valueOf(e.eval(OPS + "str(loop_sum(5000))")));
    }

    @Test
    void unboundedRecursionIsARecursionError() {
        SkeinException e = assertThrows(SkeinException.class, () -> engine.eval("""
                fn down(n) { return down(n + 1) + 1 }
                down(0)
                """));
        assertEquals("RecursionError", e.kind());
        assertTrue(e.getMessage().contains("maximum recursion depth"), e.getMessage());
    }

    @Test
    void aTimeLimitStopsATightCompiledLoop() {
        SkeinEngine limited = SkeinEngine.builder().timeLimit(Duration.ofMillis(300)).build();
        long start = System.nanoTime();
        SkeinException e = assertThrows(SkeinException.class, () -> limited.eval("""
                fn spin() {
                    let i = 0
                    while true { i = i + 1 }
                }
                spin()
                """));
        assertTrue(e.kind().equals("TimeoutError") || e.kind().equals("CancelledError"), e.kind() + ": " + e.getMessage());
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(10).toNanos());
    }

    @Test
    void aTimeLimitStopsATightLoopAtTopLevel() {
        SkeinEngine limited = SkeinEngine.builder().timeLimit(Duration.ofMillis(300)).build();
        long start = System.nanoTime();
        SkeinException e = assertThrows(SkeinException.class, () -> limited.eval("""
                let i = 0
                while true { i += 1 }
                """));
        assertTrue(e.kind().equals("TimeoutError") || e.kind().equals("CancelledError"), e.kind() + ": " + e.getMessage());
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(10).toNanos());
    }

    @Test
    void aCompiledTopLevelGivesTheValueOfItsLastExpression() {
        SkeinSession s = engine.newSession();
        assertEquals(10L, s.eval("let t = 0\nfor i in range(5) { t += i }\nt + 0"));
        assertEquals("[10, 4]", String.valueOf(s.eval("let u = 0\nfor i in range(5) { u = i }\nstr([t, u])")));
        assertEquals(-6L, s.eval("let d = 0\nfor i in range(3, 0, -1) { d -= i }\nd"));
    }
}
