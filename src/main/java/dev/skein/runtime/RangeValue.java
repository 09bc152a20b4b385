package dev.skein.runtime;

/** {@code range(start, stop, step)}: a lazy arithmetic sequence of longs, as in Python. */
public record RangeValue(long start, long stop, long step) {
    public RangeValue {
        if (step == 0) throw Errors.value("range() arg 3 must not be zero");
    }

    public long length() {
        if (step > 0 && start < stop) return (stop - start - 1) / step + 1;
        if (step < 0 && start > stop) return (start - stop - 1) / (-step) + 1;
        return 0;
    }

    public long at(long i) { return start + i * step; }

    public boolean contains(long v) {
        if (step > 0 ? (v < start || v >= stop) : (v > start || v <= stop)) return false;
        return (v - start) % step == 0;
    }

    public SkeinIterator iterator() {
        return new SkeinIterator() {
            long next = start;
            @Override public Object next() {
                if (step > 0 ? next >= stop : next <= stop) return DONE;
                long v = next;
                next += step;
                return v;
            }
        };
    }

    @Override public String toString() {
        return step == 1 ? "range(" + start + ", " + stop + ")" : "range(" + start + ", " + stop + ", " + step + ")";
    }
}
