package dev.skein.interp;

import dev.skein.runtime.FormatSpec;
import dev.skein.runtime.Ops;

/** Formats one f-string field: {@code str(v)} without a spec, the format-spec language with one. */
final class FieldFormat {
    private FieldFormat() {}

    static String format(Object v, String spec) {
        if (spec.isEmpty()) return Ops.str(v);
        return FormatSpec.format(v, spec);
    }
}
