package dev.skein.stdlib;

import dev.skein.runtime.Builtin;
import dev.skein.runtime.Convert;
import dev.skein.runtime.Errors;
import dev.skein.runtime.Missing;
import dev.skein.runtime.SkeinList;
import dev.skein.runtime.ThreadState;
import dev.skein.runtime.Values;

import java.util.Map;

/**
 * The methods of list. Each mutation is one atomic list operation; methods that compare
 * elements (index, count, remove) read them one at a time outside the list's lock, as CPython
 * does; sort works on a snapshot (its key function runs unlocked) and writes the result back.
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
                for (int i = 0; ; i++) {   // unlocked search: remove what was found only if it is still there
                    Object v = l.getOr(i, Missing.MISSING);
                    if (v == Missing.MISSING) throw Errors.value("list.remove(x): x not in list");
                    if (v == a[1] || Values.eq(v, a[1])) {
                        if (l.removeIfAt(i, v)) return null;
                        i--;   // the list changed meanwhile: look at position i again
                    }
                    Iter.tick(ts, i + 1);
                }
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
                long n = 0;
                for (int i = 0; ; i++) {
                    Object v = l.getOr(i, Missing.MISSING);
                    if (v == Missing.MISSING) return n;
                    if (Values.eq(v, a[1])) n++;
                    Iter.tick(ts, i + 1);
                }
            })
            .def("sort", "*, key=?, reverse=?", (ts, a) -> {
                SkeinList l = self(a);
                Object[] items = l.snapshot();
                Sorting.sort(ts, items, Args.or(a[1], null), Args.truthy(a[2], false));   // keys run unlocked
                l.replaceAll(items);
                return null;
            })
            .def("reverse", "", (ts, a) -> { self(a).reverse(); return null; })
            .def("copy", "", (ts, a) -> SkeinList.wrap(self(a).snapshot()))
            .def("clear", "", (ts, a) -> { self(a).clear(); return null; })
            .build();

    private static SkeinList self(Object[] a) { return (SkeinList) a[0]; }

    /** The first position in [from, to) holding a value equal to {@code x}, or -1; reads element by element. */
    private static int indexOf(ThreadState ts, SkeinList l, Object x, int from, int to) {
        for (int i = from; i < to; i++) {
            Object v = l.getOr(i, Missing.MISSING);
            if (v == Missing.MISSING) return -1;
            if (v == x || Values.eq(v, x)) return i;
            Iter.tick(ts, i + 1);
        }
        return -1;
    }
}
