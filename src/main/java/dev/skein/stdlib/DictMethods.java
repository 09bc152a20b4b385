package dev.skein.stdlib;

import dev.skein.runtime.Builtin;
import dev.skein.runtime.Containers;
import dev.skein.runtime.Convert;
import dev.skein.runtime.ErrorKind;
import dev.skein.runtime.Errors;
import dev.skein.runtime.Missing;
import dev.skein.runtime.SkeinDict;
import dev.skein.runtime.SkeinError;
import dev.skein.runtime.SkeinIterator;
import dev.skein.runtime.SkeinList;
import dev.skein.runtime.ThreadState;

import java.util.Map;

/** The methods of dict. keys/values/items return lists (Skein has no views); pairs are lists. */
final class DictMethods {
    private DictMethods() {}

    static final Map<String, Builtin> METHODS = new MethodTable("dict")
            .def("get", "key, default=?", (ts, a) -> self(a).getOr(a[1], Args.or(a[2], null)))
            .def("keys", "", (ts, a) -> SkeinList.wrap(self(a).keysSnapshot()))
            .def("values", "", (ts, a) -> SkeinList.wrap(self(a).valuesSnapshot()))
            .def("items", "", (ts, a) -> items(self(a)))
            .def("pop", "key, default=?", (ts, a) -> {
                Object v = self(a).remove(a[1], a[2]);
                if (v == Missing.MISSING) throw Errors.key(Convert.repr(a[1]));
                return v;
            })
            .def("popitem", "", (ts, a) -> {
                Object[] kv = self(a).popLast();
                if (kv == null) throw Errors.key("popitem(): dictionary is empty");
                return SkeinList.wrap(kv);
            })
            .def("setdefault", "key, default=?", (ts, a) -> self(a).putIfAbsent(a[1], Args.or(a[2], null)))
            .def("update", "*args, **kwargs", (ts, a) -> {
                Object[] args = (Object[]) a[1];
                if (args.length > 1) throw Errors.type("update expected at most 1 argument, got " + args.length);
                if (args.length == 1) updateFrom(ts, self(a), args[0]);
                self(a).putAll((SkeinDict) a[2]);
                return null;
            })
            .def("copy", "", (ts, a) -> self(a).copy())
            .def("clear", "", (ts, a) -> { self(a).clear(); return null; })
            .build();

    private static SkeinDict self(Object[] a) { return (SkeinDict) a[0]; }

    private static SkeinList items(SkeinDict d) {
        Object[] kv = d.entriesSnapshot();
        Object[] pairs = new Object[kv.length / 2];
        for (int i = 0; i < pairs.length; i++) pairs[i] = SkeinList.of(kv[2 * i], kv[2 * i + 1]);
        return SkeinList.wrap(pairs);
    }

    /** dict.update / dict(x): from another dict, or from an iterable of [key, value] pairs. */
    static void updateFrom(ThreadState ts, SkeinDict target, Object source) {
        if (source instanceof SkeinDict other) {
            target.putAll(other);
            return;
        }
        SkeinIterator it = Containers.iter(source);
        long n = 0;
        for (Object element = it.next(); element != SkeinIterator.DONE; element = it.next(), n++) {
            SkeinIterator pair;
            try {
                pair = Containers.iter(element);
            } catch (SkeinError e) {
                if (e.kind() != ErrorKind.TYPE) throw e;
                throw Errors.type("cannot convert dictionary update sequence element #" + n + " to a sequence");
            }
            Object[] kv = new Object[2];
            int size = 0;
            for (Object v = pair.next(); v != SkeinIterator.DONE && size <= 2; v = pair.next()) {
                if (size < 2) kv[size] = v;
                size++;
            }
            if (size != 2) {
                String length = size < 2 ? String.valueOf(size) : lengthOf(element);
                throw Errors.value("dictionary update sequence element #" + n + " has length " + length + "; 2 is required");
            }
            target.put(kv[0], kv[1]);
            Iter.tick(ts, n + 1);
        }
    }

    /** The length of an over-long pair for the error message; an endless one is not counted. */
    private static String lengthOf(Object element) {
        try {
            return String.valueOf(Containers.len(element));
        } catch (SkeinError e) {
            return "more than 2";
        }
    }
}
