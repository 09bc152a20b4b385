package dev.skein.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skein.embed.HostFixtures.Account;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Host objects at the boundaries, on both engines (compiled functions and the node tree): not
 * portable to process pools (PortabilityError at submit, naming the path), shared by thread
 * pools, and stopped by time and step limits when a script loops over them.
 */
class HostObjectBoundariesTest {
    private static SkeinEngine.Builder builder(boolean compile) {
        return SkeinEngine.builder().compile(compile).hostAccess(HostAccess.PUBLIC);
    }

    @ParameterizedTest @ValueSource(booleans = {true, false})
    void aHostObjectCannotGoToAProcessPool(boolean compile) {
        try (SkeinEngine engine = builder(compile).allowProcesses().build(); SkeinSession s = engine.newSession()) {
            s.set("acct", new Account());
            for (String[] c : new String[][] {
                    {"fn ident(x) { return x }\nlet p = processes(1)\nlet f = submit ident([1, acct]) to p", "argument 1 → [1]: a java Account", "3"},
                    {"fn use() { return acct.tick() }\nlet p = processes(1)\nlet f = submit use() to p", "acct", "3"},
                    {"let p = processes(1)\nlet f = submit acct.tick() to p", "receiver: a java Account", "2"}}) {
                SkeinException e = assertThrows(SkeinException.class, () -> s.eval("<t>", c[0]), c[0]);
                assertEquals("PortabilityError", e.kind(), e.getMessage());
                assertTrue(e.detail().contains(c[1]), e.detail());
                assertEquals(Integer.parseInt(c[2]), e.line(), e.getMessage());   // at the submit, not at an await
            }
        }
    }

    @ParameterizedTest @ValueSource(booleans = {true, false})
    void threadPoolsShareHostObjects(boolean compile) {
        Account a = new Account();
        try (SkeinEngine engine = builder(compile).build(); SkeinSession s = engine.newSession()) {
            s.set("acct", a);
            Object r = s.eval("<t>", "fn work(n) { for i in range(n) { acct.tick() }; return n }\n"
                    + "let t = threads(2)\nlet fs = [submit work(10) to t for i in range(4)]\nsum(await f for f in fs)");
            assertEquals(40L, r);
            assertTrue(a.getBalance() > 100, "ticks happened: " + a.getBalance());   // Account is not thread-safe: the count may race
        }
    }

    @ParameterizedTest @ValueSource(booleans = {true, false})
    void timeAndStepLimitsStopLoopsOverHostCalls(boolean compile) {
        try (SkeinEngine engine = builder(compile).timeLimit(Duration.ofMillis(300)).build(); SkeinSession s = engine.newSession()) {
            s.set("acct", new Account());
            long t0 = System.nanoTime();
            SkeinException e = assertThrows(SkeinException.class, () -> s.eval("<t>", "fn spin() { while true { acct.tick() } }\nspin()"));
            assertInstanceOf(SkeinLimitException.class, e);
            assertTrue(System.nanoTime() - t0 < 10_000_000_000L);
        }
        try (SkeinEngine engine = builder(compile).stepLimit(10_000).build(); SkeinSession s = engine.newSession()) {
            s.set("acct", new Account());
            SkeinException e = assertThrows(SkeinException.class, () -> s.eval("<t>", "fn spin() { for i in range(10**9) { acct.tick() } }\nspin()"));
            assertEquals("StepLimitError", e.kind());
        }
    }

    @ParameterizedTest @ValueSource(booleans = {true, false})
    void callsInCompiledAndTreeCodeAgree(boolean compile) {
        try (SkeinEngine engine = builder(compile).build(); SkeinSession s = engine.newSession()) {
            s.set("acct", new Account());
            s.set("o", new HostFixtures.Overloads());
            assertEquals(110L, s.eval("<t>", "fn f() { for i in range(10) { acct.tick() }; return acct.balance }\nf()"));
            assertEquals("short 3|long 5|String x", s.eval("<t>", "fn g(o) { return o.small(3) + '|' + o.pick(5) + '|' + o.pick('x') }\ng(o)"));
            SkeinException e = assertThrows(SkeinException.class, () -> s.eval("<t>", "fn h() {\n  return o.only(2**40)\n}\nh()"));
            assertEquals(2, e.line());
            assertTrue(e.trace().stream().anyMatch(t -> t.toString().contains("h")), e.trace().toString());
        }
    }

    @ParameterizedTest @ValueSource(booleans = {true, false})
    void assignmentsSetPublicFieldsAndBeanSetters(boolean compile) {
        Account a = new Account();
        try (SkeinEngine engine = builder(compile).build(); SkeinSession s = engine.newSession()) {
            s.set("acct", a);
            s.eval("<t>", "fn f() {\n  acct.owner = 'grace'\n  acct.balance = acct.balance + 1\n}\nf()\nacct.owner = acct.owner + '!'");
            assertEquals("grace!", a.owner);
            assertEquals(101L, a.getBalance());
            for (String[] bad : new String[][] {
                    {"fn f() {\n  acct.id = 1\n}\nf()", "AttributeError"},          // a final field
                    {"fn f() {\n  acct.balance = 'x'\n}\nf()", "TypeError"},        // no setter takes a str
                    {"record P(x)\nfn f(p) {\n  p.x = 1\n}\nf(P(1))", "TypeError"},   // records are immutable
                    {"fn f() {\n  [].x = 1\n}\nf()", "AttributeError"}}) {
                SkeinException e = assertThrows(SkeinException.class, () -> s.eval("<t>", bad[0]), bad[0]);
                assertEquals(bad[1], e.kind(), e.getMessage());
                assertEquals(bad[0].startsWith("record") ? 3 : 2, e.line(), e.getMessage());
            }
            SkeinException e = assertThrows(SkeinException.class, () -> s.eval("<t>", "acct.balance += 1"));
            assertEquals("SyntaxError", e.kind());
        }
    }
}
