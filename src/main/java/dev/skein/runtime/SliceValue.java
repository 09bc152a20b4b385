package dev.skein.runtime;

/** {@code a:b:c} inside brackets; each part may be null (absent). */
public record SliceValue(Object start, Object stop, Object step) {
    /** Resolves to concrete [start, stop, step, count] for a sequence of this length, like Python's slice.indices. */
    public long[] indices(long length) {
        long st = step == null ? 1 : Convert.toLong(step, "slice step");
        if (st == 0) throw Errors.value("slice step cannot be zero");
        long lower = st < 0 ? -1 : 0, upper = st < 0 ? length - 1 : length;
        long s = start == null ? (st < 0 ? upper : lower) : clamp(Convert.toLong(start, "slice index"), length, lower, upper);
        long e = stop == null ? (st < 0 ? lower : upper) : clamp(Convert.toLong(stop, "slice index"), length, lower, upper);
        long count = st > 0 ? (e > s ? (e - s + st - 1) / st : 0) : (s > e ? (s - e - st - 1) / (-st) : 0);
        return new long[] {s, e, st, count};
    }

    private static long clamp(long i, long length, long lower, long upper) {
        if (i < 0) {
            i += length;
            return i < lower ? lower : i;
        }
        return i > upper ? upper : i;
    }
}
