package dev.skein.embed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Values cross the boundary both ways: scalars, bytes, containers, handles, cycles. */
class EmbedValuesTest {
    private final SkeinEngine engine = SkeinEngine.builder().build();
    private final SkeinSession s = engine.newSession();

    @AfterEach void close() { engine.close(); }

    /** Sets x to {@code v} and returns what Skein says about it: type and repr. */
    private String seen(Object v) {
        s.set("x", v);
        return (String) s.eval("f'{type(x)} {repr(x)}'");
    }

    @Test void javaScalarsBecomeSkeinValues() {
        assertEquals("none none", seen(null));
        assertEquals("bool true", seen(true));
        assertEquals("int 7", seen(7));
        assertEquals("int 7", seen(7L));
        assertEquals("int 7", seen((short) 7));
        assertEquals("int 7", seen(BigInteger.valueOf(7)));
        assertEquals("int 100000000000000000000", seen(new BigInteger("100000000000000000000")));
        assertEquals("float 0.5", seen(0.5));
        assertEquals("float 0.5", seen(0.5f));
        assertEquals("str 'hi'", seen("hi"));
        assertEquals("str 'c'", seen('c'));
        assertEquals("bytes b'\\x00A'", seen(new byte[] {0, 65}));
    }

    @Test void javaContainersBecomeSkeinContainers() {
        assertEquals("list [1, 'a', none]", seen(java.util.Arrays.asList(1, "a", null)));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("b", 1);
        m.put("a", List.of(2.5));
        assertEquals("dict {'b': 1, 'a': [2.5]}", seen(m));
        assertEquals("set {3, 1}", seen(new LinkedHashSet<>(List.of(3, 1))));
        assertEquals("list [1, 2]", seen(new int[] {1, 2}));
        assertEquals("list ['a', true]", seen(new Object[] {"a", true}));
    }

    @Test void skeinValuesBecomeJavaValues() {
        assertEquals(null, s.eval("none"));
        assertEquals(true, s.eval("1 < 2"));
        assertEquals(5L, s.eval("2 + 3"));
        assertEquals(new BigInteger("1267650600228229401496703205376"), s.eval("2 ** 100"));
        assertEquals(0.25, s.eval("1 / 4"));
        assertEquals("ab", s.eval("'a' + 'b'"));
        assertArrayEquals(new byte[] {104, 105}, (byte[]) s.eval("b'hi'"));
        assertEquals(List.of(1L, List.of("x")), s.eval("[1, ['x']]"));
        Object d = s.eval("{'k': [1], 2: none}");
        Map<Object, Object> expected = new LinkedHashMap<>();
        expected.put("k", List.of(1L));
        expected.put(2L, null);
        assertEquals(expected, d);
        assertEquals(LinkedHashMap.class, d.getClass());
        assertEquals(Set.of(1L, 2L), s.eval("{1, 2}"));
    }

    @Test void containersAreCopiedBothWays() {
        List<Object> host = new ArrayList<>(List.of(1, 2));
        s.set("xs", host);
        s.eval("xs.append(3)");
        assertEquals(List.of(1, 2), host);
        assertEquals(List.of(1L, 2L, 3L), s.get("xs"));
    }

    @Test void cyclesAndSharingSurviveConversion() {
        List<Object> cyclic = new ArrayList<>();
        cyclic.add(1);
        cyclic.add(cyclic);
        s.set("c", cyclic);
        assertEquals(1L, s.eval("c[1][1][1][0]"));
        s.eval("c.append(3)");
        assertEquals(3L, s.eval("len(c[1])"), "the inner reference is the same Skein list");
        @SuppressWarnings("unchecked") List<Object> back = (List<Object>) s.eval("let a = [1]\na.append(a)\na");
        assertSame(back, back.get(1));
    }

    @Test void handlesGoBackAsTheSameSkeinValue() {
        SkeinFunction f = (SkeinFunction) s.eval("fn twice(x) { return 2 * x }\ntwice");
        s.set("g", f);
        assertEquals(true, s.eval("g == twice"));
        assertEquals(10L, s.eval("g(5)"));
        SkeinObject err = (SkeinObject) s.eval("ValueError('boom')");
        assertEquals("error", err.typeName());
        s.set("e", err);
        assertEquals("boom", s.eval("e.message"));
    }

    @Test void unsupportedJavaValuesAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.set("t", new Thread()));
        assertEquals(true, e.getMessage().contains("java.lang.Thread"));
        assertThrows(IllegalArgumentException.class, () -> s.set("m", Map.of(List.of(1), 2)));
        assertThrows(IllegalArgumentException.class, () -> s.set("not a name", 1));
    }
}
