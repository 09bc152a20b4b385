package dev.skein.stdlib;

import dev.skein.runtime.SkeinIterator;
import dev.skein.runtime.SkeinList;

/**
 * {@code reversed(list)}: a view that walks the list backwards by index, as CPython's
 * listreverseiterator does — O(1) to create, and it sees changes made while it runs: it ends
 * when its position falls off either end (a list that shrank below it ends it for good).
 */
final class ReversedList implements SkeinIterator {
    private final SkeinList list;
    private int index;

    ReversedList(SkeinList list) {
        this.list = list;
        this.index = list.size() - 1;
    }

    @Override public Object next() {
        Object v = index >= 0 ? list.getOr(index, DONE) : DONE;
        if (v == DONE) {
            index = -1;
            return DONE;
        }
        index--;
        return v;
    }
}
