package dev.skein.stdlib;

import dev.skein.runtime.ThreadState;
import dev.skein.runtime.Values;

/**
 * The stable sort behind {@code sorted} and {@code list.sort}. Like Python it only ever asks
 * "is a < b" ({@link Values#lt}), so incomparable values raise Python's TypeError, NaNs give some
 * order instead of an error, and an inconsistent order can never make the sort itself fail
 * (java.util's TimSort may throw on one). Key functions run before sorting, outside any lock.
 */
final class Sorting {
    private Sorting() {}

    private static final int RUN = 24;

    /**
     * Sorts {@code items} in place by {@code key} (a callable, or null for the items
     * themselves); {@code reverse} keeps equal items in their original order, as in Python.
     */
    static void sort(ThreadState ts, Object[] items, Object key, boolean reverse) {
        int n = items.length;
        Object[] keys;
        if (key == null) {
            keys = items;
        } else {
            keys = new Object[n];
            for (int i = 0; i < n; i++) keys[i] = ts.call(key, items[i]);   // once per item, as in Python
        }
        if (n < 2) return;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        new Sorter(ts, keys, reverse).sort(order);
        Object[] sorted = new Object[n];
        for (int i = 0; i < n; i++) sorted[i] = items[order[i]];
        System.arraycopy(sorted, 0, items, 0, n);
    }

    /** A bottom-up merge sort of positions: insertion-sorted runs, then merged pairwise. */
    private static final class Sorter {
        private final ThreadState ts;
        private final Object[] keys;
        private final boolean reverse;
        private long comparisons;

        Sorter(ThreadState ts, Object[] keys, boolean reverse) {
            this.ts = ts;
            this.keys = keys;
            this.reverse = reverse;
        }

        /** True when position a must come before position b that currently precedes it. */
        private boolean before(int a, int b) {
            Iter.tick(ts, ++comparisons);
            return reverse ? Values.lt(keys[b], keys[a]) : Values.lt(keys[a], keys[b]);
        }

        void sort(int[] order) {
            int n = order.length;
            for (int lo = 0; lo < n; lo += RUN) insertionSort(order, lo, Math.min(n, lo + RUN));
            int[] src = order, dst = new int[n];
            for (int width = RUN; width < n; width *= 2) {
                for (int lo = 0; lo < n; lo += 2 * width) {
                    int mid = Math.min(n, lo + width), hi = Math.min(n, lo + 2 * width);
                    merge(src, dst, lo, mid, hi);
                }
                int[] t = src; src = dst; dst = t;
            }
            if (src != order) System.arraycopy(src, 0, order, 0, n);
        }

        private void insertionSort(int[] a, int lo, int hi) {
            for (int i = lo + 1; i < hi; i++) {
                int x = a[i];
                int j = i;
                while (j > lo && before(x, a[j - 1])) {
                    a[j] = a[j - 1];
                    j--;
                }
                a[j] = x;
            }
        }

        private void merge(int[] src, int[] dst, int lo, int mid, int hi) {
            int i = lo, j = mid, k = lo;
            if (mid >= hi || !before(src[mid], src[mid - 1])) {   // already in order
                System.arraycopy(src, lo, dst, lo, hi - lo);
                return;
            }
            while (i < mid && j < hi) dst[k++] = before(src[j], src[i]) ? src[j++] : src[i++];
            while (i < mid) dst[k++] = src[i++];
            while (j < hi) dst[k++] = src[j++];
        }
    }
}
