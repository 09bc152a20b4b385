package dev.skein.embed;

import dev.skein.runtime.Bytes;
import dev.skein.runtime.Callable;
import dev.skein.runtime.SkeinDict;
import dev.skein.runtime.SkeinList;
import dev.skein.runtime.SkeinSet;
import java.lang.reflect.Array;
import java.math.BigInteger;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Skein arguments to Java parameters. {@link #cost} says whether a value fits a parameter type
 * and how well (0 is exact; overloads are chosen by the lowest sum); {@link #convert} makes the
 * Java value. Integers narrow only where the value fits exactly (int to long, int, short, byte,
 * BigInteger; to double or float only when exact), floats go to double (float when exact), str
 * to String, CharSequence, a one-character char or an enum constant's name, a list to a List or
 * an array, a dict to a Map, a set to a Set, a function to any functional interface, a Java
 * object back to itself.
 */
final class HostArguments {
    private HostArguments() {}

    private static final int ANY = 8;   // the cost of going to Object: every more specific fit wins

    static boolean fitAll(Class<?>[] params, Object[] args) { return costAll(params, args) >= 0; }

    /** The summed cost of passing {@code args} to {@code params}, or -1 when one does not fit. */
    static int costAll(Class<?>[] params, Object[] args) {
        int sum = 0;
        for (int i = 0; i < params.length; i++) {
            int c = cost(args[i], params[i]);
            if (c < 0) return -1;
            sum += c;
        }
        return sum;
    }

    static int cost(Object v, Class<?> p) {
        if (v == null) return p.isPrimitive() ? -1 : 0;
        Class<?> box = boxed(p);
        if (v instanceof HostObject h) {
            Object t = h.target();
            return box.isInstance(t) ? (t.getClass() == box ? 0 : 1) : -1;
        }
        if (v instanceof Boolean) return box == Boolean.class ? 0 : general(box);
        if (v instanceof Long l) return longCost(l, box);
        if (v instanceof BigInteger) return box == BigInteger.class ? 0 : general(box);
        if (v instanceof Double d) {
            if (box == Double.class) return 0;
            if (box == Float.class) return (double) d.floatValue() == d || d.isNaN() ? 1 : -1;
            return general(box);
        }
        if (v instanceof String s) {
            if (box == String.class) return 0;
            if (box == CharSequence.class) return 1;
            if (box == Character.class) return s.length() == 1 ? 2 : -1;
            if (box.isEnum()) return enumConstant(box, s) != null ? 3 : -1;
            return box == Object.class || box == Comparable.class ? ANY : -1;
        }
        if (v instanceof Bytes) return box == byte[].class ? 0 : box == Object.class ? ANY : -1;
        if (v instanceof SkeinList l) {
            if (box.isArray()) return elementsFit(l, box.getComponentType()) ? 2 : -1;
            return box == List.class || box == Collection.class || box == Iterable.class ? 1 : box == Object.class ? ANY : -1;
        }
        if (v instanceof SkeinDict) return box == Map.class ? 1 : box == Object.class ? ANY : -1;
        if (v instanceof SkeinSet) return box == Set.class || box == Collection.class || box == Iterable.class ? 1 : box == Object.class ? ANY : -1;
        if (v instanceof Callable) return HostCallbacks.isFunctional(box) ? 1 : box == Object.class ? ANY : -1;
        return box == Object.class ? ANY : -1;
    }

    private static int longCost(long l, Class<?> box) {
        if (box == Long.class) return 0;
        if (box == Integer.class) return l == (int) l ? 1 : -1;
        if (box == Short.class) return l == (short) l ? 2 : -1;
        if (box == Byte.class) return l == (byte) l ? 3 : -1;
        if (box == BigInteger.class) return 4;
        if (box == Double.class) return Math.abs(l) <= (1L << 53) ? 6 : -1;
        if (box == Float.class) return Math.abs(l) <= (1L << 24) ? 7 : -1;
        return general(box);
    }

    /** Number, Comparable, Serializable or Object: fits, at the price of any. */
    private static int general(Class<?> box) {
        return box == Object.class || box == Number.class || box == Comparable.class || box == java.io.Serializable.class ? ANY : -1;
    }

    private static boolean elementsFit(SkeinList l, Class<?> component) {
        for (Object item : l.snapshot()) if (cost(item, component) < 0) return false;
        return true;
    }

    /** The Java value for a parameter of type {@code p}; only called after {@link #cost} said it fits. */
    static Object convert(Object v, Class<?> p, HostInvocation call) {
        if (v == null) return null;
        Class<?> box = boxed(p);
        if (v instanceof HostObject h) return h.target();
        if (v instanceof Long l) {
            if (box == Integer.class) return (int) (long) l;
            if (box == Short.class) return (short) (long) l;
            if (box == Byte.class) return (byte) (long) l;
            if (box == BigInteger.class) return BigInteger.valueOf(l);
            if (box == Double.class) return (double) l;
            if (box == Float.class) return (float) l;
            return l;
        }
        if (v instanceof Double d) return box == Float.class ? (Object) d.floatValue() : d;
        if (v instanceof String s) {
            if (box == Character.class) return s.charAt(0);
            if (box.isEnum()) return enumConstant(box, s);
            return s;
        }
        if (v instanceof SkeinList l && box.isArray()) {
            Object[] items = l.snapshot();
            Object out = Array.newInstance(box.getComponentType(), items.length);
            for (int i = 0; i < items.length; i++) Array.set(out, i, convert(items[i], box.getComponentType(), call));
            return out;
        }
        if (v instanceof Callable c && HostCallbacks.isFunctional(box)) return HostCallbacks.proxy(box, c, call);
        if (v instanceof Boolean || v instanceof BigInteger) return v;
        return call.link().toJava(v);
    }

    private static Object enumConstant(Class<?> type, String name) {
        for (Object c : type.getEnumConstants()) if (((Enum<?>) c).name().equals(name)) return c;
        return null;
    }

    static Class<?> boxed(Class<?> p) {
        if (!p.isPrimitive()) return p;
        if (p == int.class) return Integer.class;
        if (p == long.class) return Long.class;
        if (p == double.class) return Double.class;
        if (p == boolean.class) return Boolean.class;
        if (p == char.class) return Character.class;
        if (p == float.class) return Float.class;
        if (p == short.class) return Short.class;
        if (p == byte.class) return Byte.class;
        return Void.class;
    }
}
