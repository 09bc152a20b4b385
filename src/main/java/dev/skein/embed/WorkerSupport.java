package dev.skein.embed;

import dev.skein.process.HostFunctions;
import dev.skein.process.WorkerExtensions;
import dev.skein.runtime.ErrorKind;
import dev.skein.runtime.Errors;
import dev.skein.runtime.Interpreter;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * What the process-pool layer needs to handle host functions at the process boundary.
 *
 * <ul>
 * <li>Parent, before sending: {@link #portabilityProblem} says whether a value that is a host
 *     function may cross (only functions of a {@link SkeinExtension} may; they are sent as the
 *     reference (extension name, function name)); {@link #hostBuiltins} lists the builtins the
 *     host added, so a worker can be told their names.</li>
 * <li>Worker, at start: the process layer asks {@link ExtensionsInWorkers} (a
 *     {@link WorkerExtensions} service) for every extension's functions, and makes a stub for
 *     each other host function; {@link #workerBuiltins} gives the same for tests.</li>
 * <li>Worker, when decoding a reference: {@link #resolve}.</li>
 * </ul>
 */
public final class WorkerSupport {
    private WorkerSupport() {}

    /** The host builtins an engine put into an interpreter (a service of it). */
    record HostBuiltins(Map<String, Object> map) {}

    /** The functions (HostFunction) and constants a host added to this interpreter's builtins; empty for the CLI. */
    static Map<String, Object> hostBuiltins(Interpreter interp) {
        HostBuiltins hb = interp.service(HostBuiltins.class, i -> null);
        return hb == null ? Map.of() : hb.map();
    }

    /**
     * Null when {@code value} may cross into a worker process as far as host functions go (the
     * rest is the encoder's business); otherwise the reason, for a PortabilityError message.
     */
    public static String portabilityProblem(Object value) {
        return HostFunctions.portabilityProblem(value instanceof HostFunction f ? f.callable() : value);
    }

    /**
     * Builtins for a worker's interpreter: the functions and constants of every extension on the
     * worker's class path (installed with {@link ExtensionContext#isWorker()} true), and for each
     * of {@code hostFunctionNames} that no extension defines, a stub raising PortabilityError.
     */
    public static Map<String, Object> workerBuiltins(ClassLoader loader, Collection<String> hostFunctionNames) {
        return HostFunctions.forWorker(hostFunctionNames, true, loader);
    }

    /** What a worker installs: every extension on the class path, with {@link ExtensionContext#isWorker()} true. */
    public static final class ExtensionsInWorkers implements WorkerExtensions {
        @Override public Map<String, Object> builtins(ClassLoader loader) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (SkeinExtension ext : ServiceLoader.load(SkeinExtension.class, loader)) out.putAll(ExtensionContext.install(ext, true));
            return out;
        }
    }

    /**
     * The worker's function for a reference (extension, function) sent by the parent; raises
     * PortabilityError when no extension of that name on the worker's class path defines it.
     */
    static HostFunction resolve(Interpreter worker, String extension, String function) {
        if (worker.builtins().get(function) instanceof HostFunctionCallable f && extension.equals(f.extensionName())) return f.function();
        throw Errors.of(ErrorKind.PORTABILITY, "host function '" + function + "' of extension '" + extension
                + "' is not available in the worker: put the extension on the worker's class path");
    }
}
