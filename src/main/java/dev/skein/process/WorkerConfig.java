package dev.skein.process;

import dev.skein.runtime.Capability;
import dev.skein.runtime.HostCallable;
import dev.skein.runtime.Interpreter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a worker's interpreter inherits from the parent's: the recursion limit, exactly the
 * capabilities the parent was granted (an embedding host's sandbox holds in its workers too),
 * the names of host functions (stubs there, unless a worker-side extension provides them), the
 * extensions whose functions the parent uses (the worker must load each, by its ServiceLoader
 * name), whether functions compile to bytecode (a parent on the node tree keeps its workers there
 * too), and whether the host's constants follow as the first frame ({@link HostConstants}).
 */
record WorkerConfig(int recursionLimit, Set<Capability> grants, List<String> hostFunctions, boolean extensions,
                    boolean compile, Set<String> requiredExtensions, boolean constants) {
    static WorkerConfig of(Interpreter interp) {
        Set<Capability> grants = EnumSet.noneOf(Capability.class);
        for (Capability c : Capability.values()) if (interp.isGranted(c)) grants.add(c);
        List<String> hosts = new ArrayList<>();
        Set<String> required = new TreeSet<>();
        for (Map.Entry<String, Object> e : interp.builtins().entrySet()) {
            if (!(e.getValue() instanceof HostCallable f)) {
                // A builtin a worker lacks (a pool kind registered above this layer, like cluster): a stub there.
                if (!WorkerBuiltins.NAMES.contains(e.getKey())) hosts.add(e.getKey());
                continue;
            }
            if (f.extensionName() != null) required.add(f.extensionName());
            else hosts.add(e.getKey());
        }
        return new WorkerConfig(interp.recursionLimit(), grants, hosts, !required.isEmpty(), interp.compiles(),
                required, !HostConstants.of(interp).isEmpty());
    }

    /** The builtins every worker has (computed once, on first use). */
    private static final class WorkerBuiltins {
        static final Set<String> NAMES = Set.copyOf(ProcessPools.install(dev.skein.stdlib.Stdlib.install(Interpreter.builder())).build().builtins().keySet());
    }

    /**
     * As command-line arguments: limit, comma-separated grants, comma-separated host function
     * names, whether to look for extensions (only when the parent uses some: the look costs
     * a starting worker tens of milliseconds) as {@code extensions=name,…} (those it must find),
     * whether to compile, and whether a CONSTANTS frame comes first.
     */
    List<String> toArgs() {
        List<String> out = new ArrayList<>();
        out.add(String.valueOf(recursionLimit));
        out.add(String.join(",", grants.stream().map(Enum::name).toList()));
        out.add(String.join(",", hostFunctions));
        out.add(extensions ? "extensions=" + String.join(",", requiredExtensions) : "no-extensions");
        out.add(compile ? "compile" : "no-compile");
        out.add(constants ? "constants" : "no-constants");
        return out;
    }

    static WorkerConfig fromArgs(String[] args) {
        int limit = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        Set<Capability> grants = EnumSet.noneOf(Capability.class);
        if (args.length > 1 && !args[1].isEmpty()) for (String g : args[1].split(",")) grants.add(Capability.valueOf(g));
        List<String> hosts = args.length > 2 && !args[2].isEmpty() ? List.of(args[2].split(",")) : List.of();
        boolean extensions = args.length <= 3 || args[3].startsWith("extensions");
        Set<String> required = new TreeSet<>();
        if (args.length > 3 && args[3].startsWith("extensions=") && args[3].length() > "extensions=".length()) {
            required.addAll(List.of(args[3].substring("extensions=".length()).split(",")));
        }
        boolean compile = args.length > 4 ? args[4].equals("compile") : Interpreter.compileByDefault();
        boolean constants = args.length > 5 && args[5].equals("constants");
        return new WorkerConfig(limit, grants, hosts, extensions, compile, required, constants);
    }
}
