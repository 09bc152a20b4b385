package dev.skein.runtime;

/**
 * Where the methods of built-in types (str, list, dict, …) come from. The standard library
 * provides them; the runtime only asks, through the engine, so it knows nothing of the library.
 */
@FunctionalInterface
public interface TypeMethodTable {
    /** No methods at all: an engine built without the standard library. */
    TypeMethodTable NONE = (receiver, name) -> null;

    /** The method {@code name} of {@code receiver}'s type, taking the receiver as first argument; null if none. */
    Builtin find(Object receiver, String name);
}
