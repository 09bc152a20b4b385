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
            .def3("get", "key, default=?", (ts, a0, a1, a2) -> self(a0).getOr(a1, Args.or(a2, null)))
            .def1("keys", "", (ts, a0) -> SkeinList.wrap(self(a0).keysSnapshot()))
            .def1("values", "", (ts, a0) -> SkeinList.wrap(self(a0).valuesSnapshot()))
            .def1("items", "", (ts, a0) -> items(self(a0)))
            .def3("pop", "key, default=?", (ts, a0, a1, a2) -> {
                Object v = self(a0).remove(a1, a2);
                if (v == Missing.MISSING) throw Errors.key(Convert.repr(a1));
                return v;
            })
            .def1("popitem", "", (ts, a0) -> {
                Object[] kv = self(a0).popLast();
                if (kv == null) throw Errors.key("popitem(): dictionary is empty");
                return SkeinList.wrap(kv);
            })
            .def3("setdefault", "key, default=?", (ts, a0, a1, a2) -> self(a0).putIfAbsent(a1, Args.or(a2, null)))
            .def("update", "*args, **kwargs", (ts, a) -> {
                Object[] args = (Object[]) a[1];
                if (args.length > 1) throw Errors.type("update expected at most 1 argument, got " + args.length);
                if (args.length == 1) updateFrom(ts, self(a), args[0]);
                self(a).putAll((SkeinDict) a[2]);
                return null;
            })
            .def1("copy", "", (ts, a0) -> self(a0).copy())
            .def1("clear", "", (ts, a0) -> { self(a0).clear(); return null; })
            .build();

    private static SkeinDict self(Object[] a) { return (SkeinDict) a[0]; }

    private static SkeinDict self(Object o) { return (SkeinDict) o; }

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
