package dev.skein.stdlib;

import dev.skein.runtime.Arith;
import dev.skein.runtime.Bytes;
import dev.skein.runtime.CodePoints;
import dev.skein.runtime.Containers;
import dev.skein.runtime.ErrorKind;
import dev.skein.runtime.Errors;
import dev.skein.runtime.Interpreter;
import dev.skein.runtime.RangeValue;
import dev.skein.runtime.SkeinDict;
import dev.skein.runtime.SkeinIterator;
import dev.skein.runtime.SkeinList;
import dev.skein.runtime.ThreadState;
import dev.skein.runtime.Values;

import java.math.BigInteger;

import static dev.skein.stdlib.Builtins.def;
import static dev.skein.stdlib.Builtins.def1;
import static dev.skein.stdlib.Builtins.def2;

/**
 * Builtins that make or step iterators: len, range, iter, next, reversed, and the lazy
 * enumerate, zip and filter. The lazy ones are used by one thread at a time, like every iterator.
 */
final class IterationBuiltins {
    private IterationBuiltins() {}

    static void install(Interpreter.Builder b) {
        def1(b, "len", "obj", (ts, a0) -> a0 instanceof String s ? (long) CodePoints.of(ts, s).length() : Containers.len(a0));
        def(b, "range", "*args", (ts, a) -> range((Object[]) a[0]));
        def1(b, "iter", "iterable", (ts, a0) -> Containers.iter(a0));
        def2(b, "next", "iterator, default=?", (ts, a0, a1) -> {
            if (!(a0 instanceof SkeinIterator it)) throw Errors.type("'" + Values.typeName(a0) + "' object is not an iterator");
            Object v = it.next();
            if (v != SkeinIterator.DONE) return v;
            if (Args.given(a1)) return a1;
            throw Errors.of(ErrorKind.STOP_ITERATION, "");
        });
        def1(b, "reversed", "sequence", (ts, a0) -> reversed(a0));
        def2(b, "enumerate", "iterable, start=?", (ts, a0, a1) -> {
            Object start = Args.or(a1, 0L);
            if (!Arith.isInt(start)) throw Errors.type("'" + Values.typeName(start) + "' object cannot be interpreted as an integer");
            return new Enumerate(Containers.iter(a0), start instanceof Boolean ? Arith.pos(start) : start);
        });
        def(b, "zip", "*iterables, strict=?", (ts, a) -> {
            Object[] sources = (Object[]) a[0];
            SkeinIterator[] its = new SkeinIterator[sources.length];
            for (int i = 0; i < its.length; i++) its[i] = Containers.iter(sources[i]);
            return new Zip(its, Args.truthy(a[1], false));
        });
        def2(b, "filter", "function, iterable", (ts, a0, a1) -> new Filter(ts, a0, Containers.iter(a1)));
    }

    private static RangeValue range(Object[] args) {
        if (args.length == 0) throw Errors.type("range expected at least 1 argument, got 0");
        if (args.length > 3) throw Errors.type("range expected at most 3 arguments, got " + args.length);
        long[] v = new long[args.length];
        for (int i = 0; i < v.length; i++) {
            if (args[i] instanceof BigInteger) throw Errors.overflow("range() arguments must fit in 64 bits");
            v[i] = Args.index(args[i]);
        }
        return switch (v.length) {
            case 1 -> new RangeValue(0, v[0], 1);
            case 2 -> new RangeValue(v[0], v[1], 1);
            default -> new RangeValue(v[0], v[1], v[2]);
        };
    }

    private static SkeinIterator reversed(Object seq) {
        if (seq instanceof SkeinList l) return named("reversed", new ReversedList(l));
        if (seq instanceof SkeinDict d) return backwards(d.keysSnapshot());
        if (seq instanceof RangeValue r) {
            long n = r.count();
            return named("reversed", new SkeinIterator() {
                long i = n;   // unsigned
                @Override public Object next() { return i != 0 ? (Object) r.at(--i) : DONE; }
            });
        }
        if (seq instanceof String s) {
            return named("reversed", new SkeinIterator() {
                int i = s.length();
                @Override public Object next() {
                    if (i <= 0) return DONE;
                    int cp = s.codePointBefore(i);
                    i -= Character.charCount(cp);
                    return Character.toString(cp);
                }
            });
        }
        if (seq instanceof Bytes bytes) {
            return named("reversed", new SkeinIterator() {
                int i = bytes.length();
                @Override public Object next() { return i > 0 ? (Object) (long) bytes.get(--i) : DONE; }
            });
        }
        throw Errors.type("'" + Values.typeName(seq) + "' object is not reversible");
    }

    private static SkeinIterator backwards(Object[] items) {
        return named("reversed", new SkeinIterator() {
            int i = items.length;
            @Override public Object next() { return i > 0 ? items[--i] : DONE; }
        });
    }

    /** Gives an anonymous iterator a readable repr. */
    private static SkeinIterator named(String kind, SkeinIterator it) {
        return new SkeinIterator() {
            @Override public Object next() { return it.next(); }
            @Override public String toString() { return "<" + kind + " iterator>"; }
        };
    }

    /** enumerate: [index, value] pairs; the index may grow past 64 bits. */
    private static final class Enumerate implements SkeinIterator {
        private final SkeinIterator source;
        private Object index;

        Enumerate(SkeinIterator source, Object start) {
            this.source = source;
            this.index = start;
        }

        @Override public Object next() {
            Object v = source.next();
            if (v == DONE) return DONE;
            Object i = index;
            index = i instanceof Long l && l < Long.MAX_VALUE ? (Object) (l + 1) : Arith.add(i, 1L);
            return SkeinList.of(i, v);
        }

        @Override public String toString() { return "<enumerate iterator>"; }
    }

    /** zip: lists of one value from each source, ending with the shortest (or an error when strict). */
    private static final class Zip implements SkeinIterator {
        private final SkeinIterator[] sources;
        private final boolean strict;
        private boolean done;

        Zip(SkeinIterator[] sources, boolean strict) {
            this.sources = sources;
            this.strict = strict;
            this.done = sources.length == 0;
        }

        @Override public Object next() {
            if (done) return DONE;
            Object[] row = new Object[sources.length];
            for (int i = 0; i < sources.length; i++) {
                Object v = sources[i].next();
                if (v == DONE) {
                    done = true;
                    if (strict) checkStrict(i);
                    return DONE;
                }
                row[i] = v;
            }
            return SkeinList.wrap(row);
        }

        /** Source {@code i} ended first: every other source must end at the same point. */
        private void checkStrict(int i) {
            if (i > 0) throw Errors.value("zip() argument " + (i + 1) + " is shorter than " + arguments(i));
            for (int j = 1; j < sources.length; j++) {
                if (sources[j].next() != DONE) throw Errors.value("zip() argument " + (j + 1) + " is longer than " + arguments(j));
            }
        }

        private static String arguments(int count) {
            return count == 1 ? "argument 1" : "arguments 1-" + count;
        }

        @Override public String toString() { return "<zip iterator>"; }
    }

    /**
     * filter: the values for which the function (or, when it is none, the value itself) is
     * truthy. The function runs on the ThreadState of the thread that called filter().
     */
    private static final class Filter implements SkeinIterator {
        private final ThreadState ts;
        private final Object predicate;
        private final SkeinIterator source;
        private long skipped;

        Filter(ThreadState ts, Object predicate, SkeinIterator source) {
            this.ts = ts;
            this.predicate = predicate;
            this.source = source;
        }

        @Override public Object next() {
            for (Object v = source.next(); v != DONE; v = source.next()) {
                if (predicate == null ? Values.truthy(v) : Values.truthy(ts.call(predicate, v))) return v;
                Iter.tick(ts, ++skipped);
            }
            return DONE;
        }

        @Override public String toString() { return "<filter iterator>"; }
    }
}
