package dev.skein.embed;

/**
 * A named set of host functions that process-pool workers can load too. Implement it, register
 * the class for {@link java.util.ServiceLoader} in
 * {@code META-INF/services/dev.skein.embed.SkeinExtension}, and build the engine with
 * {@link SkeinEngine.Builder#loadExtensions()}. A worker process that has the class on its class
 * path installs the extension the same way (with {@link ExtensionContext#isWorker()} true), so
 * scripts can call its functions from tasks on a process pool; the functions are sent by
 * (extension name, function name), never by value.
 *
 * <p>An implementation needs a public no-argument constructor and must define the same
 * functions in the host and in workers.
 */
public interface SkeinExtension {
    /** A name unique among the extensions on the class path. */
    String name();

    /** Defines the extension's functions and constants. */
    void install(ExtensionContext context);
}
