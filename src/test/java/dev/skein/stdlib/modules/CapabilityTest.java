package dev.skein.stdlib.modules;

import dev.skein.runtime.Capability;
import dev.skein.runtime.ErrorKind;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** An interpreter built without grants: every guarded member raises PermissionError. */
class CapabilityTest extends ModuleTestSupport {
    CapabilityTest() { super(false); }

    @Test void filesAreDenied() {
        assertSkeinError(ErrorKind.PERMISSION, "capability files not granted", () -> call("fs", "read_text", "x.txt"));
        assertSkeinError(ErrorKind.PERMISSION, () -> call("fs", "write_text", "x.txt", "boom"));
        assertSkeinError(ErrorKind.PERMISSION, () -> call("fs", "exists", "x.txt"));
        assertSkeinError(ErrorKind.PERMISSION, () -> call("fs", "list"));
        assertSkeinError(ErrorKind.PERMISSION, () -> call("fs", "join", "a", "b"));
        assertSkeinError(ErrorKind.PERMISSION, () -> call("fs", "cwd"));
    }

    @Test void networkIsDenied() {
        assertSkeinError(ErrorKind.PERMISSION, "capability network not granted", () -> call("http", "get", "http://127.0.0.1:1/"));
        assertSkeinError(ErrorKind.PERMISSION, () -> call("http", "post", "http://127.0.0.1:1/", "x"));
    }

    @Test void environmentAndExitAreDenied() {
        assertSkeinError(ErrorKind.PERMISSION, "capability environment not granted", () -> call("os", "getenv", "HOME"));
        assertSkeinError(ErrorKind.PERMISSION, "capability environment not granted", () -> module("os").member("env"));
        assertSkeinError(ErrorKind.PERMISSION, "capability exit not granted", () -> call("os", "exit", 3L));
    }

    @Test void pureModulesStillWork() {
        assertEquals(2.0, call("math", "sqrt", 4L));
        assertEquals("[1, 2]", call("json", "dumps", dev.skein.runtime.SkeinList.of(1L, 2L)));
        assertEquals(false, interp.isGranted(Capability.FILES));
    }
}
