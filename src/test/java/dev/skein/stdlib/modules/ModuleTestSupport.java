package dev.skein.stdlib.modules;

import dev.skein.runtime.Callable;
import dev.skein.runtime.ErrorKind;
import dev.skein.runtime.Interpreter;
import dev.skein.runtime.ModuleValue;
import dev.skein.runtime.SkeinError;
import dev.skein.runtime.ThreadState;
import dev.skein.runtime.Values;
import org.junit.jupiter.api.function.Executable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Builds an interpreter with every capability and calls module members the way scripts do. */
abstract class ModuleTestSupport {
    final Interpreter interp;
    final ThreadState ts;

    ModuleTestSupport() { this(true); }

    ModuleTestSupport(boolean grantAll) {
        Interpreter.Builder b = Interpreter.builder();
        if (grantAll) b.grantAll();
        Modules.install(b);
        interp = b.build();
        ts = new ThreadState(interp);
    }

    ModuleValue module(String name) {
        return interp.stdModule(name);
    }

    /** module.member(args…) with positional arguments. */
    Object call(String module, String member, Object... args) {
        return ((Callable) module(module).member(member)).call(ts, args, null);
    }

    /** module.member(positional…, kw1=v1, …): {@code kw} alternates names and values. */
    Object callKw(String module, String member, Object[] positional, Object... kw) {
        Object[] args = new Object[positional.length + kw.length / 2];
        String[] names = new String[kw.length / 2];
        System.arraycopy(positional, 0, args, 0, positional.length);
        for (int i = 0; i < names.length; i++) {
            names[i] = (String) kw[2 * i];
            args[positional.length + i] = kw[2 * i + 1];
        }
        return ((Callable) module(module).member(member)).call(ts, args, names);
    }

    /** recv.method(args…) through the runtime's method lookup. */
    Object method(Object recv, String name, Object... args) {
        return Values.callMethod(ts, recv, name, args, null);
    }

    /**
     * module.member(args…) on a thread state that another thread interrupts with (kind, message)
     * after {@code afterMs}: the call must stop with that error within {@code withinMs}.
     */
    void assertStopped(ErrorKind kind, String message, long afterMs, long withinMs,
                       String module, String member, Object... args) throws InterruptedException {
        ThreadState other = new ThreadState(interp);
        Thread stopper = new Thread(() -> {
            try { Thread.sleep(afterMs); } catch (InterruptedException ignored) { }
            other.interrupt(kind, message);
        });
        stopper.start();
        long t0 = System.nanoTime();
        assertSkeinError(kind, message, () -> ((Callable) module(module).member(member)).call(other, args, null));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(ms < withinMs, "stopped after " + ms + " ms");
        stopper.join();
    }

    static SkeinError assertSkeinError(ErrorKind kind, Executable body) {
        SkeinError e = assertThrows(SkeinError.class, body);
        assertEquals(kind, e.kind(), () -> "got " + e.value().headline());
        return e;
    }

    static void assertSkeinError(ErrorKind kind, String messagePart, Executable body) {
        SkeinError e = assertSkeinError(kind, body);
        assertTrue(e.value().message().contains(messagePart), () -> "message was: " + e.value().message());
    }
}
