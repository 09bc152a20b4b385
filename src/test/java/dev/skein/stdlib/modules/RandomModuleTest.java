package dev.skein.stdlib.modules;

import dev.skein.runtime.Bytes;
import dev.skein.runtime.Convert;
import dev.skein.runtime.ErrorKind;
import dev.skein.runtime.RangeValue;
import dev.skein.runtime.SkeinList;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The expected sequences were produced by CPython 3.11 after random.seed(42) etc. */
class RandomModuleTest extends ModuleTestSupport {
    private Object random(String f, Object... args) { return call("random", f, args); }

    private static SkeinList longs(long... vs) {
        SkeinList l = new SkeinList();
        for (long v : vs) l.append(v);
        return l;
    }

    @Test void matchesCPythonSequenceForIntSeed() {
        random("seed", 42L);
        assertEquals(0.6394267984578837, random("random"));
        assertEquals(0.025010755222666936, random("random"));
        assertEquals(0.27502931836911926, random("random"));
        List<Object> ints = new ArrayList<>();
        for (int i = 0; i < 5; i++) ints.add(random("randint", 1L, 100L));
        assertEquals(List.of(29L, 18L, 95L, 14L, 87L), ints);
        List<Object> stepped = new ArrayList<>();
        for (int i = 0; i < 5; i++) stepped.add(random("randrange", 0L, 100L, 7L));
        assertEquals(List.of(77L, 98L, 56L, 7L, 63L), stepped);
        assertEquals(new BigInteger("81588941661909768552652673433"), random("randrange", BigInteger.TEN.pow(30)));
        assertEquals("b", random("choice", SkeinList.of("a", "b", "c", "d")));
        SkeinList l = longs(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        random("shuffle", l);
        assertEquals(longs(2, 5, 7, 9, 6, 1, 4, 0, 8, 3), l);
        assertEquals(longs(75, 35, 0, 97, 20), random("sample", new RangeValue(0, 100, 1), 5L));
        assertEquals(longs(6924, 5574, 4552, 2547, 3527), random("sample", new RangeValue(0, 10000, 1), 5L));
        SkeinList xyz = SkeinList.of("x", "y", "z");
        assertEquals(SkeinList.of("z", "y", "x", "x", "z"), callKw("random", "choices", new Object[]{xyz}, "k", 5L));
        assertEquals(SkeinList.of("z", "z", "z", "z", "z"),
                callKw("random", "choices", new Object[]{xyz}, "weights", longs(1, 2, 7), "k", 5L));
        assertEquals(1.3785343772083536, random("uniform", 1L, 2L));
        double g1 = (Double) random("gauss", 0L, 1L);
        double g2 = (Double) random("gauss", 0L, 1L);
        assertEquals(-1.7810258028555621, g1, 1e-12);
        assertEquals(-0.604043921195888, g2, 1e-12);
        assertEquals(973319131002L, random("getrandbits", 40L));
        assertEquals(new BigInteger("283427037600167819109799088833"), random("getrandbits", 100L));
    }

    @Test void otherSeedTypesMatchCPython() {
        random("seed", "hello");
        assertEquals(0.3537754404730722, random("random"));
        random("seed", Bytes.wrap("hello".getBytes(StandardCharsets.UTF_8)));
        assertEquals(0.3537754404730722, random("random"));
        random("seed", 2.5);
        assertEquals(0.41877545666909954, random("random"));
        random("seed", -7L);
        assertEquals(0.32383276483316237, random("random"));
        random("seed", 0L);
        assertEquals(0.8444218515250481, random("random"));
        random("seed", BigInteger.TEN.pow(50));
        assertEquals(0.8266205292084633, random("random"));
    }

    @Test void pythonFloatHash() {
        assertEquals(1152921504606846978L, PyHash.ofDouble(2.5));
        assertEquals(-230584300921369601L, PyHash.ofDouble(-1.1));
        assertEquals(1224995262755759164L, PyHash.ofDouble(1e300));
        assertEquals(16777216L, PyHash.ofDouble(5e-324));
    }

    @Test void sameSeedSameSequenceAndUnseededDiffers() {
        random("seed", 7L);
        Object a = random("random");
        random("seed", 7L);
        assertEquals(a, random("random"));
        Object x = random("random");
        interp.stdModule("random");   // the same module object: state continues
        assertNotEquals(x, random("random"));
    }

    @Test void errors() {
        assertSkeinError(ErrorKind.INDEX, "Cannot choose from an empty sequence", () -> random("choice", new SkeinList()));
        assertSkeinError(ErrorKind.VALUE, "empty range for randrange()", () -> random("randrange", 5L, 5L));
        assertSkeinError(ErrorKind.VALUE, "empty range for randrange()", () -> random("randint", 5L, 4L));
        assertSkeinError(ErrorKind.VALUE, "zero step for randrange()", () -> random("randrange", 0L, 5L, 0L));
        assertSkeinError(ErrorKind.VALUE, "Sample larger than population or is negative",
                () -> random("sample", longs(1, 2), 3L));
        assertSkeinError(ErrorKind.TYPE, () -> random("randint", 1.5, 3L));
        assertSkeinError(ErrorKind.TYPE, () -> random("seed", new SkeinList()));
    }

    @Test void sharedGeneratorIsThreadSafe() throws Exception {
        random("seed", 1L);
        Thread[] threads = new Thread[4];
        List<Object> bad = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int t = 0; t < threads.length; t++) {
            threads[t] = new Thread(() -> {
                dev.skein.runtime.ThreadState mine = new dev.skein.runtime.ThreadState(interp);
                dev.skein.runtime.Callable randint = (dev.skein.runtime.Callable) module("random").member("randint");
                for (int i = 0; i < 20_000; i++) {
                    Object v = randint.call(mine, new Object[]{1L, 6L}, null);
                    if (!(v instanceof Long l) || l < 1 || l > 6) bad.add(v);
                }
            });
            threads[t].start();
        }
        for (Thread t : threads) t.join();
        assertTrue(bad.isEmpty(), () -> "out of range: " + Convert.repr(SkeinList.copyOf(bad)));
    }
}
