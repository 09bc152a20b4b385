package dev.skein.concurrent;

import java.util.HashMap;
import java.util.Map;

/**
 * A set of task ids, a bit each: ids are numbered from one per interpreter, so they fall in
 * dense runs, kept as pages of 4,096 bits. What writing a trace keeps per task (which tasks it
 * saw submitted, which run), in an eighth of a byte rather than an entry of a hash set.
 */
final class TaskIdSet {
    private static final int PAGE_BITS = 12;
    private final Map<Long, long[]> pages = new HashMap<>();
    /** The page used last: ids come in runs, so most lookups need no map. */
    private long lastKey = Long.MIN_VALUE;
    private long[] lastPage;

    void add(long id) {
        page(id, true)[bit(id) >>> 6] |= 1L << bit(id);
    }

    boolean contains(long id) {
        long[] p = page(id, false);
        return p != null && (p[bit(id) >>> 6] & 1L << bit(id)) != 0;
    }

    private static int bit(long id) { return (int) (id & ((1 << PAGE_BITS) - 1)); }

    private long[] page(long id, boolean create) {
        long key = id >> PAGE_BITS;
        if (key == lastKey) return lastPage;
        long[] p = create ? pages.computeIfAbsent(key, k -> new long[(1 << PAGE_BITS) / 64]) : pages.get(key);
        if (p != null) {
            lastKey = key;
            lastPage = p;
        }
        return p;
    }
}
