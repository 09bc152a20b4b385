package dev.skein.runtime;

/**
 * A value usable with {@code with}: pools (leaving waits for their tasks) and locks (leaving
 * releases). {@link #exit} gets the error leaving the block, or null on a normal exit.
 */
public interface ScopedResource {
    Object enter(ThreadState ts);

    void exit(ThreadState ts, SkeinError error);
}
