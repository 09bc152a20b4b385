package dev.skein.runtime;

/**
 * A value of a later layer that behaves as a read-only container (a live view of a Java
 * collection, map or array a host handed over): {@code len}, {@code x[i]}, {@code in} and
 * iteration reach it through {@link Containers}.
 */
public interface HostContainer {
    long length();

    /** {@code this[index]}. */
    Object item(Object index);

    /** {@code item in this}. */
    boolean holds(Object item);

    SkeinIterator iterate();

    /** Its truth in {@code if} and {@code while}: false for an empty container, as for Skein's own. */
    default boolean isTrue() { return true; }
}
