package dev.skein.stdlib;

import dev.skein.runtime.Bytes;
import dev.skein.runtime.Callable;
import dev.skein.runtime.ErrorValue;
import dev.skein.runtime.ModuleValue;
import dev.skein.runtime.RangeValue;
import dev.skein.runtime.RecordValue;
import dev.skein.runtime.SkeinDict;
import dev.skein.runtime.SkeinList;
import dev.skein.runtime.SkeinSet;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * The names a value answers to after a dot, found without running code: what {@code dir(x)}
 * lists and the REPL completes. One table, so the two never disagree.
 */
public final class Members {
    private Members() {}

    /** The member names of {@code v}, sorted. */
    public static List<String> of(Object v) {
        return new ArrayList<>(new TreeSet<>(unsorted(v)));
    }

    private static Collection<String> unsorted(Object v) {
        if (v instanceof ModuleValue m) return m.memberNames();
        if (v instanceof RecordValue r) return List.of(r.type().fields());
        if (v instanceof ErrorValue) return List.of("kind", "message", "trace", "cause");
        if (v instanceof dev.skein.runtime.Values.MethodHost host) return host.methodNames();
        if (v instanceof RangeValue) return List.of("start", "stop", "step");
        if (v instanceof String || v instanceof SkeinList || v instanceof SkeinDict || v instanceof Bytes
                || v instanceof Number || v instanceof Boolean || v instanceof SkeinSet) {
            return TypeMethods.names(v);
        }
        if (v instanceof Callable) return List.of("name");
        return List.of();
    }
}
