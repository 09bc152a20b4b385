package dev.skein.stdlib;

import dev.skein.runtime.Builtin;
import dev.skein.runtime.Callable;
import dev.skein.runtime.ErrorKind;
import dev.skein.runtime.SkeinError;
import dev.skein.runtime.ThreadState;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.fail;

/** Every builtin and method, called with random odd arguments, either answers or raises a Skein error. */
class RobustnessTest extends StdlibTestSupport {
    private final Random random = new Random(20240611);

    private final List<Supplier<Object>> pool = List.of(
            () -> null, () -> true, () -> -1L, () -> 0L, () -> 3L, () -> Long.MIN_VALUE, () -> BigInteger.TWO.pow(70),
            () -> 1.5, () -> Double.NaN, () -> Double.NEGATIVE_INFINITY, () -> -0.0, () -> "", () -> "ab", () -> "{0}{",
            () -> "é😀", () -> bytes("\u00ff\u0000a"), () -> list(), () -> list(2, "a", 1.0), () -> list(list(1, 2)),
            () -> dict("k", 1), () -> set(1, "x"), () -> b("range", 5), () -> b("iter", list(1, 2)),
            () -> fn(x -> x), () -> ErrorKind.VALUE);

    private Object any() { return pool.get(random.nextInt(pool.size())).get(); }

    @Test
    void builtinsNeverLeakJavaExceptions() {
        for (Map.Entry<String, Object> e : interp.builtins().entrySet()) {
            if (!(e.getValue() instanceof Builtin f)) continue;
            for (int round = 0; round < 300; round++) callAndCheck(e.getKey(), f, null);
        }
    }

    @Test
    void methodsNeverLeakJavaExceptions() {
        Object[] receivers = {"a b", "", bytes("a,b"), list(3, 1), dict("a", 1), set(1, 2), 5L, 2.5};
        List<Map<String, Builtin>> tables = List.of(StrMethods.METHODS, StrMethods.METHODS, BytesMethods.METHODS,
                ListMethods.METHODS, DictMethods.METHODS, SetMethods.METHODS, NumberMethods.INT, NumberMethods.FLOAT);
        for (int r = 0; r < receivers.length; r++) {
            for (Map.Entry<String, Builtin> e : tables.get(r).entrySet()) {
                for (int round = 0; round < 200; round++) callAndCheck(e.getKey(), e.getValue(), receivers[r]);
            }
        }
    }

    private void callAndCheck(String name, Callable f, Object self) {
        List<Object> args = new ArrayList<>();
        if (self != null) args.add(self);
        int n = random.nextInt(4);
        for (int i = 0; i < n; i++) args.add(any());
        String[] kw = null;
        if (random.nextInt(5) == 0 && !args.isEmpty()) {
            kw = new String[] {List.of("key", "default", "sep", "start", "reverse", "base", "x").get(random.nextInt(7))};
        }
        try {
            f.call(new ThreadState(interp), args.toArray(), kw);
        } catch (SkeinError expected) {
            // a Skein error is a fine answer to nonsense
        } catch (Throwable t) {
            fail(name + args + (kw == null ? "" : " kw " + kw[0]) + " leaked " + t, t);
        }
    }
}
