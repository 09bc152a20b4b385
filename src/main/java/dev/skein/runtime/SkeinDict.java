package dev.skein.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Skein's dict: insertion ordered, every operation atomic (see {@link Guarded}). Keys must be
 * hashable: none, bools, numbers, strings, bytes, records and errors; lists, dicts and sets are not.
 */
public final class SkeinDict extends Guarded {
    /** Keyed by canonical key ({@link Values#canonicalKey}): 1, 1.0 and true are one key, as in Python. */
    private final LinkedHashMap<Object, Object> map;
    /** The key as first inserted, where it differs from its canonical form (rare: floats, bools). */
    private java.util.HashMap<Object, Object> originals;

    private static Object canon(Object key) {
        return key instanceof Long || key instanceof String ? key : Values.canonicalKey(key);
    }

    private Object original(Object canonical) {
        return originals == null ? canonical : originals.getOrDefault(canonical, canonical);
    }

    private void remember(Object canonical, Object key) {
        if (canonical != key && !map.containsKey(canonical)) {
            if (originals == null) originals = new java.util.HashMap<>();
            originals.put(canonical, key);
        }
    }

    private void forget(Object canonical) {
        if (originals != null) originals.remove(canonical);
    }

    public SkeinDict() { map = new LinkedHashMap<>(); }

    public SkeinDict(int capacity) { map = new LinkedHashMap<>(Math.max(4, capacity * 4 / 3 + 1)); }

    public int size() {
        readLock();
        try { return map.size(); } finally { readUnlock(); }
    }

    /** The value for {@code key}, or {@code dflt} when absent. */
    public Object getOr(Object key, Object dflt) {
        Hashing.check(key);
        Object k = canon(key);
        Object seen = readOptimistically(k);
        if (seen != null) return seen == Missing.MISSING ? dflt : seen;
        readLock();
        try {
            Object v = map.getOrDefault(k, Missing.MISSING);
            return v == Missing.MISSING ? dflt : v;
        } finally { readUnlock(); }
    }

    /**
     * The value for a canonical key read without the lock ({@link Guarded#readStamp}), kept if no
     * write happened meanwhile: threads reading one shared dict then do not contend for its lock
     * (an atomic instruction each, and the lock's cache line moving between cores). Only for int
     * and str keys, whose hashing and equality run no other code. {@link Missing#MISSING} when
     * absent; null when the read must be made again under the lock (the value may be none too).
     */
    private Object readOptimistically(Object k) {
        if (!(k instanceof Long || k instanceof String)) return null;
        int stamp = readStamp();
        Object v;
        try {
            v = map.getOrDefault(k, Missing.MISSING);
        } catch (RuntimeException raced) {   // a write rebuilt the table under the read
            return null;
        }
        return v != null && unchangedSince(stamp) ? v : null;
    }

    /** {@code d[key]}: raises KeyError when absent. */
    public Object get(Object key) {
        Object v = getOr(key, Missing.MISSING);
        if (v == Missing.MISSING) throw Errors.key(Convert.repr(key));
        return v;
    }

    public boolean containsKey(Object key) {
        Hashing.check(key);
        Object k = canon(key);
        readLock();
        try { return map.containsKey(k); } finally { readUnlock(); }
    }

    public void put(Object key, Object value) {
        Hashing.check(key);
        Object k = canon(key);
        lock();
        try {
            if (k != key) remember(k, key);
            map.put(k, value);
        } finally { unlock(); }
    }

    /** Sets key to value only when absent; returns the value now stored. */
    public Object putIfAbsent(Object key, Object value) {
        Hashing.check(key);
        Object k = canon(key);
        lock();
        try {
            Object old = map.getOrDefault(k, Missing.MISSING);
            if (old != Missing.MISSING) return old;
            if (k != key) remember(k, key);
            map.put(k, value);
            return value;
        } finally { unlock(); }
    }

    /** Removes key; returns its value or {@code dflt} when absent. */
    public Object remove(Object key, Object dflt) {
        Hashing.check(key);
        Object k = canon(key);
        lock();
        try {
            if (!map.containsKey(k)) return dflt;
            Object v = map.remove(k);
            forget(k);
            return v;
        } finally { unlock(); }
    }

    /** Removes and returns the last inserted entry as [key, value], or null when empty. */
    public Object[] popLast() {
        lock();
        try {
            if (map.isEmpty()) return null;
            Map.Entry<Object, Object> last = map.lastEntry();
            map.remove(last.getKey());
            Object key = original(last.getKey());
            forget(last.getKey());
            return new Object[] {key, last.getValue()};
        } finally { unlock(); }
    }

    public void clear() {
        lock();
        try {
            map.clear();
            originals = null;
        } finally { unlock(); }
    }

    public void putAll(SkeinDict other) {
        if (other == this) return;
        Object[] kv = other.entriesSnapshot();
        lock();
        try {
            for (int i = 0; i < kv.length; i += 2) {
                Object k = canon(kv[i]);
                if (k != kv[i]) remember(k, kv[i]);
                map.put(k, kv[i + 1]);
            }
        } finally { unlock(); }
    }

    public Object[] keysSnapshot() {
        readLock();
        try {
            Object[] keys = map.keySet().toArray();
            if (originals != null) for (int i = 0; i < keys.length; i++) keys[i] = original(keys[i]);
            return keys;
        } finally { readUnlock(); }
    }

    public Object[] valuesSnapshot() {
        readLock();
        try { return map.values().toArray(); } finally { readUnlock(); }
    }

    /** Keys and values interleaved: k0, v0, k1, v1, … */
    public Object[] entriesSnapshot() {
        readLock();
        try {
            Object[] out = new Object[map.size() * 2];
            int i = 0;
            for (Map.Entry<Object, Object> e : map.entrySet()) {
                out[i++] = original(e.getKey());
                out[i++] = e.getValue();
            }
            return out;
        } finally { readUnlock(); }
    }

    public SkeinDict copy() {
        SkeinDict d = new SkeinDict(size());
        d.putAll(this);
        return d;
    }

    /** A plain Java copy, for host conversion. */
    public List<Map.Entry<Object, Object>> entryList() {
        Object[] kv = entriesSnapshot();
        List<Map.Entry<Object, Object>> out = new ArrayList<>(kv.length / 2);
        for (int i = 0; i < kv.length; i += 2) out.add(new java.util.AbstractMap.SimpleImmutableEntry<>(kv[i], kv[i + 1]));
        return out;
    }

    @Override public boolean equals(Object o) { return o instanceof SkeinDict d && Values.eq(this, d); }

    @Override public int hashCode() { throw Errors.type("unhashable type: 'dict'"); }

    @Override public String toString() { return Convert.repr(this); }
}
