package dev.skein.process;

import dev.skein.runtime.Capability;
import dev.skein.runtime.HostCallable;
import dev.skein.runtime.Interpreter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a worker's interpreter inherits from the parent's: the recursion limit, exactly the
 * capabilities the parent was granted (an embedding host's sandbox holds in its workers too),
 * the names of host functions (stubs there, unless a worker-side extension provides them), and
 * whether functions compile to bytecode (a parent on the node tree keeps its workers there too).
 */
record WorkerConfig(int recursionLimit, Set<Capability> grants, List<String> hostFunctions, boolean extensions, boolean compile) {
    static WorkerConfig of(Interpreter interp) {
        Set<Capability> grants = EnumSet.noneOf(Capability.class);
        for (Capability c : Capability.values()) if (interp.isGranted(c)) grants.add(c);
        List<String> hosts = new ArrayList<>();
        boolean extensions = false;
        for (Map.Entry<String, Object> e : interp.builtins().entrySet()) {
            if (!(e.getValue() instanceof HostCallable f)) {
                // A builtin a worker lacks (a pool kind registered above this layer, like cluster): a stub there.
                if (!WorkerBuiltins.NAMES.contains(e.getKey())) hosts.add(e.getKey());
                continue;
            }
            if (f.extensionName() != null) extensions = true;
            else hosts.add(e.getKey());
        }
        return new WorkerConfig(interp.recursionLimit(), grants, hosts, extensions, interp.compiles());
    }

    /** The builtins every worker has (computed once, on first use). */
    private static final class WorkerBuiltins {
        static final Set<String> NAMES = Set.copyOf(ProcessPools.install(dev.skein.stdlib.Stdlib.install(Interpreter.builder())).build().builtins().keySet());
    }

    /**
     * As command-line arguments: limit, comma-separated grants, comma-separated host function
     * names, whether to look for extensions (only when the parent uses some: the look costs
     * a starting worker tens of milliseconds), and whether to compile.
     */
    List<String> toArgs() {
        List<String> out = new ArrayList<>();
        out.add(String.valueOf(recursionLimit));
        out.add(String.join(",", grants.stream().map(Enum::name).toList()));
        out.add(String.join(",", hostFunctions));
        out.add(extensions ? "extensions" : "no-extensions");
        out.add(compile ? "compile" : "no-compile");
        return out;
    }

    static WorkerConfig fromArgs(String[] args) {
        int limit = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        Set<Capability> grants = EnumSet.noneOf(Capability.class);
        if (args.length > 1 && !args[1].isEmpty()) for (String g : args[1].split(",")) grants.add(Capability.valueOf(g));
        List<String> hosts = args.length > 2 && !args[2].isEmpty() ? List.of(args[2].split(",")) : List.of();
        boolean extensions = args.length <= 3 || args[3].equals("extensions");
        boolean compile = args.length > 4 ? args[4].equals("compile") : Interpreter.compileByDefault();
        return new WorkerConfig(limit, grants, hosts, extensions, compile);
    }
}
