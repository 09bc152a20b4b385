package dev.skein.runtime;

import java.util.Arrays;
import java.util.Collection;

/**
 * Skein's list: a growable array whose every operation is atomic (see {@link Guarded}).
 * Operations that compare elements (equality, {@code in}, index) cannot run under the lock
 * (comparing nested containers takes their locks), so they read one element at a time with
 * {@link #getOr}, as CPython does, seeing mutations made meanwhile; only operations that must
 * see all elements at one instant (sort, repr) take a whole {@link #snapshot()}.
 */
public final class SkeinList extends Guarded {
    private Object[] items;
    private int size;

    public SkeinList() { items = new Object[8]; }

    public SkeinList(int capacity) { items = new Object[Math.max(capacity, 4)]; }

    /** Takes ownership of {@code array}: the caller must not keep using it. */
    public static SkeinList wrap(Object[] array) {
        SkeinList l = new SkeinList(0);
        l.items = array.length == 0 ? new Object[4] : array;
        l.size = array.length;
        return l;
    }

    public static SkeinList of(Object... values) { return wrap(values.clone()); }

    public static SkeinList copyOf(Collection<?> values) { return wrap(values.toArray()); }

    public int size() {
        lock();
        try { return size; } finally { unlock(); }
    }

    public Object get(int i) {
        lock();
        try {
            if (i < 0 || i >= size) throw Errors.index("list index out of range");
            return items[i];
        } finally { unlock(); }
    }

    /** Index with Python's negative-index rule. */
    public Object getPy(long index) {
        lock();
        try {
            long i = index < 0 ? index + size : index;
            if (i < 0 || i >= size) throw Errors.index("list index out of range");
            return items[(int) i];
        } finally { unlock(); }
    }

    public void setPy(long index, Object v) {
        lock();
        try {
            long i = index < 0 ? index + size : index;
            if (i < 0 || i >= size) throw Errors.index("list assignment index out of range");
            items[(int) i] = v;
        } finally { unlock(); }
    }

    /** Returns the element at {@code i}, or {@code dflt} when i is past the end (for iteration). */
    public Object getOr(int i, Object dflt) {
        lock();
        try { return i < size ? items[i] : dflt; } finally { unlock(); }
    }

    public void append(Object v) {
        lock();
        try {
            if (size == items.length) items = Arrays.copyOf(items, size * 2 + 4);
            items[size++] = v;
        } finally { unlock(); }
    }

    public void appendAll(Object[] vs) {
        lock();
        try {
            ensure(size + vs.length);
            System.arraycopy(vs, 0, items, size, vs.length);
            size += vs.length;
        } finally { unlock(); }
    }

    public void insert(long index, Object v) {
        lock();
        try {
            long i = index < 0 ? Math.max(0, index + size) : Math.min(index, size);
            ensure(size + 1);
            System.arraycopy(items, (int) i, items, (int) i + 1, size - (int) i);
            items[(int) i] = v;
            size++;
        } finally { unlock(); }
    }

    public Object pop(long index) {
        lock();
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
        lock();
        try {
            Arrays.fill(items, 0, size, null);
            size = 0;
        } finally { unlock(); }
    }

    /** Replaces the whole content (used by sort, reverse and slice assignment). */
    public void replaceAll(Object[] content) {
        lock();
        try {
            items = content.length == 0 ? new Object[4] : content;
            size = content.length;
        } finally { unlock(); }
    }

    /** The elements {@code s} selects, copied in O(len of the slice), not O(size). */
    public Object[] slice(SliceValue s) {
        lock();
        try {
            long[] ix = s.indices(size);
            Object[] out = new Object[(int) ix[3]];
            if (ix[2] == 1) System.arraycopy(items, (int) ix[0], out, 0, out.length);
            else for (int k = 0; k < out.length; k++) out[k] = items[(int) (ix[0] + k * ix[2])];
            return out;
        } finally { unlock(); }
    }

    /** {@code xs[a:b:c] = vs} for an extended slice (step != 1): O(len of the slice). */
    public void assignExtended(SliceValue s, Object[] vs) {
        lock();
        try {
            long[] ix = s.indices(size);
            if (vs.length != ix[3]) {
                throw Errors.value("attempt to assign sequence of size " + vs.length + " to extended slice of size " + ix[3]);
            }
            for (int k = 0; k < vs.length; k++) items[(int) (ix[0] + k * ix[2])] = vs[k];
        } finally { unlock(); }
    }

    /** Removes the element at {@code i} if it is still {@code expected} (list.remove after an unlocked search). */
    public boolean removeIfAt(int i, Object expected) {
        lock();
        try {
            if (i >= size || items[i] != expected) return false;
            System.arraycopy(items, i + 1, items, i, size - i - 1);
            items[--size] = null;
            return true;
        } finally { unlock(); }
    }

    /** Reverses in place. */
    public void reverse() {
        lock();
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
        lock();
        try { return Arrays.copyOf(items, size); } finally { unlock(); }
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
