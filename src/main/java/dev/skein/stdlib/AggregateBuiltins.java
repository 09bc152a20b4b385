package dev.skein.stdlib;

import dev.skein.runtime.Arith;
import dev.skein.runtime.Bytes;
import dev.skein.runtime.Containers;
import dev.skein.runtime.ErrorKind;
import dev.skein.runtime.Errors;
import dev.skein.runtime.Interpreter;
import dev.skein.runtime.SkeinError;
import dev.skein.runtime.SkeinIterator;
import dev.skein.runtime.SkeinList;
import dev.skein.runtime.ThreadState;
import dev.skein.runtime.Values;

import static dev.skein.stdlib.Builtins.def;
import static dev.skein.stdlib.Builtins.def1;
import static dev.skein.stdlib.Builtins.def2;

/** Builtins that consume a whole iterable: sorted, sum, min, max, any, all. */
final class AggregateBuiltins {
    private AggregateBuiltins() {}

    static void install(Interpreter.Builder b) {
        def(b, "sorted", "iterable, *, key=?, reverse=?", (ts, a) -> {
            Object[] items = Iter.toArray(ts, a[0]);
            Sorting.sort(ts, items, Args.or(a[1], null), Args.truthy(a[2], false));
            return SkeinList.wrap(items);
        });
        def2(b, "sum", "iterable, start=?", (ts, a0, a1) -> sum(ts, a0, Args.or(a1, 0L)));
        def(b, "min", "*args, key=?, default=?", (ts, a) -> extreme(ts, "min", (Object[]) a[0], a[1], a[2]));
        def(b, "max", "*args, key=?, default=?", (ts, a) -> extreme(ts, "max", (Object[]) a[0], a[1], a[2]));
        def1(b, "any", "iterable", (ts, a0) -> {
            SkeinIterator it = Containers.iter(a0);
            long n = 0;
            for (Object v = it.next(); v != SkeinIterator.DONE; v = it.next()) {
                if (Values.truthy(v)) return true;
                Iter.tick(ts, ++n);
            }
            return false;
        });
        def1(b, "all", "iterable", (ts, a0) -> {
            SkeinIterator it = Containers.iter(a0);
            long n = 0;
            for (Object v = it.next(); v != SkeinIterator.DONE; v = it.next()) {
                if (!Values.truthy(v)) return false;
                Iter.tick(ts, ++n);
            }
            return true;
        });
    }

    private static Object sum(ThreadState ts, Object iterable, Object start) {
        if (start instanceof String) throw Errors.type("sum() can't sum strings [use ''.join(seq) instead]");
        if (start instanceof Bytes) throw Errors.type("sum() can't sum bytes [use b''.join(seq) instead]");
        SkeinIterator it = Containers.iter(iterable);
        Object total = start;
        long n = 0;
        for (Object v = it.next(); v != SkeinIterator.DONE; v = it.next()) {
            if (total instanceof Long x && v instanceof Long y) {
                long r = x + y;
                total = ((x ^ r) & (y ^ r)) < 0 ? Arith.add(x, y) : (Object) r;
            } else {
                total = Arith.add(total, v);
            }
            Iter.tick(ts, ++n);
        }
        return total;
    }

    /** min / max over one iterable or several arguments; the first of equal extremes wins. */
    private static Object extreme(ThreadState ts, String fn, Object[] args, Object keySlot, Object dflt) {
        if (args.length == 0) throw Errors.type(fn + " expected at least 1 argument, got 0");
        if (args.length > 1 && Args.given(dflt)) {
            throw Errors.type("Cannot specify a default for " + fn + "() with multiple positional arguments");
        }
        SkeinIterator it = args.length == 1 ? Containers.iter(args[0]) : SkeinIterator.over(args);
        Object key = Args.or(keySlot, null);
        boolean max = fn.equals("max");
        Object best = SkeinIterator.DONE, bestKey = null;
        long n = 0;
        for (Object v = it.next(); v != SkeinIterator.DONE; v = it.next()) {
            Object k = key == null ? v : ts.call(key, v);
            if (best == SkeinIterator.DONE || (max ? greater(k, bestKey) : Values.lt(k, bestKey))) {
                best = v;
                bestKey = k;
            }
            Iter.tick(ts, ++n);
        }
        if (best != SkeinIterator.DONE) return best;
        if (Args.given(dflt)) return dflt;
        throw Errors.value(fn + "() arg is an empty sequence");
    }

    /** {@code a > b}, with Python's wording when the two cannot be ordered. */
    private static boolean greater(Object a, Object b) {
        try {
            return Values.gt(a, b);
        } catch (SkeinError e) {
            if (e.kind() != ErrorKind.TYPE || !e.value().message().startsWith("'<' not supported")) throw e;
            throw Errors.type("'>' not supported between instances of '" + Values.typeName(a) + "' and '" + Values.typeName(b) + "'");
        }
    }
}
