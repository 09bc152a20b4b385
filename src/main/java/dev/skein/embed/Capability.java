package dev.skein.embed;

/**
 * What a script may touch outside the engine; an engine grants none unless its builder asks
 * ({@link SkeinEngine.Builder#allow}). Without one, the operation raises PermissionError naming it.
 */
public enum Capability {
    /** The {@code fs} module; importing script modules by path. */
    FILES,
    /** The {@code http} module. */
    NETWORK,
    /** Process pools, which start worker JVMs. */
    PROCESSES,
    /** {@code os.env} and {@code os.getenv}. */
    ENVIRONMENT,
    /** {@code os.exit(n)}. */
    EXIT;

    /** The interpreter's own capability of the same name. */
    dev.skein.runtime.Capability toRuntime() { return dev.skein.runtime.Capability.valueOf(name()); }
}
