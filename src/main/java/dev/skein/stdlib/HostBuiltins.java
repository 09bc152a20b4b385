package dev.skein.stdlib;

import dev.skein.runtime.Convert;
import dev.skein.runtime.Errors;
import dev.skein.runtime.Interpreter;
import dev.skein.runtime.StandardStream;
import dev.skein.runtime.Values;

import static dev.skein.stdlib.Builtins.def;

/** Builtins that talk to the host: {@code print}, the streams {@code stdout} and {@code stderr}, and {@code cpu_count}. */
final class HostBuiltins {
    private HostBuiltins() {}

    static void install(Interpreter.Builder b) {
        def(b, "print", "*values, sep=?, end=?, file=?, flush=?", (ts, a) -> {
            Object[] values = (Object[]) a[0];
            String sep = separator(a[1], "sep", " ");
            String end = separator(a[2], "end", "\n");
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < values.length; i++) {
                if (i > 0) sb.append(sep);
                sb.append(Convert.str(values[i]));
            }
            sb.append(end);
            // one write per call, so lines printed by concurrent tasks never interleave
            PrintTarget.write(ts, a[3], sb.toString(), Args.truthy(a[4], false));
            return null;
        });
        b.builtin("stdout", StandardStream.STDOUT);
        b.builtin("stderr", StandardStream.STDERR);
        def(b, "cpu_count", "", (ts, a) -> (long) Runtime.getRuntime().availableProcessors());
    }

    private static String separator(Object slot, String what, String dflt) {
        if (!Args.present(slot)) return dflt;
        if (slot instanceof String s) return s;
        throw Errors.type(what + " must be none or a string, not " + Values.typeName(slot));
    }
}
