package dev.skein.stdlib;

import dev.skein.runtime.Builtin;
import dev.skein.runtime.Convert;
import dev.skein.runtime.Errors;
import dev.skein.runtime.SkeinList;
import dev.skein.runtime.ThreadState;
import dev.skein.runtime.Values;

import java.util.Map;

/**
 * The methods of list. Each mutation is one atomic list operation; methods that must look at
 * elements (index, count, remove, sort) work on a snapshot, outside the list's lock.
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
                int i = indexOf(ts, l.snapshot(), a[1], 0, Integer.MAX_VALUE);
                if (i < 0) throw Errors.value("list.remove(x): x not in list");
                l.pop(i);
                return null;
            })
            .def("index", "value, start=?, stop=?", (ts, a) -> {
                Object[] items = self(a).snapshot();
                int[] w = Args.window(a[2], a[3], items.length);
                int i = indexOf(ts, items, a[1], w[0], w[1]);
                if (i < 0) throw Errors.value(Convert.repr(a[1]) + " is not in list");
                return (long) i;
            })
            .def("count", "value", (ts, a) -> {
                Object[] items = self(a).snapshot();
                long n = 0;
                for (int i = 0; i < items.length; i++) {
                    if (Values.eq(items[i], a[1])) n++;
                    Iter.tick(ts, i + 1);
                }
                return n;
            })
            .def("sort", "*, key=?, reverse=?", (ts, a) -> {
                SkeinList l = self(a);
                Object[] items = l.snapshot();
                Sorting.sort(ts, items, Args.or(a[1], null), Args.truthy(a[2], false));   // keys run unlocked
                l.replaceAll(items);
                return null;
            })
            .def("reverse", "", (ts, a) -> {
                SkeinList l = self(a);
                Object[] items = l.snapshot();
                for (int i = 0, j = items.length - 1; i < j; i++, j--) {
                    Object t = items[i];
                    items[i] = items[j];
                    items[j] = t;
                }
                l.replaceAll(items);
                return null;
            })
            .def("copy", "", (ts, a) -> SkeinList.wrap(self(a).snapshot()))
            .def("clear", "", (ts, a) -> { self(a).clear(); return null; })
            .build();

    private static SkeinList self(Object[] a) { return (SkeinList) a[0]; }

    /** The first position in [from, to) holding a value equal to {@code x}, or -1. */
    private static int indexOf(ThreadState ts, Object[] items, Object x, int from, int to) {
        for (int i = from; i < Math.min(to, items.length); i++) {
            if (items[i] == x || Values.eq(items[i], x)) return i;
            Iter.tick(ts, i + 1);
        }
        return -1;
    }
}
