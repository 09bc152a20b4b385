package dev.skein.runtime;

/**
 * The iteration protocol: {@link #next()} returns the next value, or {@link #DONE} at the end.
 * Iterators are Skein values too (what {@code enumerate}, {@code zip} and a lazy {@code map}
 * return). An iterator is used by one thread at a time unless its class says otherwise.
 */
public interface SkeinIterator {
    Object DONE = new Object() {
        @Override public String toString() { return "<done>"; }
    };

    Object next();

    /**
     * Called when a loop leaves before the end (break, return, an error): lazy producers such
     * as {@code map … over} cancel the work they started. Does nothing by default.
     */
    default void close() {}

    /** An iterator over a fixed array of values. */
    static SkeinIterator over(Object[] values) {
        return over("", values);
    }

    /** An iterator over a fixed array of values, spelled {@code <kind iterator>} (of a dict's keys, a set…). */
    static SkeinIterator over(String kind, Object[] values) {
        return new SkeinIterator() {
            int i;
            @Override public Object next() { return i < values.length ? values[i++] : DONE; }
            @Override public String toString() { return kind.isEmpty() ? "<iterator>" : "<" + kind + " iterator>"; }
        };
    }
}
