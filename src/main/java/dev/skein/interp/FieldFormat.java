package dev.skein.interp;

import dev.skein.runtime.Convert;
import dev.skein.runtime.FormatSpec;

/** Formats one f-string field: {@code str(v)} without a spec, the format-spec language with one. */
final class FieldFormat {
    private FieldFormat() {}

    static String format(Object v, String spec) {
        if (spec.isEmpty()) return Convert.str(v);
        return FormatSpec.format(v, spec);
    }
}
