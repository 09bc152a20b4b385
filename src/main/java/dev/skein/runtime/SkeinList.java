package dev.skein.runtime;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Collection;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Skein's list: a growable array whose every operation is atomic with respect to every other.
 * The short spin lock of {@link Guarded} covers what touches only the list's own storage. What
 * must run other code meanwhile — a sort's key and comparisons ({@link #rewrite}), comparing
 * elements that are containers or records, which takes their locks ({@link #find},
 * {@link #count}) — holds off writers instead: other threads' writes wait for it, reads go on
 * and see the content as it was. Searches for a plain value (number, string, bytes, bool, none)
 * run under the lock; iteration reads one element at a time ({@link #getOr}), as CPython does.
 * The reads of one element and of the size ({@link #getPy}, {@link #getOr}, {@link #size}) are
 * optimistic: they read without the lock and keep the result if no write happened meanwhile
 * ({@link Guarded#readStamp}), else read again under the lock.
 */
public final class SkeinList extends Guarded {
    private Object[] items;
    private int size;
    /** Set while a {@link #rewrite} runs; writers lock with {@link #lockToWrite} to respect it. */
    private ListRewrite rewrite;

    public SkeinList() { items = new Object[8]; }

    public SkeinList(int capacity) { items = new Object[Math.max(capacity, 4)]; }

    /** Takes ownership of {@code array}: the caller must not keep using it. */
    public static SkeinList wrap(Object[] array) {
        SkeinList l = new SkeinList(0);
        l.items = array.length == 0 ? new Object[4] : array;
        l.size = array.length;
        return l;
    }

    /** Takes ownership of {@code array}, whose first {@code size} slots are the items (a builder's spare room is kept, not copied). */
    public static SkeinList wrap(Object[] array, int size) {
        if (size < 0 || size > array.length) throw new IllegalArgumentException("size " + size + " of an array of " + array.length);
        SkeinList l = new SkeinList(0);
        if (array.length > 0) l.items = array;
        l.size = size;
        return l;
    }

    public static SkeinList of(Object... values) { return wrap(values.clone()); }

    public static SkeinList copyOf(Collection<?> values) { return wrap(values.toArray()); }

    public int size() {
        int stamp = readStamp();
        int n = size;
        if (unchangedSince(stamp)) return n;
        readLock();
        try { return size; } finally { readUnlock(); }
    }

    public Object get(int i) {
        readLock();
        try {
            if (i < 0 || i >= size) throw Errors.index("list index out of range");
            return items[i];
        } finally { readUnlock(); }
    }

    /** Index with Python's negative-index rule. */
    public Object getPy(long index) {
        int stamp = readStamp();   // optimistic: reads are most of a list's traffic, and need no atomic instruction
        Object[] a = items;
        int n = size;
        long at = index < 0 ? index + n : index;
        if (at >= 0 && at < n && at < a.length) {
            Object v = a[(int) at];
            if (unchangedSince(stamp)) return v;
        }
        readLock();
        try {
            long i = index < 0 ? index + size : index;
            if (i < 0 || i >= size) throw Errors.index("list index out of range");
            return items[(int) i];
        } finally { readUnlock(); }
    }

    public void setPy(long index, Object v) {
        lockToWrite();
        try {
            long i = index < 0 ? index + size : index;
            if (i < 0 || i >= size) throw Errors.index("list assignment index out of range");
            items[(int) i] = v;
        } finally { unlock(); }
    }

    /** Returns the element at {@code i}, or {@code dflt} when i is past the end (for iteration). */
    public Object getOr(int i, Object dflt) {
        int stamp = readStamp();
        Object[] a = items;
        int n = size;
        Object v = i < n && i < a.length ? a[i] : dflt;
        if (i >= 0 && (i >= n || i < a.length) && unchangedSince(stamp)) return v;
        readLock();
        try { return i < size ? items[i] : dflt; } finally { readUnlock(); }
    }

    public void append(Object v) {
        lockToWrite();
        try {
            if (size == items.length) items = Arrays.copyOf(items, size * 2 + 4);
            items[size++] = v;
        } finally { unlock(); }
    }

    public void appendAll(Object[] vs) {
        lockToWrite();
        try {
            ensure(size + vs.length);
            System.arraycopy(vs, 0, items, size, vs.length);
            size += vs.length;
        } finally { unlock(); }
    }

    public void insert(long index, Object v) {
        lockToWrite();
        try {
            long i = index < 0 ? Math.max(0, index + size) : Math.min(index, size);
            ensure(size + 1);
            System.arraycopy(items, (int) i, items, (int) i + 1, size - (int) i);
            items[(int) i] = v;
            size++;
        } finally { unlock(); }
    }

    public Object pop(long index) {
        lockToWrite();
        try {
            if (size == 0) throw Errors.index("pop from empty list");
            long i = index < 0 ? index + size : index;
            if (i < 0 || i >= size) throw Errors.index("pop index out of range");
            Object v = items[(int) i];
            System.arraycopy(items, (int) i + 1, items, (int) i, size - (int) i - 1);
            items[--size] = null;
            return v;
        } finally { unlock(); }
    }

    /** Removes the element at a known position (0 <= i < size). */
    public void removeAt(int i) { pop(i); }

    public void clear() {
        lockToWrite();
        try {
            Arrays.fill(items, 0, size, null);
            size = 0;
        } finally { unlock(); }
    }

    /** Replaces the whole content (for a list being built, such as a decoded one; sort and shuffle use {@link #rewrite}). */
    public void replaceAll(Object[] content) {
        lockToWrite();
        try {
            items = content.length == 0 ? new Object[4] : content;
            size = content.length;
        } finally { unlock(); }
    }

    /** The elements {@code s} selects, copied in O(len of the slice), not O(size). */
    public Object[] slice(SliceValue s) {
        int stamp = readStamp();   // optimistic first, as getPy: no atomic instruction when no writer came
        Object[] a = items;
        int n = size;
        if (n <= a.length) {
            Object[] out = copySlice(a, s.indices(n));
            if (unchangedSince(stamp)) return out;
        }
        readLock();
        try {
            return copySlice(items, s.indices(size));
        } finally { readUnlock(); }
    }

    /** The items {@code ix} (from {@link SliceValue#indices}) selects out of {@code a}. */
    private static Object[] copySlice(Object[] a, long[] ix) {
        Object[] out = new Object[(int) ix[3]];
        if (ix[2] == 1) System.arraycopy(a, (int) ix[0], out, 0, out.length);
        else for (int k = 0; k < out.length; k++) out[k] = a[(int) (ix[0] + k * ix[2])];
        return out;
    }

    /** {@code xs[a:b:c] = vs} for an extended slice (step != 1): O(len of the slice). */
    public void assignExtended(SliceValue s, Object[] vs) {
        lockToWrite();
        try {
            long[] ix = s.indices(size);
            if (vs.length != ix[3]) {
                throw Errors.value("attempt to assign sequence of size " + vs.length + " to extended slice of size " + ix[3]);
            }
            for (int k = 0; k < vs.length; k++) items[(int) (ix[0] + k * ix[2])] = vs[k];
        } finally { unlock(); }
    }

    /** {@code xs[a:b] = vs} for a contiguous slice (step 1): one atomic O(n) move, as CPython's memmove. */
    public void assignSlice(SliceValue s, Object[] vs) {
        lockToWrite();
        try {
            long[] ix = s.indices(size);
            int from = (int) ix[0], to = (int) Math.max(ix[0], ix[1]);
            int newSize = size - (to - from) + vs.length;
            Object[] out = newSize > items.length ? new Object[Math.max(newSize, items.length * 2)] : items;
            if (out != items) System.arraycopy(items, 0, out, 0, from);
            System.arraycopy(items, to, out, from + vs.length, size - to);
            System.arraycopy(vs, 0, out, from, vs.length);
            if (newSize < size) Arrays.fill(out, newSize, size, null);
            items = out;
            size = newSize;
        } finally { unlock(); }
    }

    /** Whether comparing with {@code v} runs no user code and takes no lock, so a search for it may hold this list's lock. */
    public static boolean plain(Object v) {
        return v == null || v instanceof Long || v instanceof String || v instanceof Double
                || v instanceof Boolean || v instanceof BigInteger || v instanceof Bytes;
    }

    /** The first position in [from, to) equal to the {@link #plain} value {@code x}, or -1: one atomic search. */
    public int indexOfPlain(Object x, int from, int to) {
        readLock();
        try {
            for (int i = Math.max(0, from), end = Math.min(to, size); i < end; i++) if (items[i] == x || Values.eq(items[i], x)) return i;
            return -1;
        } finally { readUnlock(); }
    }

    /** How many elements equal the {@link #plain} value {@code x}: one atomic count. */
    public long countPlain(Object x) {
        readLock();
        try {
            long n = 0;
            for (int i = 0; i < size; i++) if (items[i] == x || Values.eq(items[i], x)) n++;
            return n;
        } finally { readUnlock(); }
    }

    /** Removes the first element equal to the {@link #plain} value {@code x}; false when there is none. */
    public boolean removePlain(Object x) {
        lockToWrite();
        try {
            for (int i = 0; i < size; i++) {
                if (items[i] == x || Values.eq(items[i], x)) {
                    System.arraycopy(items, i + 1, items, i, size - i - 1);
                    items[--size] = null;
                    return true;
                }
            }
            return false;
        } finally { unlock(); }
    }

    /**
     * Replaces the content with {@code f(snapshot)} as one atomic operation (sort, shuffle). f
     * runs outside the spin lock because it may call user code (a sort's key): meanwhile
     * readers see the old content, other threads' writes wait until the new content is in, and
     * a write from this thread (the key function changing the list) raises CPython's
     * "list modified during sort" instead of deadlocking; so does the rewrite at its end.
     */
    public void rewrite(UnaryOperator<Object[]> f) {
        ListRewrite mine = holdWriters();
        Object[] result = null;
        try {
            result = f.apply(Arrays.copyOf(mine.items, mine.size));
        } finally {
            lock();
            try {
                if (result != null) {   // also when modified: the sort is done, as in CPython
                    items = result.length == 0 ? new Object[4] : result;
                    size = result.length;
                }
                rewrite = null;
            } finally { unlock(); }
            mine.finish();
        }
        if (mine.modified) throw ListRewrite.modified();
    }

    /**
     * The first position in [from, to) whose element {@code matches} accepts, or -1; with
     * {@code remove}, that element is removed. One atomic operation: other threads' writes wait
     * while the search runs outside the spin lock, because comparing containers or records
     * takes their locks (a list may even contain itself). For values that are not {@link #plain}.
     */
    public int find(Predicate<Object> matches, int from, int to, boolean remove) {
        ListRewrite mine = remove ? holdWriters() : holdWritersToRead();
        if (mine == null) return scanOwn(matches, from, to);
        int found = -1;
        try {
            for (int i = Math.max(0, from), end = Math.min(to, mine.size); i < end && found < 0; i++) {
                if (matches.test(mine.items[i])) found = i;
            }
        } finally {
            lock();
            try {
                if (remove && found >= 0) {
                    System.arraycopy(items, found + 1, items, found, size - found - 1);
                    items[--size] = null;
                }
                rewrite = null;
            } finally { unlock(); }
            mine.finish();
        }
        return found;
    }

    /** How many elements {@code matches} accepts, counted while other threads' writes wait (see {@link #find}). */
    public long count(Predicate<Object> matches) {
        ListRewrite mine = holdWritersToRead();
        if (mine == null) {   // called back from this thread's own sort: writers wait already
            long n = 0;
            for (Object v : snapshot()) if (matches.test(v)) n++;
            return n;
        }
        try {
            long n = 0;
            for (int i = 0; i < mine.size; i++) if (matches.test(mine.items[i])) n++;
            return n;
        } finally {
            lock();
            try { rewrite = null; } finally { unlock(); }
            mine.finish();
        }
    }

    /** Like {@link #holdWriters} for a search that only reads; null when this thread already holds them (a sort's key searching the list). */
    private ListRewrite holdWritersToRead() {
        readLock();
        try {
            if (rewrite != null && rewrite.ownedByThisThread()) return null;
        } finally { readUnlock(); }
        return holdWriters();
    }

    /** A search from inside this thread's own rewrite: writers wait already, and the elements read are the ones it began with. */
    private int scanOwn(Predicate<Object> matches, int from, int to) {
        Object[] xs = snapshot();
        for (int i = Math.max(0, from), end = Math.min(to, xs.length); i < end; i++) if (matches.test(xs[i])) return i;
        return -1;
    }

    /** Makes other threads' writes wait until the returned rewrite finishes; it holds the content at this instant (not a copy). */
    private ListRewrite holdWriters() {
        lockToWrite();
        try {
            ListRewrite mine = new ListRewrite(items, size);
            rewrite = mine;
            return mine;
        } finally { unlock(); }
    }

    /** Takes the lock for a write, first waiting out another thread's {@link #rewrite}. */
    private void lockToWrite() {
        while (true) {
            lock();
            ListRewrite r = rewrite;
            if (r == null) return;
            unlock();
            r.awaitFromWriter();
        }
    }

    /** Reverses in place. */
    public void reverse() {
        lockToWrite();
        try {
            for (int i = 0, j = size - 1; i < j; i++, j--) {
                Object t = items[i];
                items[i] = items[j];
                items[j] = t;
            }
        } finally { unlock(); }
    }

    /** A copy of the elements at this instant. */
    public Object[] snapshot() {
        int stamp = readStamp();   // optimistic first: unpacking `[x, y] = pair` in a loop then costs no atomic instruction
        Object[] a = items;
        int n = size;
        if (n <= a.length) {
            Object[] copy = Arrays.copyOf(a, n);
            if (unchangedSince(stamp)) return copy;
        }
        readLock();
        try { return Arrays.copyOf(items, size); } finally { readUnlock(); }
    }

    private void ensure(int n) {
        if (n > items.length) items = Arrays.copyOf(items, Math.max(n, items.length * 2));
    }

    @Override public boolean equals(Object o) {
        return o instanceof SkeinList other && Values.eq(this, other);
    }

    @Override public int hashCode() { throw Errors.type("unhashable type: 'list'"); }

    @Override public String toString() { return Convert.repr(this); }
}
