package dev.skein.runtime;

import java.math.BigInteger;

/**
 * {@code range(start, stop, step)}: a lazy arithmetic sequence of longs, as in Python. Its bounds
 * are longs, but its length may not be: range(-2**63, 2**63 - 1) has 2**64 - 1 elements. So the
 * length is kept as an unsigned long ({@link #count}), element i is {@code start + i * step}
 * in wrapping arithmetic (exact, since every element lies between start and stop), and only
 * {@code len()} of a range longer than 2**63 - 1 is CPython's OverflowError.
 */
public record RangeValue(long start, long stop, long step) {
    public RangeValue {
        if (step == 0) throw Errors.value("range() arg 3 must not be zero");
    }

    /** The number of elements as an unsigned long (2**64 - 1 at most). */
    public long count() {
        if (step > 0 && start < stop) return Long.divideUnsigned(stop - start - 1, step) + 1;
        if (step < 0 && start > stop) return Long.divideUnsigned(start - stop - 1, -step) + 1;   // -MIN_VALUE is 2**63 unsigned
        return 0;
    }

    /** {@code len(range)}: OverflowError past 2**63 - 1, as CPython's. */
    public long length() {
        long n = count();
        if (n < 0) throw Errors.overflow("Python int too large to convert to C ssize_t");
        return n;
    }

    public boolean isEmpty() { return count() == 0; }

    /** Element {@code i} (unsigned, below {@link #count}). */
    public long at(long i) { return start + i * step; }

    /** {@code r[index]} for an int index of any size, negative ones counting from the end. */
    public long at(Object index) {
        long count = count();
        if (index instanceof Long i && count >= 0) {
            long j = i < 0 ? i + count : i;
            if (j < 0 || j >= count) throw Errors.index("range object index out of range");
            return at(j);
        }
        BigInteger n = unsigned(count);
        BigInteger i = index instanceof BigInteger b ? b : BigInteger.valueOf(Convert.toLong(index, "range index"));
        if (i.signum() < 0) i = i.add(n);
        if (i.signum() < 0 || i.compareTo(n) >= 0) throw Errors.index("range object index out of range");
        return at(i.longValue());   // the low 64 bits: i as an unsigned long
    }

    public boolean contains(long v) {
        if (step > 0 ? (v < start || v >= stop) : (v > start || v <= stop)) return false;
        return step > 0 ? Long.remainderUnsigned(v - start, step) == 0 : Long.remainderUnsigned(start - v, -step) == 0;
    }

    /**
     * {@code r[a:b:c]}, exact for any length, with CPython's bounds (the stop is the element at
     * the slice's stop index). Bounds that leave the longs are moved to an equivalent range
     * where one exists; only a result of two or more elements whose step needs 65 bits is an
     * OverflowError.
     */
    public RangeValue slice(SliceValue s) {
        long n = count();
        BigInteger[] ix;
        if (n >= 0) {
            long[] small = s.indices(n);
            ix = new BigInteger[] {BigInteger.valueOf(small[0]), BigInteger.valueOf(small[1]), BigInteger.valueOf(small[2]), BigInteger.valueOf(small[3])};
        } else {
            ix = s.bigIndices(unsigned(n));
        }
        BigInteger base = BigInteger.valueOf(start), by = BigInteger.valueOf(step);
        return of(base.add(ix[0].multiply(by)), base.add(ix[1].multiply(by)), by.multiply(ix[2]), ix[3]);
    }

    private static RangeValue of(BigInteger first, BigInteger stop, BigInteger step, BigInteger count) {
        if (fits(first) && fits(stop) && fits(step)) return new RangeValue(first.longValue(), stop.longValue(), step.longValue());
        if (count.signum() == 0) return new RangeValue(0, 0, 1);
        if (count.equals(BigInteger.ONE)) {   // first is an element, so a long
            long v = first.longValue();
            return v < Long.MAX_VALUE ? new RangeValue(v, v + 1, 1) : new RangeValue(v, v - 1, -1);
        }
        if (fits(step)) {   // first and last are elements; a stop at the end of the longs ends after last
            long last = first.add(step.multiply(count.subtract(BigInteger.ONE))).longValue();
            if (step.signum() > 0 && last < Long.MAX_VALUE) return new RangeValue(first.longValue(), Long.MAX_VALUE, step.longValue());
            if (step.signum() < 0 && last > Long.MIN_VALUE) return new RangeValue(first.longValue(), Long.MIN_VALUE, step.longValue());
        }
        throw Errors.overflow("range() result has bounds that do not fit in 64 bits");
    }

    private static boolean fits(BigInteger b) { return b.bitLength() < 64; }

    static BigInteger unsigned(long n) {
        BigInteger b = BigInteger.valueOf(n);
        return n < 0 ? b.add(BigInteger.ONE.shiftLeft(64)) : b;
    }

    /** The elements in order; the number left is counted, so the last step never wraps round. */
    public SkeinIterator iterator() {
        return new SkeinIterator() {
            long next = start, left = count();
            @Override public Object next() {
                if (left == 0) return DONE;
                left--;
                long v = next;
                next += step;
                return v;
            }
            @Override public String toString() { return "<range iterator>"; }
        };
    }

    @Override public String toString() {
        return step == 1 ? "range(" + start + ", " + stop + ")" : "range(" + start + ", " + stop + ", " + step + ")";
    }
}
