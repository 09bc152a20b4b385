package dev.skein.runtime;

import java.util.LinkedHashSet;

/** Skein's set: insertion ordered (so output is deterministic), every operation atomic. */
public final class SkeinSet extends Guarded {
    /** Canonical members ({@link Values#canonicalKey}): 1, 1.0 and true are one member, as in Python. */
    private final LinkedHashSet<Object> set;
    /** Members as first added, where they differ from their canonical form. */
    private java.util.HashMap<Object, Object> originals;

    private static Object canon(Object v) {
        return v instanceof Long || v instanceof String ? v : Values.canonicalKey(v);
    }

    private Object original(Object canonical) {
        return originals == null ? canonical : originals.getOrDefault(canonical, canonical);
    }

    public SkeinSet() { set = new LinkedHashSet<>(); }

    public static SkeinSet of(Object... values) {
        SkeinSet s = new SkeinSet();
        for (Object v : values) s.add(v);
        return s;
    }

    public int size() {
        readLock();
        try { return set.size(); } finally { readUnlock(); }
    }

    public boolean contains(Object v) {
        Hashing.check(v);
        Object c = canon(v);
        readLock();
        try { return set.contains(c); } finally { readUnlock(); }
    }

    /** Adds v; true when it was not there before. */
    public boolean add(Object v) {
        Hashing.check(v);
        Object c = canon(v);
        lock();
        try { return addCanonical(c, v); } finally { unlock(); }
    }

    private boolean addCanonical(Object c, Object v) {
        boolean added = set.add(c);
        if (added && c != v) {
            if (originals == null) originals = new java.util.HashMap<>();
            originals.put(c, v);
        }
        return added;
    }

    public boolean remove(Object v) {
        Hashing.check(v);
        Object c = canon(v);
        lock();
        try {
            if (originals != null) originals.remove(c);
            return set.remove(c);
        } finally { unlock(); }
    }

    /** Removes and returns the first element, or MISSING when empty. */
    public Object popFirst() {
        lock();
        try {
            if (set.isEmpty()) return Missing.MISSING;
            Object c = set.iterator().next();
            set.remove(c);
            Object v = original(c);
            if (originals != null) originals.remove(c);
            return v;
        } finally { unlock(); }
    }

    public void clear() {
        lock();
        try {
            set.clear();
            originals = null;
        } finally { unlock(); }
    }

    public void addAll(Object[] values) {
        Object[] canon = canonicalArray(values);
        lock();
        try { for (int i = 0; i < values.length; i++) addCanonical(canon[i], values[i]); } finally { unlock(); }
    }

    /** Removes each of {@code values} that is present, as one atomic operation: O(len(values)), whatever the set's size. */
    public void removeAll(Object[] values) {
        Object[] canon = canonicalArray(values);
        lock();
        try {
            for (Object c : canon) if (set.remove(c) && originals != null) originals.remove(c);
        } finally { unlock(); }
    }

    /** The canonical forms of {@code values}, for membership tests that take no set's lock. */
    public static java.util.Set<Object> canonicalOf(Object[] values) {
        java.util.HashSet<Object> out = new java.util.HashSet<>();
        for (Object v : values) {
            Hashing.check(v);
            out.add(canon(v));
        }
        return out;
    }

    /** Removes, as one atomic operation, the members whose canonical form {@code test} accepts (test must touch no container). */
    public void removeIf(java.util.function.Predicate<Object> test) {
        lock();
        try {
            for (java.util.Iterator<Object> it = set.iterator(); it.hasNext(); ) {
                Object c = it.next();
                if (test.test(c)) {
                    it.remove();
                    if (originals != null) originals.remove(c);
                }
            }
        } finally { unlock(); }
    }

    /** symmetric_difference_update: removes each of the distinct {@code values} present, adds each absent one, atomically. */
    public void toggleAll(Object[] values) {
        Object[] canon = canonicalArray(values);
        lock();
        try {
            for (int i = 0; i < values.length; i++) {
                if (set.remove(canon[i])) {
                    if (originals != null) originals.remove(canon[i]);
                } else {
                    addCanonical(canon[i], values[i]);
                }
            }
        } finally { unlock(); }
    }

    private static Object[] canonicalArray(Object[] values) {
        Object[] canon = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            Hashing.check(values[i]);
            canon[i] = canon(values[i]);
        }
        return canon;
    }

    public Object[] snapshot() {
        readLock();
        try {
            Object[] out = set.toArray();
            if (originals != null) for (int i = 0; i < out.length; i++) out[i] = original(out[i]);
            return out;
        } finally { readUnlock(); }
    }

    public SkeinSet copy() {
        SkeinSet s = new SkeinSet();
        s.addAll(snapshot());
        return s;
    }

    @Override public boolean equals(Object o) { return o instanceof SkeinSet s && Values.eq(this, s); }

    @Override public int hashCode() { throw Errors.type("unhashable type: 'set'"); }

    @Override public String toString() { return Convert.repr(this); }
}
