package dev.skein.repl;

import dev.skein.runtime.Bytes;
import dev.skein.runtime.Containers;
import dev.skein.runtime.RangeValue;
import dev.skein.runtime.RecordValue;
import dev.skein.runtime.SkeinDict;
import dev.skein.runtime.SkeinList;
import dev.skein.runtime.SkeinSet;
import java.util.Locale;

/**
 * What the prompt shows of a value: its repr, or, when that is huge ({@code [0] * 10**6}), its
 * head, how big it is and how to see all of it, as IPython and jshell cut long results. The
 * value itself is untouched and kept in {@code _}.
 */
final class ResultPreview {
    /** Longer reprs are cut (a screenful: about 25 lines of 80 columns). */
    static final int MAX_CHARS = 2000;
    /** How much of a cut repr is shown. */
    static final int HEAD_CHARS = 1000;

    private ResultPreview() {}

    static String of(Object value, String repr) {
        if (repr.length() <= MAX_CHARS) return repr;
        int cut = Character.isHighSurrogate(repr.charAt(HEAD_CHARS - 1)) ? HEAD_CHARS - 1 : HEAD_CHARS;
        return repr.substring(0, cut) + "…\n(" + size(value) + String.format(Locale.ROOT, "%,d", repr.length())
                + " characters in all; print(_) shows it whole)";
    }

    private static String size(Object value) {
        boolean sized = value instanceof SkeinList || value instanceof SkeinDict || value instanceof SkeinSet
                || value instanceof Bytes || value instanceof RangeValue || value instanceof RecordValue;
        if (!sized) return "";
        long n = Containers.len(value);
        return String.format(Locale.ROOT, "%,d %s, ", n, n == 1 ? "item" : "items");
    }
}
