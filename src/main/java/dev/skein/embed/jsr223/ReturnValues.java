package dev.skein.embed.jsr223;

import java.math.BigInteger;

/**
 * Fits a Skein result to the return type of an interface method implemented by a script
 * ({@code Invocable.getInterface}, or a Skein function passed to a Java method as a functional
 * interface): Skein ints arrive as Long, floats as Double.
 */
public final class ReturnValues {
    private ReturnValues() {}

    public static Object coerce(Object v, Class<?> type) {
        if (type == void.class || type == Void.class) return null;
        if (v == null) {
            if (type.isPrimitive()) throw new ClassCastException("the script returned none where " + type + " is needed");
            return null;
        }
        if (v instanceof Number n) {
            if (type == int.class || type == Integer.class) return Math.toIntExact(exact(n));
            if (type == long.class || type == Long.class) return exact(n);
            if (type == short.class || type == Short.class) return (short) Math.toIntExact(exact(n));
            if (type == byte.class || type == Byte.class) return (byte) Math.toIntExact(exact(n));
            if (type == double.class || type == Double.class) return n.doubleValue();
            if (type == float.class || type == Float.class) return n.floatValue();
        }
        if (type == boolean.class) return (Boolean) v;
        if ((type == char.class || type == Character.class) && v instanceof String s && s.length() == 1) return s.charAt(0);
        return type.isPrimitive() ? v : type.cast(v);
    }

    private static long exact(Number n) {
        if (n instanceof BigInteger b) return b.longValueExact();
        if (n instanceof Double d) {
            if (d != Math.rint(d)) throw new ArithmeticException("the script returned " + d + " where an integer is needed");
            return d.longValue();
        }
        return n.longValue();
    }
}
