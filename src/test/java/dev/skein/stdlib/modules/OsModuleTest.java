package dev.skein.stdlib.modules;

import dev.skein.runtime.ExitRequest;

import dev.skein.runtime.Callable;
import dev.skein.runtime.Capability;
import dev.skein.runtime.ErrorKind;
import dev.skein.runtime.Interpreter;
import dev.skein.runtime.SkeinDict;
import dev.skein.runtime.SkeinError;
import dev.skein.runtime.SkeinList;
import dev.skein.runtime.ThreadState;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OsModuleTest extends ModuleTestSupport {
    private Interpreter withArgsAndEnv(Capability... grants) {
        Interpreter.Builder b = Interpreter.builder().grant(grants)
                .args(List.of("script.skein", "--fast")).env(Map.of("HOME", "/home/ann", "LANG", "C"));
        Modules.install(b);
        return b.build();
    }

    @Test void argsAndEnvironment() {
        Interpreter in = withArgsAndEnv(Capability.ENVIRONMENT);
        ThreadState t = new ThreadState(in);
        assertEquals(SkeinList.of("script.skein", "--fast"), in.stdModule("os").member("args"));
        SkeinDict env = (SkeinDict) in.stdModule("os").member("env");
        assertEquals("/home/ann", env.get("HOME"));
        assertEquals(SkeinList.of("HOME", "LANG"), SkeinList.of(env.keysSnapshot()));
        Callable getenv = (Callable) in.stdModule("os").member("getenv");
        assertEquals("C", getenv.call(t, new Object[]{"LANG"}, null));
        assertEquals(null, getenv.call(t, new Object[]{"NOPE"}, null));
        assertEquals("dflt", getenv.call(t, new Object[]{"NOPE", "dflt"}, null));
    }

    @Test void envIsDeniedWithoutTheCapability() {
        Interpreter in = withArgsAndEnv();
        SkeinError e = assertThrows(SkeinError.class, () -> in.stdModule("os").member("env"));
        assertEquals("environment variables is not allowed here (capability environment not granted)", e.value().message());
        assertEquals(SkeinList.of("script.skein", "--fast"), in.stdModule("os").member("args"));
    }

    @Test void exitThrowsExitRequest() {
        ExitRequest e = assertThrows(ExitRequest.class, () -> call("os", "exit", 3L));
        assertEquals(3, e.code());
        assertEquals(0, assertThrows(ExitRequest.class, () -> call("os", "exit")).code());
        assertSkeinError(ErrorKind.TYPE, () -> call("os", "exit", 1.5));
    }

    @Test void processFacts() {
        assertEquals((long) Runtime.getRuntime().availableProcessors(), call("os", "cpu_count"));
        assertEquals(ProcessHandle.current().pid(), call("os", "getpid"));
        assertEquals("linux", module("os").member("platform"));
        assertEquals("/", module("os").member("sep"));
        assertTrue(module("os").memberNames().contains("linesep"));
    }
}
