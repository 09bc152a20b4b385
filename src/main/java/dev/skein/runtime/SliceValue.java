package dev.skein.runtime;

import java.math.BigInteger;

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

    /** {@link #indices} for a length past 2**63 - 1: [start, stop, step, count] as exact ints. */
    public BigInteger[] bigIndices(BigInteger length) {
        BigInteger st = step == null ? BigInteger.ONE : integer(step);
        if (st.signum() == 0) throw Errors.value("slice step cannot be zero");
        boolean down = st.signum() < 0;
        BigInteger lower = down ? BigInteger.ONE.negate() : BigInteger.ZERO, upper = down ? length.subtract(BigInteger.ONE) : length;
        BigInteger s = start == null ? (down ? upper : lower) : clamp(integer(start), length, lower, upper);
        BigInteger e = stop == null ? (down ? lower : upper) : clamp(integer(stop), length, lower, upper);
        BigInteger span = down ? s.subtract(e) : e.subtract(s);
        BigInteger count = span.signum() > 0 ? span.add(st.abs()).subtract(BigInteger.ONE).divide(st.abs()) : BigInteger.ZERO;
        return new BigInteger[] {s, e, st, count};
    }

    private static BigInteger integer(Object o) {
        if (o instanceof BigInteger b) return b;
        return BigInteger.valueOf(Convert.toLong(o, "slice index"));
    }

    private static BigInteger clamp(BigInteger i, BigInteger length, BigInteger lower, BigInteger upper) {
        if (i.signum() < 0) {
            i = i.add(length);
            return i.compareTo(lower) < 0 ? lower : i;
        }
        return i.compareTo(upper) > 0 ? upper : i;
    }

    private static long clamp(long i, long length, long lower, long upper) {
        if (i < 0) {
            i += length;
            return i < lower ? lower : i;
        }
        return i > upper ? upper : i;
    }
}
