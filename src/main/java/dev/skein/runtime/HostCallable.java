package dev.skein.runtime;

/**
 * A function an embedding host wrote in Java. The layers below the host see only this: whether
 * it comes from a worker-side extension (then a process worker has the same function and it may
 * cross by name) or belongs to this host alone (then it cannot run in another process).
 */
public interface HostCallable extends Callable {
    /** The extension that defines it in workers too, or null for a function of this host only. */
    String extensionName();
}
