package dev.skein.runtime;

import java.math.BigInteger;

/**
 * The container and iteration protocol: {@code len}, {@code in}, {@code iter}, indexing and
 * slicing (get and set), and arrays of a container's items.
 */
public final class Containers {
    private Containers() {}

    public static long len(Object o) {
        if (o instanceof String s) return CodePoints.length(s);
        if (o instanceof SkeinList l) return l.size();
        if (o instanceof SkeinDict d) return d.size();
        if (o instanceof SkeinSet s) return s.size();
        if (o instanceof Bytes b) return b.length();
        if (o instanceof RangeValue r) return r.length();
        if (o instanceof RecordValue r) return r.size();
        if (o instanceof HostContainer h) return h.length();
        throw Errors.type("object of type '" + Values.typeName(o) + "' has no len()");
    }

    /** {@code item in container}. */
    public static boolean contains(Object container, Object item) {
        if (container instanceof SkeinList l) {
            if (SkeinList.plain(item)) return l.indexOfPlain(item, 0, Integer.MAX_VALUE) >= 0;
            return l.find(v -> v == item || Values.eq(v, item), 0, Integer.MAX_VALUE, false) >= 0;   // no copy of the list
        }
        if (container instanceof SkeinDict d) return isHashable(item) && d.containsKey(item);
        if (container instanceof SkeinSet s) return isHashable(item) && s.contains(item);
        if (container instanceof String s) {
            if (item instanceof String sub) return s.contains(sub);
            throw Errors.type("'in <string>' requires string as left operand, not " + Values.typeName(item));
        }
        if (container instanceof RangeValue r) {
            if (item instanceof Long l) return r.contains(l);
            if (item instanceof Boolean b) return r.contains(b ? 1L : 0L);
            if (item instanceof Double d && d == Math.rint(d) && Math.abs(d) < 0x1p63) return r.contains(d.longValue());
            return false;
        }
        if (container instanceof Bytes b) {
            if (item instanceof Long l) {
                for (int i = 0; i < b.length(); i++) if (b.get(i) == l) return true;
                return false;
            }
            if (item instanceof Bytes sub) return indexOf(b.unsafeArray(), sub.unsafeArray(), 0) >= 0;
        }
        if (container instanceof SkeinIterator || container instanceof RecordValue) {
            SkeinIterator it = iter(container);
            for (Object v = it.next(); v != SkeinIterator.DONE; v = it.next()) if (Values.eq(v, item)) return true;
            return false;
        }
        if (container instanceof HostContainer h) return h.holds(item);
        throw Errors.type("argument of type '" + Values.typeName(container) + "' is not iterable");
    }

    static boolean isHashable(Object o) {
        return !(o instanceof SkeinList || o instanceof SkeinDict || o instanceof SkeinSet);
    }

    public static int indexOf(byte[] hay, byte[] needle, int from) {
        outer:
        for (int i = Math.max(0, from); i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) if (hay[i + j] != needle[j]) continue outer;
            return i;
        }
        return -1;
    }

    public static SkeinIterator iter(Object o) {
        if (o instanceof SkeinList l) {
            return new SkeinIterator() {
                int i;
                @Override public Object next() {
                    Object v = l.getOr(i, DONE);
                    if (v != DONE) i++;
                    return v;
                }
                @Override public String toString() { return "<list iterator>"; }
            };
        }
        if (o instanceof RangeValue r) return r.iterator();
        if (o instanceof SkeinIterator it) return it;
        if (o instanceof SkeinDict d) return SkeinIterator.over("dict", d.keysSnapshot());
        if (o instanceof SkeinSet s) return SkeinIterator.over("set", s.snapshot());
        if (o instanceof String s) {
            return new SkeinIterator() {
                int i;
                @Override public Object next() {
                    if (i >= s.length()) return DONE;
                    int cp = s.codePointAt(i);
                    int n = Character.charCount(cp);
                    String ch = s.substring(i, i + n);
                    i += n;
                    return ch;
                }
                @Override public String toString() { return "<str iterator>"; }
            };
        }
        if (o instanceof Bytes b) {
            return new SkeinIterator() {
                int i;
                @Override public Object next() { return i < b.length() ? (Object) (long) b.get(i++) : DONE; }
                @Override public String toString() { return "<bytes iterator>"; }
            };
        }
        if (o instanceof RecordValue r) {
            Object[] vs = new Object[r.size()];
            for (int i = 0; i < vs.length; i++) vs[i] = r.get(i);
            return SkeinIterator.over(vs);
        }
        if (o instanceof HostContainer h) return h.iterate();
        if (o instanceof Iterable<?> it) {
            java.util.Iterator<?> j = it.iterator();
            return () -> j.hasNext() ? j.next() : SkeinIterator.DONE;
        }
        throw Errors.type("'" + Values.typeName(o) + "' object is not iterable");
    }

    /** All elements of an iterable, as an array (consumes iterators). */
    public static Object[] toArray(Object o) {
        if (o instanceof SkeinList l) return l.snapshot();
        if (o instanceof SkeinSet s) return s.snapshot();
        if (o instanceof SkeinDict d) return d.keysSnapshot();
        java.util.ArrayList<Object> out = new java.util.ArrayList<>();
        SkeinIterator it = iter(o);
        for (Object v = it.next(); v != SkeinIterator.DONE; v = it.next()) out.add(v);
        return out.toArray();
    }

    public static Object getIndex(Object o, Object index) {
        if (o instanceof SkeinList l) {
            if (index instanceof Long i) return l.getPy(i);
            if (index instanceof SliceValue s) return SkeinList.wrap(l.slice(s));
            if (index instanceof Boolean b) return l.getPy(b ? 1 : 0);
            if (index instanceof BigInteger) throw Errors.index("list index out of range");
            throw Errors.type("list indices must be integers or slices, not " + Values.typeName(index));
        }
        if (o instanceof SkeinDict d) return d.get(index);
        if (o instanceof String s) return stringIndex(null, s, index);
        if (o instanceof Bytes b) {
            if (index instanceof Long i) {
                long j = i < 0 ? i + b.length() : i;
                if (j < 0 || j >= b.length()) throw Errors.index("index out of range");
                return (long) b.get((int) j);
            }
            if (index instanceof SliceValue sl) {
                long[] ix = sl.indices(b.length());
                byte[] out = new byte[(int) ix[3]];
                for (int k = 0; k < out.length; k++) out[k] = b.unsafeArray()[(int) (ix[0] + k * ix[2])];
                return Bytes.wrap(out);
            }
            throw Errors.type("byte indices must be integers or slices, not " + Values.typeName(index));
        }
        if (o instanceof RangeValue r) {
            if (index instanceof Long || index instanceof BigInteger || index instanceof Boolean) return r.at(index);
            if (index instanceof SliceValue sl) return r.slice(sl);
            throw Errors.type("range indices must be integers or slices, not " + Values.typeName(index));
        }
        if (o instanceof RecordValue r && index instanceof Long i) {
            long j = i < 0 ? i + r.size() : i;
            if (j < 0 || j >= r.size()) throw Errors.index("record index out of range");
            return r.get((int) j);
        }
        if (o instanceof HostContainer h) return h.item(index);
        throw Errors.type("'" + Values.typeName(o) + "' object is not subscriptable");
    }

    /**
     * {@code s[index]} by code point; {@code ts} (may be null) keeps the index of a long string
     * across the calls of a loop.
     */
    public static String stringIndex(ThreadState ts, String s, Object index) {
        if (index instanceof Long i) return CodePoints.at(ts, s, i);
        if (index instanceof SliceValue sl) return CodePoints.of(ts, s).slice(sl);
        throw Errors.type("string indices must be integers, not " + Values.typeName(index));
    }

    public static void setIndex(Object o, Object index, Object value) {
        if (o instanceof SkeinList l) {
            if (index instanceof Long i) { l.setPy(i, value); return; }
            if (index instanceof SliceValue s) { assignSlice(l, s, value); return; }
            throw Errors.type("list indices must be integers or slices, not " + Values.typeName(index));
        }
        if (o instanceof SkeinDict d) { d.put(index, value); return; }
        throw Errors.type("'" + Values.typeName(o) + "' object does not support item assignment");
    }

    static void assignSlice(SkeinList l, SliceValue s, Object value) {
        Object[] vs = toArray(value);
        if (s.step() != null && Convert.toLong(s.step(), "slice step") != 1) {
            l.assignExtended(s, vs);
            return;
        }
        l.assignSlice(s, vs);
    }
}
