package dev.skein.stdlib;

import dev.skein.runtime.Builtin;
import dev.skein.runtime.Convert;
import dev.skein.runtime.Errors;
import dev.skein.runtime.Missing;
import dev.skein.runtime.SkeinSet;
import dev.skein.runtime.ThreadState;

import java.util.Map;

/**
 * The methods of set. The "other" arguments may be any iterables, as in Python. Results keep
 * the receiver's insertion order; each in-place update is one atomic operation on the receiver.
 */
final class SetMethods {
    private SetMethods() {}

    static final Map<String, Builtin> METHODS = new MethodTable("set")
            .def2("add", "element", (ts, a0, a1) -> { self(a0).add(a1); return null; })
            .def2("remove", "element", (ts, a0, a1) -> {
                if (!self(a0).remove(a1)) throw Errors.key(Convert.repr(a1));
                return null;
            })
            .def2("discard", "element", (ts, a0, a1) -> { self(a0).remove(a1); return null; })
            .def1("pop", "", (ts, a0) -> {
                Object v = self(a0).popFirst();
                if (v == Missing.MISSING) throw Errors.key("pop from an empty set");
                return v;
            })
            .def1("clear", "", (ts, a0) -> { self(a0).clear(); return null; })
            .def1("copy", "", (ts, a0) -> self(a0).copy())
            .def("union", "*others", (ts, a) -> {
                SkeinSet out = self(a).copy();
                for (Object other : others(a)) out.addAll(Iter.toArray(ts, other));
                return out;
            })
            .def("update", "*others", (ts, a) -> {
                for (Object other : others(a)) self(a).addAll(Iter.toArray(ts, other));
                return null;
            })
            .def("intersection", "*others", (ts, a) -> filtered(ts, self(a), others(a), true))
            .def("difference", "*others", (ts, a) -> filtered(ts, self(a), others(a), false))
            .def("intersection_update", "*others", (ts, a) -> { keepOnlyIn(ts, self(a), others(a)); return null; })
            .def("difference_update", "*others", (ts, a) -> { self(a).removeAll(allOf(ts, others(a))); return null; })
            .def2("symmetric_difference", "other", (ts, a0, a1) -> {
                SkeinSet s = self(a0), other = asSet(ts, a1);
                SkeinSet out = new SkeinSet();
                for (Object v : s.snapshot()) if (!other.contains(v)) out.add(v);
                for (Object v : other.snapshot()) if (!s.contains(v)) out.add(v);
                return out;
            })
            .def2("symmetric_difference_update", "other", (ts, a0, a1) -> {
                self(a0).toggleAll(asSet(ts, a1).snapshot());
                return null;
            })
            .def2("issubset", "other", (ts, a0, a1) -> containsAll(asSet(ts, a1), self(a0).snapshot()))
            .def2("issuperset", "other", (ts, a0, a1) -> containsAll(self(a0), Iter.toArray(ts, a1)))
            .def2("isdisjoint", "other", (ts, a0, a1) -> {
                SkeinSet s = self(a0);
                for (Object v : Iter.toArray(ts, a1)) if (s.contains(v)) return false;
                return true;
            })
            .build();

    private static SkeinSet self(Object[] a) { return (SkeinSet) a[0]; }

    private static SkeinSet self(Object o) { return (SkeinSet) o; }

    private static Object[] others(Object[] a) { return (Object[]) a[1]; }

    /** The argument as a set, for membership tests (a set is used as it is). */
    private static SkeinSet asSet(ThreadState ts, Object iterable) {
        if (iterable instanceof SkeinSet s) return s;
        SkeinSet s = new SkeinSet();
        s.addAll(Iter.toArray(ts, iterable));
        return s;
    }

    /** The receiver's elements that are in every other (keep) or in none of them (!keep). */
    private static SkeinSet filtered(ThreadState ts, SkeinSet self, Object[] others, boolean keep) {
        SkeinSet[] sets = new SkeinSet[others.length];
        for (int i = 0; i < sets.length; i++) sets[i] = asSet(ts, others[i]);
        SkeinSet out = new SkeinSet();
        for (Object v : self.snapshot()) if (inAll(sets, v, keep)) out.add(v);
        return out;
    }

    /** The elements of every iterable in {@code others}, read before the receiver's lock is taken (a set may be its own other). */
    private static Object[] allOf(ThreadState ts, Object[] others) {
        if (others.length == 1) return Iter.toArray(ts, others[0]);
        java.util.List<Object> all = new java.util.ArrayList<>();
        for (Object other : others) java.util.Collections.addAll(all, Iter.toArray(ts, other));
        return all.toArray();
    }

    /** intersection_update: one atomic removal; the others are read first, so no other set's lock is taken while the receiver's is held. */
    private static void keepOnlyIn(ThreadState ts, SkeinSet self, Object[] others) {
        java.util.List<java.util.Set<Object>> sets = new java.util.ArrayList<>();
        for (Object other : others) sets.add(SkeinSet.canonicalOf(Iter.toArray(ts, other)));
        self.removeIf(c -> {
            for (java.util.Set<Object> s : sets) if (!s.contains(c)) return true;
            return false;
        });
    }

    /** keep: v is in every set; !keep: v is in no set. */
    private static boolean inAll(SkeinSet[] sets, Object v, boolean keep) {
        for (SkeinSet s : sets) if (s.contains(v) != keep) return false;
        return true;
    }

    private static boolean containsAll(SkeinSet s, Object[] values) {
        for (Object v : values) if (!s.contains(v)) return false;
        return true;
    }
}
