package dev.skein.process;

import dev.skein.runtime.Builtin;
import dev.skein.runtime.ErrorKind;
import dev.skein.runtime.Errors;
import dev.skein.runtime.HostCallable;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * Host functions at the process boundary. Only functions of a worker-side extension may cross
 * (by name: the worker has the same extension); a worker gets a stub for every other host
 * function, so code that names one still compiles there and fails only if a task calls it.
 */
public final class HostFunctions {
    private HostFunctions() {}

    /** Null when {@code value} may cross as far as host functions go; otherwise why not. */
    public static String portabilityProblem(Object value) {
        if (value instanceof HostCallable f && f.extensionName() == null) return notPortable(f.name());
        return null;
    }

    static String notPortable(String name) {
        return "host function '" + name + "' cannot run in a worker process: only functions of a worker-side "
                + "extension (a SkeinExtension found by ServiceLoader) can; see docs/embedding.md";
    }

    /** Stubs for a worker: each raises PortabilityError when a task calls it. */
    static Map<String, Object> stubs(Collection<String> hostFunctionNames) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String name : hostFunctionNames) {
            out.put(name, new Builtin(name, "*args, **kwargs", (ts, a) -> { throw Errors.of(ErrorKind.PORTABILITY, notPortable(name)); }));
        }
        return out;
    }

    /** A worker's host builtins: the stubs, then every extension's functions (which win). */
    public static Map<String, Object> forWorker(Collection<String> hostFunctionNames, boolean extensions, ClassLoader loader) {
        Map<String, Object> out = stubs(hostFunctionNames);
        if (extensions) out.putAll(extensionBuiltins(loader));
        return out;
    }

    private static Map<String, Object> extensionBuiltins(ClassLoader loader) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (WorkerExtensions provider : ServiceLoader.load(WorkerExtensions.class, loader)) out.putAll(provider.builtins(loader));
        return out;
    }

    /**
     * Why a worker using {@code loader} could not provide the functions of every extension in
     * {@code required}, or null when it can: the parent asks before a pool starts (a worker runs
     * this JVM's class path), and a worker asks again before it says it is ready.
     */
    static String missingExtensions(Collection<String> required, ClassLoader loader) {
        if (required.isEmpty()) return null;
        java.util.Set<String> found = new java.util.HashSet<>();
        try {
            for (Object v : extensionBuiltins(loader).values()) if (v instanceof HostCallable f && f.extensionName() != null) found.add(f.extensionName());
        } catch (RuntimeException | java.util.ServiceConfigurationError broken) {
            return "the extensions on the workers' class path cannot be loaded: " + broken.getMessage();
        }
        for (String name : required) {
            if (!found.contains(name)) {
                return "extension '" + name + "' cannot be loaded in a worker process: no SkeinExtension named '" + name
                        + "' is registered for ServiceLoader (META-INF/services/dev.skein.embed.SkeinExtension) on the "
                        + "workers' class path, so its functions would not exist there";
            }
        }
        return null;
    }
}
