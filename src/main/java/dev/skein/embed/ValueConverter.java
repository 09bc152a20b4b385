package dev.skein.embed;

import dev.skein.runtime.Arith;
import dev.skein.runtime.Bytes;
import dev.skein.runtime.Callable;
import dev.skein.runtime.ErrorValue;
import dev.skein.runtime.ModuleValue;
import dev.skein.runtime.RangeValue;
import dev.skein.runtime.RecordValue;
import dev.skein.runtime.SkeinDict;
import dev.skein.runtime.SkeinError;
import dev.skein.runtime.SkeinIterator;
import dev.skein.runtime.SkeinList;
import dev.skein.runtime.SkeinSet;
import dev.skein.runtime.SliceValue;
import dev.skein.runtime.Values;
import java.lang.reflect.Array;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Converts values between Java and Skein. Containers are copied (deeply, keeping shared and
 * cyclic structure), so neither side sees the other's later changes.
 *
 * <table>
 * <caption>Java → Skein</caption>
 * <tr><td>null, Boolean, String, Double</td><td>none, bool, str, float</td></tr>
 * <tr><td>Integer, Long, Short, Byte</td><td>int</td></tr>
 * <tr><td>BigInteger</td><td>int (a long when it fits)</td></tr>
 * <tr><td>Float / Character</td><td>float / str</td></tr>
 * <tr><td>byte[]</td><td>bytes (copied)</td></tr>
 * <tr><td>List, other Collection, Object[] and primitive arrays</td><td>list</td></tr>
 * <tr><td>Set / Map</td><td>set / dict (insertion order kept)</td></tr>
 * <tr><td>SkeinFunction, SkeinRecord, SkeinObject, HostFunction</td><td>the Skein value they stand for</td></tr>
 * </table>
 * Anything else is refused with an {@link IllegalArgumentException}.
 *
 * <p>Skein → Java: none → null, bool → Boolean, int → Long (BigInteger when it does not fit),
 * float → Double, str → String, bytes → byte[], list → ArrayList, dict → LinkedHashMap, set →
 * LinkedHashSet, a record → {@link SkeinRecord}, a function (or anything callable) →
 * {@link SkeinFunction}, anything else (pools, futures, errors, ranges, modules…) →
 * {@link SkeinObject}, which goes back to Skein unchanged; a host object → the Java object it wraps.
 */
public final class ValueConverter {
    private ValueConverter() {}

    /** A Java value as a Skein value (see the class comment for the table). */
    public static Object toSkein(Object value) {
        return toSkein(value, new IdentityHashMap<>());
    }

    /** A Skein value as a Java value; handles call back into {@code session}. */
    public static Object toJava(Object skeinValue, SkeinSession session) {
        return toJava(skeinValue, Link.of(session));
    }

    static Object toJava(Object v, Link link) {
        return toJava(v, link, new IdentityHashMap<>());
    }

    // ------------------------------------------------------------------ Java → Skein

    /**
     * Iterative, as {@link #toJava(Object, Link, IdentityHashMap)} is, so that a Java value nested
     * deeper than the thread's stack allows (lists in lists 100,000 deep) converts too: each
     * container becomes its empty Skein container at once, filled in from a work list.
     */
    private static Object toSkein(Object v, IdentityHashMap<Object, Object> done) {
        ArrayDeque<Object[]> work = new ArrayDeque<>();   // {Java container, its Skein container}
        Object top = skeinOf(v, done, work);
        while (!work.isEmpty()) {
            Object[] next = work.pop();
            if (next[1] instanceof SkeinDict d) {
                for (Map.Entry<?, ?> e : List.copyOf(((Map<?, ?>) next[0]).entrySet())) {
                    d.put(hashable(skeinOf(e.getKey(), done, work), "dict key"), skeinOf(e.getValue(), done, work));
                }
            } else if (next[1] instanceof SkeinSet out) {
                for (Object item : ((Set<?>) next[0]).toArray()) out.add(hashable(skeinOf(item, done, work), "set element"));
            } else {
                SkeinList out = (SkeinList) next[1];
                for (Object item : items(next[0])) out.append(skeinOf(item, done, work));
            }
        }
        return top;
    }

    /** One Java value: a leaf converted, or a container created empty and queued to be filled. */
    private static Object skeinOf(Object v, IdentityHashMap<Object, Object> done, ArrayDeque<Object[]> work) {
        if (v == null || v instanceof Boolean || v instanceof String || v instanceof Long || v instanceof Double) return v;
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) return ((Number) v).longValue();
        if (v instanceof BigInteger b) return Arith.norm(b);
        if (v instanceof Float f) return f.doubleValue();
        if (v instanceof HostFunction f) return f.callable();
        if (v instanceof Character c) return c.toString();
        if (v instanceof byte[] b) return Bytes.copyOf(b);
        if (v instanceof SkeinFunction f) return f.callable();
        if (v instanceof SkeinRecord r) return r.value();
        if (v instanceof SkeinObject o) return o.value();
        if (isSkeinValue(v) || v instanceof HostObject || v instanceof HiddenHostObject) return v;
        Object seen = done.get(v);
        if (seen != null) return seen;
        Object out;
        if (v instanceof Map<?, ?> m) out = new SkeinDict(m.size());
        else if (v instanceof Set<?>) out = new SkeinSet();
        else if (v instanceof Collection<?> c) out = new SkeinList(c.size());
        else if (v instanceof Object[] a) out = new SkeinList(a.length);
        else if (v.getClass().isArray()) out = new SkeinList(Array.getLength(v));
        else throw new IllegalArgumentException("a " + v.getClass().getName() + " cannot be passed to Skein "
                + "(use null, Boolean, a number, String, byte[], List, Set, Map, or a handle from Skein)");
        done.put(v, out);
        work.push(new Object[] {v, out});
        return out;
    }

    /** The items of a Java collection or array that becomes a list. */
    private static Object[] items(Object v) {
        if (v instanceof Collection<?> c) return c.toArray();
        if (v instanceof Object[] a) return a;
        Object[] boxed = new Object[Array.getLength(v)];
        for (int i = 0; i < boxed.length; i++) boxed[i] = Array.get(v, i);
        return boxed;
    }

    private static Object hashable(Object key, String what) {
        try {
            Values.hash(key);
            return key;
        } catch (SkeinError e) {
            throw new IllegalArgumentException("a Skein " + what + " must be hashable: " + e.value().message());
        }
    }

    /** Values that already are Skein values: passed through unchanged. */
    private static boolean isSkeinValue(Object v) {
        return v instanceof Bytes || v instanceof SkeinList || v instanceof SkeinDict || v instanceof SkeinSet
                || v instanceof RecordValue || v instanceof RangeValue || v instanceof ErrorValue || v instanceof Callable
                || v instanceof ModuleValue || v instanceof SkeinIterator || v instanceof SliceValue || v instanceof Values.Named;
    }

    // ------------------------------------------------------------------ Skein → Java

    /**
     * Iterative, so that a value nested deeper than the host thread's stack allows (a list built
     * 100,000 levels deep by a loop) converts too: each list, dict or set becomes its Java
     * container at once, and its items are filled in from a work list.
     */
    private static Object toJava(Object v, Link link, IdentityHashMap<Object, Object> done) {
        ArrayDeque<Object[]> work = new ArrayDeque<>();   // {Skein container, its Java container}
        Object top = convert(v, link, done, work);
        while (!work.isEmpty()) {
            Object[] next = work.pop();
            if (next[0] instanceof SkeinList l) {
                @SuppressWarnings("unchecked") List<Object> out = (List<Object>) next[1];
                for (Object item : l.snapshot()) out.add(convert(item, link, done, work));
            } else if (next[0] instanceof SkeinDict d) {
                @SuppressWarnings("unchecked") Map<Object, Object> out = (Map<Object, Object>) next[1];
                Object[] kv = d.entriesSnapshot();
                // Keys are hashable, so never a list, dict or set: complete as soon as converted.
                for (int i = 0; i < kv.length; i += 2) out.put(convert(kv[i], link, done, work), convert(kv[i + 1], link, done, work));
            } else {
                @SuppressWarnings("unchecked") Set<Object> out = (Set<Object>) next[1];
                for (Object item : ((SkeinSet) next[0]).snapshot()) out.add(convert(item, link, done, work));
            }
        }
        return top;
    }

    /** One value: a leaf converted, or a container created empty and queued to be filled. */
    private static Object convert(Object v, Link link, IdentityHashMap<Object, Object> done, ArrayDeque<Object[]> work) {
        if (v == null || v instanceof Boolean || v instanceof Long || v instanceof BigInteger || v instanceof Double
                || v instanceof String) return v;
        if (v instanceof Bytes b) return b.toArray();
        if (v instanceof RecordValue r) return new SkeinRecord(r, link);
        if (v instanceof Callable c) return new SkeinFunction(c, link);
        if (v instanceof HostObject h) return h.target();
        if (v instanceof HiddenHostObject h) return h.target();
        Object seen = done.get(v);
        if (seen != null) return seen;
        Object out;
        if (v instanceof SkeinList l) out = new ArrayList<>(l.size());
        else if (v instanceof SkeinDict) out = new LinkedHashMap<>();
        else if (v instanceof SkeinSet) out = new LinkedHashSet<>();
        else return new SkeinObject(v, link);
        done.put(v, out);
        work.push(new Object[] {v, out});
        return out;
    }
}
