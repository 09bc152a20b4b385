package dev.skein.concurrent;

import dev.skein.runtime.Builtin;
import dev.skein.runtime.Callable;
import dev.skein.runtime.Containers;
import dev.skein.runtime.ErrorValue;
import dev.skein.runtime.Errors;
import dev.skein.runtime.SkeinError;
import dev.skein.runtime.SkeinIterator;
import dev.skein.runtime.ThreadState;
import dev.skein.runtime.Values;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * {@code map fn over xs, ys [to pool] [chunk n] [unordered] [timeout t] [buffer b]}: lazy and
 * bounded. It pulls inputs only as results are consumed, keeping at most {@code buffer} tasks in
 * flight, so huge or endless inputs work in bounded memory. Results come in input order (or
 * completion order with {@code unordered}); an item's error is raised when its turn comes.
 * Leaving the loop early cancels the tasks still in flight.
 */
public final class MapIterator implements SkeinIterator, Values.Named {
    /** One item's outcome inside a chunk: its value, or its error. */
    public record ItemOutcome(Object value, ErrorValue error) {}

    private final ThreadState ts;
    private final Pool pool;
    private final Object fn;
    private final SkeinIterator[] inputs;
    private final int chunk;
    private final boolean unordered;
    private final Double timeout;
    private final int maxInFlight;
    private final String site;
    private final ArrayDeque<Future> inFlight = new ArrayDeque<>();
    private final LinkedBlockingQueue<Future> completedQueue = new LinkedBlockingQueue<>();
    private boolean exhausted;
    /** Items handed to the pool so far: the index in the whole input of the next task's first item. */
    private long itemsSubmitted;
    private Object[] currentChunk;
    private int chunkIndex;
    /** The open maps of the with block it was made in, until it ends, is closed or raises; null if none. */
    private OpenMaps openIn;

    public MapIterator(ThreadState ts, Pool pool, Object fn, Object[] iterables, Long chunk, boolean unordered,
                       Double timeout, Long buffer, String site) {
        if (!(fn instanceof Callable)) throw Errors.type("map needs a function, not " + Values.typeName(fn));
        if (pool.isClosed()) throw Errors.of(dev.skein.runtime.ErrorKind.POOL_CLOSED, pool + " is shut down; it takes no new tasks");
        this.ts = ts;
        this.pool = pool;
        this.fn = fn;
        this.inputs = new SkeinIterator[iterables.length];
        for (int i = 0; i < iterables.length; i++) inputs[i] = Containers.iter(iterables[i]);
        int c = chunk == null ? pool.defaultChunk(iterables) : (int) Math.min(Integer.MAX_VALUE, chunk);
        if (c < 1) throw Errors.value("chunk must be at least 1");
        this.chunk = c;
        this.unordered = unordered;
        this.timeout = timeout;
        long b = buffer == null ? pool.defaultBuffer() : buffer;
        if (b < 1) throw Errors.value("buffer must be at least 1");
        this.maxInFlight = (int) Math.min(b, 1 << 20);
        this.site = site;
        this.exhausted = iterables.length == 0;   // no inputs, no tasks, no results (as Executor.map)
        if (!exhausted && ts.inWithBlockOf(pool)) {   // finished by the block if not read to its end in it
            openIn = pool.openMaps;
            openIn.add(this);
        } else {
            openIn = null;
        }
    }

    @Override public Object next() {
        try {
            return nextResult();
        } catch (SkeinError e) {
            ended();   // its reader has seen it fail: the with block leaves the rest to them
            throw e;
        }
    }

    private Object nextResult() {
        while (true) {
            if (currentChunk != null && chunkIndex < currentChunk.length) return unwrap(currentChunk[chunkIndex++]);
            currentChunk = null;
            fill();
            Future f = nextFinished();
            if (f == null) return ended();
            Object r = Waiting.await(ts, f, null, site);
            fill();
            if (chunk == 1) return r;
            currentChunk = (Object[]) r;
            chunkIndex = 0;
        }
    }

    private Object ended() {
        if (openIn != null) {
            openIn.remove(this);
            openIn = null;
        }
        return DONE;
    }

    private Future nextFinished() {
        if (!unordered) return inFlight.poll();
        if (inFlight.isEmpty()) return null;
        try {
            Future f;
            while ((f = completedQueue.poll(50, TimeUnit.MILLISECONDS)) == null) ts.poll();
            inFlight.remove(f);
            return f;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Errors.limit(dev.skein.runtime.ErrorKind.CANCELLED, "interrupted while waiting for map results");
        }
    }

    private static Object unwrap(Object o) {
        ItemOutcome item = (ItemOutcome) o;
        if (item.error() != null) throw new SkeinError(item.error().copyForRethrow());
        return item.value();
    }

    /** Submits tasks until the buffer is full or the inputs run out. */
    private void fill() {
        while (!exhausted && inFlight.size() < maxInFlight) {
            List<Object[]> batch = new ArrayList<>(chunk);
            while (batch.size() < chunk) {
                Object[] args = nextArgs();
                if (args == null) { exhausted = true; break; }
                batch.add(args);
            }
            if (batch.isEmpty()) return;
            Future f = chunk == 1
                    ? pool.submit(ts, fn, batch.get(0), null, timeout, site, itemsSubmitted)
                    : pool.submitBatch(ts, fn, batch, itemsSubmitted, timeout, site);
            itemsSubmitted += batch.size();
            inFlight.add(f);
            if (unordered) f.whenDone(() -> completedQueue.add(f));
        }
    }

    private Object[] nextArgs() {
        Object[] args = new Object[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            Object v = inputs[i].next();
            if (v == DONE) return null;
            args[i] = v;
        }
        return args;
    }

    /** One task that calls {@code fn} on each item of a chunk, recording each item's own outcome. */
    static Callable chunkRunner(Object fn, List<Object[]> batch) {
        String name = fn instanceof Callable c ? c.name() : "map";
        return new Builtin(name, "", (taskTs, a) -> {
            Object[] out = new Object[batch.size()];
            for (int i = 0; i < out.length; i++) {
                try {
                    out[i] = new ItemOutcome(Values.call(taskTs, fn, batch.get(i), null), null);
                } catch (SkeinError e) {
                    if (e.isLimit() || taskTs.isInterrupted()) throw e;   // cancelled or timed out: the whole chunk stops
                    out[i] = new ItemOutcome(null, e.value());
                }
            }
            return out;
        });
    }

    /** Leaving the loop: nothing more is delivered, whatever the chunk size (the rest of a chunk is dropped). */
    @Override public void close() {
        exhausted = true;
        currentChunk = null;
        for (Future f : inFlight) f.cancel();
        inFlight.clear();
        ended();
    }

    @Override public String typeName() { return "map"; }

    @Override public String toString() { return "<map over " + pool + ">"; }
}
