package dev.skein.stdlib;

import dev.skein.runtime.ErrorKind;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The names of the standard library, without loading it: what {@code skein check} resolves
 * scripts against. StdlibNamesTest keeps these lists equal to what {@link Stdlib#install} registers.
 */
public final class StdlibNames {
    private StdlibNames() {}

    /** The standard modules a script may import. */
    public static final Set<String> MODULES = Set.of("math", "time", "random", "json", "fs", "hash", "http", "os");

    /** Every builtin: the functions, the pool and synchronization builtins, and the error kinds. */
    public static final Set<String> BUILTINS = builtins();

    private static Set<String> builtins() {
        Set<String> names = new LinkedHashSet<>(List.of(
                "abs", "all", "any", "ascii", "bin", "bool", "bytes", "callable", "chr", "cpu_count", "dict", "divmod",
                "dir", "enumerate", "filter", "float", "format", "getattr", "hasattr", "hash", "help", "hex", "int", "isinstance",
                "iter", "len", "list", "max", "min", "next", "oct", "ord", "pow", "print", "range", "repr", "reversed",
                "round", "set", "sorted", "str", "sum", "type", "zip", "stdout", "stderr",
                "threads", "virtual", "completed", "wait", "lock", "queue", "event", "atomic", "progress"));
        names.addAll(ErrorKind.BUILTIN.keySet());
        return Set.copyOf(names);
    }
}
