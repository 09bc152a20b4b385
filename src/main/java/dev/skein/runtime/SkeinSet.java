package dev.skein.runtime;

import java.util.LinkedHashSet;

/** Skein's set: insertion ordered (so output is deterministic), every operation atomic. */
public final class SkeinSet extends Guarded {
    private final LinkedHashSet<Object> set;

    public SkeinSet() { set = new LinkedHashSet<>(); }

    public static SkeinSet of(Object... values) {
        SkeinSet s = new SkeinSet();
        for (Object v : values) s.add(v);
        return s;
    }

    public int size() {
        lock();
        try { return set.size(); } finally { unlock(); }
    }

    public boolean contains(Object v) {
        Hashing.check(v);
        lock();
        try { return set.contains(v); } finally { unlock(); }
    }

    /** Adds v; true when it was not there before. */
    public boolean add(Object v) {
        Hashing.check(v);
        lock();
        try { return set.add(v); } finally { unlock(); }
    }

    public boolean remove(Object v) {
        Hashing.check(v);
        lock();
        try { return set.remove(v); } finally { unlock(); }
    }

    /** Removes and returns the first element, or MISSING when empty. */
    public Object popFirst() {
        lock();
        try {
            if (set.isEmpty()) return Missing.MISSING;
            Object v = set.iterator().next();
            set.remove(v);
            return v;
        } finally { unlock(); }
    }

    public void clear() {
        lock();
        try { set.clear(); } finally { unlock(); }
    }

    public void addAll(Object[] values) {
        for (Object v : values) Hashing.check(v);
        lock();
        try { for (Object v : values) set.add(v); } finally { unlock(); }
    }

    public Object[] snapshot() {
        lock();
        try { return set.toArray(); } finally { unlock(); }
    }

    public SkeinSet copy() {
        SkeinSet s = new SkeinSet();
        s.addAll(snapshot());
        return s;
    }

    @Override public boolean equals(Object o) { return o instanceof SkeinSet s && Ops.eq(this, s); }

    @Override public int hashCode() { throw Errors.type("unhashable type: 'set'"); }

    @Override public String toString() { return Ops.repr(this); }
}
