package dev.skein.stdlib;

import dev.skein.runtime.Containers;
import dev.skein.runtime.Allocation;
import dev.skein.runtime.Errors;
import dev.skein.runtime.RangeValue;
import dev.skein.runtime.SkeinDict;
import dev.skein.runtime.SkeinIterator;
import dev.skein.runtime.SkeinList;
import dev.skein.runtime.SkeinSet;
import dev.skein.runtime.ThreadState;

import java.util.Arrays;

/** Consuming iterables from builtins: snapshots for containers, polling loops for the rest. */
final class Iter {
    private Iter() {}

    /** How many elements a loop handles between two cancellation polls. */
    static final int POLL_EVERY = 1024;

    private static final int MAX_ARRAY = Integer.MAX_VALUE - 16;

    /** Polls for cancellation every {@link #POLL_EVERY} steps of a loop counter. */
    static void tick(ThreadState ts, long counter) {
        if ((counter & (POLL_EVERY - 1)) == 0) ts.poll();
    }

    /**
     * All elements of an iterable as a fresh array the caller owns. Containers are copied
     * atomically; iterators are consumed with cancellation polls, so an endless one can be stopped.
     */
    static Object[] toArray(ThreadState ts, Object iterable) {
        if (iterable instanceof SkeinList l) return l.snapshot();
        if (iterable instanceof SkeinSet s) return s.snapshot();
        if (iterable instanceof SkeinDict d) return d.keysSnapshot();
        if (iterable instanceof RangeValue r) {
            long n = r.length();
            Object[] out = Allocation.objects(n, "a list");
            for (int i = 0; i < out.length; i++) {
                tick(ts, i);
                out[i] = r.at(i);
            }
            return out;
        }
        SkeinIterator it = Containers.iter(iterable);
        Object[] out = new Object[16];
        int n = 0;
        for (Object v = it.next(); v != SkeinIterator.DONE; v = it.next()) {
            if (n == out.length) {
                if (n >= MAX_ARRAY) throw Allocation.tooBig("a list", n + 1L);
                try {
                    out = Arrays.copyOf(out, (int) Math.min(MAX_ARRAY, n * 2L));
                } catch (OutOfMemoryError e) {
                    throw Allocation.outOfMemory("a list of " + n + " items");
                }
            }
            out[n++] = v;
            tick(ts, n);
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }
}
