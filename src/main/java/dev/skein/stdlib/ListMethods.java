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
            .def("append", "object", (ts, a) -> { self(a).append(a[1]); return null; })
            .def("extend", "iterable", (ts, a) -> { self(a).appendAll(Iter.toArray(ts, a[1])); return null; })
            .def("insert", "index, object", (ts, a) -> { self(a).insert(Args.index(a[1]), a[2]); return null; })
            .def("pop", "index=?", (ts, a) -> self(a).pop(Args.index(a[1], -1)))
            .def("remove", "value", (ts, a) -> {
                SkeinList l = self(a);
                if (SkeinList.plain(a[1])) {
                    if (l.removePlain(a[1])) return null;
                    throw Errors.value("list.remove(x): x not in list");
                }
                long[] seen = {0};
                if (l.find(v -> matches(ts, v, a[1], ++seen[0]), 0, Integer.MAX_VALUE, true) < 0) {
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
            .def("count", "value", (ts, a) -> {
                SkeinList l = self(a);
                if (SkeinList.plain(a[1])) return l.countPlain(a[1]);
                long[] seen = {0};
                return l.count(v -> matches(ts, v, a[1], ++seen[0]));
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
            .def("reverse", "", (ts, a) -> { self(a).reverse(); return null; })
            .def("copy", "", (ts, a) -> SkeinList.wrap(self(a).snapshot()))
            .def("clear", "", (ts, a) -> { self(a).clear(); return null; })
            .build();

    private static SkeinList self(Object[] a) { return (SkeinList) a[0]; }

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
