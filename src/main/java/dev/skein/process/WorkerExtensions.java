package dev.skein.process;

import java.util.Map;

/**
 * Where a worker gets the functions of the host's worker-side extensions. The embedding layer
 * provides it (found with {@link java.util.ServiceLoader}, only when the parent uses extensions:
 * the look costs a starting worker tens of milliseconds); the process layer knows nothing more
 * of hosts.
 */
public interface WorkerExtensions {
    /** The builtins every extension on {@code loader}'s class path defines in a worker. */
    Map<String, Object> builtins(ClassLoader loader);
}
