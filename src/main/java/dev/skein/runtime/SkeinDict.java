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
    private final LinkedHashMap<Object, Object> map;

    public SkeinDict() { map = new LinkedHashMap<>(); }

    public SkeinDict(int capacity) { map = new LinkedHashMap<>(Math.max(4, capacity * 4 / 3 + 1)); }

    public int size() {
        lock();
        try { return map.size(); } finally { unlock(); }
    }

    /** The value for {@code key}, or {@code dflt} when absent. */
    public Object getOr(Object key, Object dflt) {
        Hashing.check(key);
        lock();
        try {
            Object v = map.getOrDefault(key, Missing.MISSING);
            return v == Missing.MISSING ? dflt : v;
        } finally { unlock(); }
    }

    /** {@code d[key]}: raises KeyError when absent. */
    public Object get(Object key) {
        Object v = getOr(key, Missing.MISSING);
        if (v == Missing.MISSING) throw Errors.key(Ops.repr(key));
        return v;
    }

    public boolean containsKey(Object key) {
        Hashing.check(key);
        lock();
        try { return map.containsKey(key); } finally { unlock(); }
    }

    public void put(Object key, Object value) {
        Hashing.check(key);
        lock();
        try { map.put(key, value); } finally { unlock(); }
    }

    /** Sets key to value only when absent; returns the value now stored. */
    public Object putIfAbsent(Object key, Object value) {
        Hashing.check(key);
        lock();
        try {
            Object old = map.getOrDefault(key, Missing.MISSING);
            if (old != Missing.MISSING) return old;
            map.put(key, value);
            return value;
        } finally { unlock(); }
    }

    /** Removes key; returns its value or {@code dflt} when absent. */
    public Object remove(Object key, Object dflt) {
        Hashing.check(key);
        lock();
        try {
            if (!map.containsKey(key)) return dflt;
            return map.remove(key);
        } finally { unlock(); }
    }

    /** Removes and returns the last inserted entry as [key, value], or null when empty. */
    public Object[] popLast() {
        lock();
        try {
            if (map.isEmpty()) return null;
            Map.Entry<Object, Object> last = map.lastEntry();
            map.remove(last.getKey());
            return new Object[] {last.getKey(), last.getValue()};
        } finally { unlock(); }
    }

    public void clear() {
        lock();
        try { map.clear(); } finally { unlock(); }
    }

    public void putAll(SkeinDict other) {
        if (other == this) return;
        Object[] kv = other.entriesSnapshot();
        lock();
        try {
            for (int i = 0; i < kv.length; i += 2) map.put(kv[i], kv[i + 1]);
        } finally { unlock(); }
    }

    public Object[] keysSnapshot() {
        lock();
        try { return map.keySet().toArray(); } finally { unlock(); }
    }

    public Object[] valuesSnapshot() {
        lock();
        try { return map.values().toArray(); } finally { unlock(); }
    }

    /** Keys and values interleaved: k0, v0, k1, v1, … */
    public Object[] entriesSnapshot() {
        lock();
        try {
            Object[] out = new Object[map.size() * 2];
            int i = 0;
            for (Map.Entry<Object, Object> e : map.entrySet()) {
                out[i++] = e.getKey();
                out[i++] = e.getValue();
            }
            return out;
        } finally { unlock(); }
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

    @Override public boolean equals(Object o) { return o instanceof SkeinDict d && Ops.eq(this, d); }

    @Override public int hashCode() { throw Errors.type("unhashable type: 'dict'"); }

    @Override public String toString() { return Ops.repr(this); }
}
