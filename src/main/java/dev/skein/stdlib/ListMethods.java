package dev.skein.stdlib;

import dev.skein.runtime.Builtin;
import dev.skein.runtime.Convert;
import dev.skein.runtime.Errors;
import dev.skein.runtime.SkeinList;
import dev.skein.runtime.ThreadState;
import dev.skein.runtime.Values;

import java.util.Map;

/**
 * The methods of list. Each is one atomic list operation. index, count and remove search for a
 * plain value under the lock, and compare other values (which may take locks of their own) one
 * element at a time outside it, as CPython does; sort is a {@link SkeinList#rewrite}, so its key
 * function runs unlocked while other threads' writes wait for it.
 */
final class ListMethods {
    private ListMethods() {}

    static final Map<String, Builtin> METHODS = new MethodTable("list")
            .def2("append", "object", (ts, a0, a1) -> { self(a0).append(a1); return null; })
            .def2("extend", "iterable", (ts, a0, a1) -> { self(a0).appendAll(Iter.toArray(ts, a1)); return null; })
            .def3("insert", "index, object", (ts, a0, a1, a2) -> { self(a0).insert(Args.index(a1), a2); return null; })
            .def2("pop", "index=?", (ts, a0, a1) -> self(a0).pop(Args.index(a1, -1)))
            .def2("remove", "value", (ts, a0, a1) -> {
                SkeinList l = self(a0);
                if (SkeinList.plain(a1)) {
                    if (l.removePlain(a1)) return null;
                    throw Errors.value("list.remove(x): x not in list");
                }
                long[] seen = {0};
                if (l.find(v -> matches(ts, v, a1, ++seen[0]), 0, Integer.MAX_VALUE, true) < 0) {
                    throw Errors.value("list.remove(x): x not in list");
                }
                return null;
            })
            .def("index", "value, start=?, stop=?", (ts, a) -> {
                SkeinList l = self(a);
                int[] w = Args.window(a[2], a[3], l.size());
                int i = indexOf(ts, l, a[1], w[0], w[1]);
                if (i < 0) throw Errors.value(Convert.repr(a[1]) + " is not in list");
                return (long) i;
            })
            .def2("count", "value", (ts, a0, a1) -> {
                SkeinList l = self(a0);
                if (SkeinList.plain(a1)) return l.countPlain(a1);
                long[] seen = {0};
                return l.count(v -> matches(ts, v, a1, ++seen[0]));
            })
            .def("sort", "*, key=?, reverse=?", (ts, a) -> {
                SkeinList l = self(a);
                Object key = Args.or(a[1], null);
                boolean reverse = Args.truthy(a[2], false);
                l.rewrite(items -> {   // keys and comparisons run outside the list's lock
                    Sorting.sort(ts, items, key, reverse);
                    return items;
                });
                return null;
            })
            .def1("reverse", "", (ts, a0) -> { self(a0).reverse(); return null; })
            .def1("copy", "", (ts, a0) -> SkeinList.wrap(self(a0).snapshot()))
            .def1("clear", "", (ts, a0) -> { self(a0).clear(); return null; })
            .build();

    private static SkeinList self(Object[] a) { return (SkeinList) a[0]; }

    private static SkeinList self(Object o) { return (SkeinList) o; }

    /** The first position in [from, to) holding a value equal to {@code x}, or -1. */
    private static int indexOf(ThreadState ts, SkeinList l, Object x, int from, int to) {
        if (SkeinList.plain(x)) return l.indexOfPlain(x, from, to);
        long[] seen = {0};
        return l.find(v -> matches(ts, v, x, ++seen[0]), from, to, false);
    }

    /** Equality as list searches see it (identity first, as CPython); polls for cancellation as it goes. */
    private static boolean matches(ThreadState ts, Object v, Object x, long seen) {
        Iter.tick(ts, seen);
        return v == x || Values.eq(v, x);
    }
}
