package dev.skein.stdlib;

import dev.skein.runtime.Builtin;
import dev.skein.runtime.Bytes;
import dev.skein.runtime.SkeinDict;
import dev.skein.runtime.SkeinList;
import dev.skein.runtime.SkeinSet;

import java.math.BigInteger;
import java.util.Map;
import java.util.Set;

/**
 * Finds the methods of built-in types (str, bytes, list, dict, set, int, float). Called on every
 * method call, so it is one instanceof chain and one lookup in an immutable map.
 */
public final class TypeMethods {
    private TypeMethods() {}

    /** The method {@code name} of {@code receiver}'s type, taking the receiver as first argument; null if none. */
    public static Builtin find(Object receiver, String name) {
        if (receiver instanceof String) return StrMethods.METHODS.get(name);
        if (receiver instanceof SkeinList) return ListMethods.METHODS.get(name);
        if (receiver instanceof SkeinDict) return DictMethods.METHODS.get(name);
        if (receiver instanceof SkeinSet) return SetMethods.METHODS.get(name);
        if (receiver instanceof Bytes) return BytesMethods.METHODS.get(name);
        if (receiver instanceof Long || receiver instanceof BigInteger || receiver instanceof Boolean) return NumberMethods.INT.get(name);
        if (receiver instanceof Double) return NumberMethods.FLOAT.get(name);
        return null;
    }

    /** The method names of {@code receiver}'s built-in type (empty for other values): for REPL completion. */
    public static Set<String> names(Object receiver) {
        Map<String, Builtin> table = table(receiver);
        return table == null ? Set.of() : table.keySet();
    }

    private static Map<String, Builtin> table(Object receiver) {
        if (receiver instanceof String) return StrMethods.METHODS;
        if (receiver instanceof SkeinList) return ListMethods.METHODS;
        if (receiver instanceof SkeinDict) return DictMethods.METHODS;
        if (receiver instanceof SkeinSet) return SetMethods.METHODS;
        if (receiver instanceof Bytes) return BytesMethods.METHODS;
        if (receiver instanceof Long || receiver instanceof BigInteger || receiver instanceof Boolean) return NumberMethods.INT;
        if (receiver instanceof Double) return NumberMethods.FLOAT;
        return null;
    }
}
