package dev.skein.stdlib;

import dev.skein.runtime.Builtin;

/** Finds the methods of built-in types (str, bytes, list, dict, set). */
public final class TypeMethods {
    private TypeMethods() {}

    /** The method {@code name} of {@code receiver}'s type, taking the receiver as first argument; null if none. */
    public static Builtin find(Object receiver, String name) {
        return null;
    }
}
