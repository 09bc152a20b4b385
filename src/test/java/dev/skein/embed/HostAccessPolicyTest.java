package dev.skein.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skein.embed.HostFixtures.Account;
import dev.skein.embed.HostFixtures.Partly;
import dev.skein.embed.HostFixtures.Whole;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * The host-access policies, and the deny-list that holds under each of them, tried the way an
 * attacker would: directly, through returned objects, through views and callbacks.
 */
class HostAccessPolicyTest {
    static Stream<HostAccess> policiesThatExposeAccount() {
        return Stream.of(HostAccess.PUBLIC, HostAccess.classes(Account.class), HostAccess.classes(Object.class));
    }

    private static SkeinException failure(HostAccess access, Object bound, String code) {
        try (SkeinEngine engine = SkeinEngine.builder().hostAccess(access).build(); SkeinSession s = engine.newSession()) {
            s.set("acct", bound);
            return assertThrows(SkeinException.class, () -> s.eval("<attack>", code), code);
        }
    }

    private static Object result(HostAccess access, Object bound, String code) {
        try (SkeinEngine engine = SkeinEngine.builder().hostAccess(access).build(); SkeinSession s = engine.newSession()) {
            s.set("acct", bound);
            return s.eval("<t>", code);
        }
    }

    @ParameterizedTest @MethodSource("policiesThatExposeAccount")
    void theDenyListHoldsUnderEveryPolicy(HostAccess access) {
        Account a = new Account();
        assertEquals(100L, result(access, a, "acct.balance"));
        for (String attack : List.of("acct.getClass()", "acct.getClass", "acct['class']", "acct.class",
                "acct.self().getClass()", "acct.loader()", "acct.loader", "acct.runtime()", "acct.wait()", "acct.notify()",
                "acct.leakClass()", "acct.leakThread()", "acct.leakLoader()", "acct.mixed()[3]", "[x for x in acct.mixed()]",
                "acct.self().self().leakClass().forName('java.lang.System')", "acct.hashCode.getClass()",
                "Class", "System", "java", "Runtime.getRuntime()", "import java", "Thread")) {
            SkeinException e = failure(access, a, attack);
            assertTrue(List.of("PermissionError", "AttributeError", "TypeError", "NameError", "ImportError", "SyntaxError").contains(e.kind()),
                    attack + " → " + e.kind() + ": " + e.detail());
        }
        assertEquals("PermissionError", failure(access, a, "acct.leakClass()").kind());
        assertTrue(failure(access, a, "acct.leakThread()").detail().contains("java.lang.Thread is never exposed"));
        assertEquals(3L, result(access, a, "len(acct.mixed()[:3] if false else [acct.mixed()[0], acct.mixed()[1], acct.mixed()[2]])"));
    }

    @Test void deniedObjectsCannotBeHandedOverAtAll() {
        for (Object denied : List.of(String.class, Thread.currentThread(), Runtime.getRuntime(), ClassLoader.getSystemClassLoader())) {
            try (SkeinEngine engine = SkeinEngine.builder().hostAccess(HostAccess.PUBLIC).build(); SkeinSession s = engine.newSession()) {
                assertThrows(IllegalArgumentException.class, () -> s.set("x", denied), denied.toString());
            }
        }
        assertThrows(IllegalArgumentException.class, () -> HostAccess.classes(Thread.class));
    }

    @Test void explicitExposesOnlyAnnotatedMembers() {
        assertEquals("open", result(HostAccess.EXPLICIT, new Partly(), "acct.open()"));
        assertEquals("AttributeError", failure(HostAccess.EXPLICIT, new Partly(), "acct.closed()").kind());
        assertEquals("one", result(HostAccess.EXPLICIT, new Whole(), "acct.one()"));
        // a class with nothing exported is not handed over at all
        try (SkeinEngine engine = SkeinEngine.builder().hostAccess(HostAccess.EXPLICIT).build(); SkeinSession s = engine.newSession()) {
            assertThrows(IllegalArgumentException.class, () -> s.set("acct", new Account()));
        }
    }

    @Test void listedClassesExposeOnlyTheirOwnMembers() {
        HostAccess onlyRunnable = HostAccess.classes(Runnable.class, Account.class);
        assertEquals(100L, result(onlyRunnable, new Account(), "acct.balance"));
        // a returned object of a class not listed comes back, but with nothing a script can use
        SkeinException e = failure(HostAccess.classes(Account.class), new Account(), "acct.log.add('x')");
        assertEquals("AttributeError", e.kind());
        assertEquals(0L, result(HostAccess.classes(Account.class), new Account(), "len(acct.log)"));   // still a read-only view
        try (SkeinEngine engine = SkeinEngine.builder().hostAccess(HostAccess.classes(Account.class)).build(); SkeinSession s = engine.newSession()) {
            assertThrows(IllegalArgumentException.class, () -> s.set("p", new Partly()));
        }
    }

    @Test void noneHidesEverything() {
        try (SkeinEngine engine = SkeinEngine.builder().hostAccess(HostAccess.NONE).build(); SkeinSession s = engine.newSession()) {
            assertThrows(IllegalArgumentException.class, () -> s.set("acct", new Account()));
        }
    }
}
