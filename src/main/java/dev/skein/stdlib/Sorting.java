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
        sortCounting(ts, items, key, reverse);
    }

    /** {@link #sort}, returning how many comparisons it made (tests check the cost of presorted input). */
    static long sortCounting(ThreadState ts, Object[] items, Object key, boolean reverse) {
        int n = items.length;
        Object[] keys;
        if (key == null) {
            keys = items;
        } else {
            keys = new Object[n];
            for (int i = 0; i < n; i++) keys[i] = ts.call(key, items[i]);   // once per item, as in Python
        }
        if (n < 2) return 0;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Sorter sorter = new Sorter(ts, keys, reverse);
        sorter.sort(order);
        Object[] sorted = new Object[n];
        for (int i = 0; i < n; i++) sorted[i] = items[order[i]];
        System.arraycopy(sorted, 0, items, 0, n);
        return sorter.comparisons;
    }

    /**
     * A natural merge sort of positions, as CPython's timsort finds runs: the input is cut into
     * the runs already in order (a strictly descending one is reversed, which keeps it stable),
     * short ones are extended to {@link #RUN} by insertion, then neighbours are merged pairwise.
     * So sorted or reversed input, with or without a short unsorted tail, costs O(n), not
     * O(n log n) — the stress test's threads sort one list up and down in turn.
     */
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
            int[] edges = new int[n / RUN + 2];   // every run but the last is at least RUN long
            int runs = 0;
            for (int lo = 0; lo < n; ) {
                edges[runs++] = lo;
                int end = runEnd(order, lo, n);
                if (end - lo < RUN) {
                    int forced = Math.min(n, lo + RUN);
                    insertionSort(order, lo, end, forced);
                    end = forced;
                }
                lo = end;
            }
            edges[runs] = n;
            int[] src = order, dst = new int[n];
            while (runs > 1) {
                int merged = 0;
                for (int r = 0; r < runs; r += 2) {   // edges[merged] is written behind edges[r]: never read again
                    merge(src, dst, edges[r], edges[Math.min(r + 1, runs)], edges[Math.min(r + 2, runs)]);
                    edges[merged++] = edges[r];
                }
                edges[merged] = n;
                runs = merged;
                int[] t = src; src = dst; dst = t;
            }
            if (src != order) System.arraycopy(src, 0, order, 0, n);
        }

        /** The end of the run that starts at lo: non-descending, or strictly descending and then reversed in place. */
        private int runEnd(int[] a, int lo, int n) {
            int i = lo + 1;
            if (i == n) return n;
            if (before(a[i], a[lo])) {
                while (i + 1 < n && before(a[i + 1], a[i])) i++;
                for (int x = lo, y = i; x < y; x++, y--) {
                    int t = a[x];
                    a[x] = a[y];
                    a[y] = t;
                }
            } else {
                while (i + 1 < n && !before(a[i + 1], a[i])) i++;
            }
            return i + 1;
        }

        /** Sorts a[lo, hi) by insertion, given that a[lo, sorted) is in order already. */
        private void insertionSort(int[] a, int lo, int sorted, int hi) {
            for (int i = sorted; i < hi; i++) {
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
