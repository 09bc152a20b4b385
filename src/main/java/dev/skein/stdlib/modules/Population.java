package dev.skein.stdlib.modules;

import dev.skein.runtime.Bytes;
import dev.skein.runtime.Containers;
import dev.skein.runtime.Missing;
import dev.skein.runtime.RangeValue;
import dev.skein.runtime.RecordValue;
import dev.skein.runtime.SkeinList;

/**
 * What random.choice, choices and sample draw from: read by position, as CPython's
 * {@code population[i]}, so a draw costs O(1) instead of a copy of the whole sequence. Lists,
 * ranges, bytes and records are read in place; anything else (strings, by code point; sets,
 * dicts and iterators) is first turned into an array, as before.
 */
interface Population {
    long size();

    /** The element at {@code i} (0 <= i < size()), or {@link Missing#MISSING} when a list shrank meanwhile. */
    Object at(long i);

    static Population of(Object seq) {
        if (seq instanceof SkeinList l) {
            return new Population() {
                @Override public long size() { return l.size(); }
                @Override public Object at(long i) { return l.getOr((int) i, Missing.MISSING); }
            };
        }
        if (seq instanceof RangeValue r) {
            return new Population() {
                @Override public long size() { return r.length(); }
                @Override public Object at(long i) { return r.at(i); }
            };
        }
        if (seq instanceof Bytes b) {
            return new Population() {
                @Override public long size() { return b.length(); }
                @Override public Object at(long i) { return (long) b.get((int) i); }
            };
        }
        if (seq instanceof RecordValue r) {
            return new Population() {
                @Override public long size() { return r.size(); }
                @Override public Object at(long i) { return r.get((int) i); }
            };
        }
        Object[] xs = Containers.toArray(seq);
        return new Population() {
            @Override public long size() { return xs.length; }
            @Override public Object at(long i) { return xs[(int) i]; }
        };
    }
}
