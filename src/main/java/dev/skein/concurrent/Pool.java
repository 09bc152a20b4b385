package dev.skein.concurrent;

import dev.skein.runtime.Builtin;
import dev.skein.runtime.Callable;
import dev.skein.runtime.Convert;
import dev.skein.runtime.ErrorKind;
import dev.skein.runtime.Errors;
import dev.skein.runtime.Missing;
import dev.skein.runtime.ScopedResource;
import dev.skein.runtime.Seconds;
import dev.skein.runtime.SkeinDict;
import dev.skein.runtime.SkeinError;
import dev.skein.runtime.ThreadState;
import dev.skein.runtime.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A pool as scripts see it: submitting, counting, shutting down, {@code with} scoping and the
 * Skein-facing methods. Where tasks run is its {@link Transport}'s business; queueing, workers,
 * retries and timeouts are its {@link Scheduler}'s, the same for every kind of pool.
 */
public final class Pool implements Values.Named, Values.MethodHost, Values.Attributes, ScopedResource {
    private final PoolRegistry registry;
    private final String kind;
    private final int size;
    private final long id;
    private volatile boolean closed;
    private final Set<Future> live = ConcurrentHashMap.newKeySet();
    private final AtomicLong submitted = new AtomicLong(), completed = new AtomicLong(),
            failed = new AtomicLong(), cancelled = new AtomicLong();

    private final Transport transport;
    private final Scheduler scheduler;
    private final CallbackRunner callbacks;
    /** Maps made in this pool's with block and not yet read to their end: the block finishes them. */
    final OpenMaps openMaps = new OpenMaps();

    /**
     * A pool of {@code size} workers of {@code transport} ({@code size} 0: as many as there are
     * tasks); a task whose worker is lost is retried up to {@code retries} times.
     */
    public Pool(PoolRegistry registry, String kind, int size, Transport transport, int retries) {
        this.registry = registry;
        this.kind = kind;
        this.size = size;
        this.transport = transport;
        this.scheduler = new Scheduler(this, transport, size > 0 ? size : Integer.MAX_VALUE, retries);
        this.id = registry.register(this);
        this.callbacks = new CallbackRunner("skein-callbacks-" + kind + "-" + id);
        scheduler.open();
    }

    public Pool(PoolRegistry registry, String kind, int size, Transport transport) {
        this(registry, kind, size, transport, 0);
    }

    /** How this pool reaches its workers. */
    public Transport transport() { return transport; }

    public PoolRegistry registry() { return registry; }

    public int size() { return size; }

    public String kind() { return kind; }

    /** Its number in its registry ("pool #3"). */
    public long id() { return id; }

    public boolean isClosed() { return closed; }

    /** Cancels the unfinished tasks submitted for the entry {@code scope} (see {@link ThreadState#scope()}). */
    void cancelScope(Object scope, Object keep) {
        for (Future f : new ArrayList<>(live)) if (f.scope() == scope && f != keep) f.cancel();
    }

    /** Tasks submitted and not finished, for the REPL's :tasks. */
    public List<Future> liveTasks() { return new ArrayList<>(live); }

    // ------------------------------------------------------------------ submitting and running

    /** Submits a call; the callee and arguments were already evaluated by the submitter. */
    public Future submit(ThreadState ts, Object callee, Object[] args, String[] kwNames, Double timeout, String site) {
        return submit(ts, callee, args, kwNames, timeout, site, -1);
    }

    /** A call that is item {@code item} of a map's input (-1: none), which a PortabilityError names. */
    Future submit(ThreadState ts, Object callee, Object[] args, String[] kwNames, Double timeout, String site, long item) {
        if (closed) throw Errors.of(ErrorKind.POOL_CLOSED, this + " is shut down; it takes no new tasks");
        if (!(callee instanceof Callable)) throw Errors.type("submit needs a function, not " + Values.typeName(callee));
        TaskTrace trace = registry.trace();
        long start = System.nanoTime();   // the task's submit time, and its timeline slice's start
        Object prepared = transport.prepare(ts, callee, args, kwNames, null, item, site);
        Future f = enqueue(ts, callee, args, kwNames, timeout, site, prepared, 0, start);
        if (trace != null) trace.submitted(f, start);
        return f;
    }

    private Future enqueue(ThreadState ts, Object callee, Object[] args, String[] kwNames, Double timeout, String site, Object prepared, int items, long start) {
        Future f = new Future(this, callee, args, kwNames, timeout == null ? 0 : timeout, site, registry.nextTaskId(), ts.scope(), start);
        live.add(f);
        submitted.incrementAndGet();
        scheduler.schedule(f, prepared, items);
        return f;
    }

    /**
     * Submits one task that calls {@code fn} on each argument list of a chunk; its result is an
     * array of {@link MapIterator.ItemOutcome}, one per item, so errors stay per item.
     * {@code firstItem}: the index of the chunk's first item in the map's whole input.
     */
    public Future submitBatch(ThreadState ts, Object fn, java.util.List<Object[]> batch, long firstItem, Double timeout, String site) {
        if (closed) throw Errors.of(ErrorKind.POOL_CLOSED, this + " is shut down; it takes no new tasks");
        TaskTrace trace = registry.trace();
        long start = System.nanoTime();
        Object prepared = transport.prepare(ts, fn, null, null, batch, firstItem, site);
        Future f = enqueue(ts, MapIterator.chunkRunner(fn, batch), new Object[0], null, timeout, site, prepared, batch.size(), start);
        if (trace != null) trace.submitted(f, start);
        return f;
    }

    /** Called when a running task's timeout passes (a process worker running it is ended). */
    void onTimeout(Future f) { scheduler.timeOut(f); }

    /** Runs the task body in the calling thread (in-process transports). */
    Object runTask(ThreadState ts, Object callee, Object[] args, String[] kwNames) {
        return transport.runTask(ts, callee, args, kwNames);
    }

    /** Tasks a {@code map} keeps in flight when it names no {@code buffer}. */
    int defaultBuffer() { return transport.defaultBuffer(size); }

    /** The chunk size of a {@code map} that names none. */
    int defaultChunk(Object[] iterables) { return transport.defaultChunk(iterables, size); }

    /** Whether a worker awaiting a queued task of this pool may run it itself (tasks run in this JVM). */
    public boolean canRunInline() { return transport.inProcess(); }

    /** Called when a running task is cancelled (a process worker running it is ended). */
    void onCancelRunning(Future f) { scheduler.cancelRunning(f); }

    /** Called (once per task, under the task's lock) just before its outcome becomes visible. */
    void taskFinished(Future f, Future.State outcome) {
        if (!live.remove(f)) return;
        switch (outcome) {
            case CANCELLED -> cancelled.incrementAndGet();
            case FAILED -> failed.incrementAndGet();
            default -> completed.incrementAndGet();
        }
    }

    // ------------------------------------------------------------------ shutting down

    /** Stops taking tasks; optionally cancels the live ones; optionally waits for them to finish. */
    public void shutdown(ThreadState ts, boolean wait, boolean cancel) {
        closed = true;
        if (cancel) cancelAll();
        if (wait) awaitIdle(ts);
        if (live.isEmpty()) stopWorkers();
        else registry.stopWhenIdle(this);
    }

    /** Waits until every task of this pool has finished (polling the waiter's interrupt flag). */
    void awaitIdle(ThreadState ts) {
        // A task shutting down its own pool waits for the others, not for itself.
        Object self = ts == null ? null : ts.task();
        while (true) {
            Future any = null;
            for (Future f : live) {
                if (f != self) { any = f; break; }
            }
            if (any == null) {
                // Callbacks of finished tasks still running here may submit more work.
                if (!callbacks.awaitIdle(ts)) return;
                continue;
            }
            any.awaitDone(ts, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50));
        }
    }

    boolean isIdle() { return live.isEmpty() && callbacks.isIdle(); }

    /** Where the on_done callbacks of tasks finished outside their own thread run. */
    CallbackRunner callbackRunner() { return callbacks; }

    /** Cancels queued tasks first, so a worker freed by stopping a running one finds nothing left to start. */
    void cancelAll() {
        List<Future> all = new ArrayList<>(live);
        for (Future f : all) if (f.isPending()) f.cancel();
        for (Future f : all) f.cancel();
    }

    /** Releases threads or processes once no task is left. */
    void stopWorkers() { scheduler.stopWorkers(); }

    @Override public Object enter(ThreadState ts) {
        ts.pushPool(this);
        return this;
    }

    /** Leaving the block: its maps not yet read to their end are finished first (see {@link OpenMaps}). */
    @Override public void exit(ThreadState ts, SkeinError error) {
        ts.popPool(this);
        if (error == null) {
            try {
                openMaps.finish();
            } catch (SkeinError mapError) {
                shutdown(ts, true, true);   // as when the block itself fails: the rest is cancelled
                throw mapError;
            }
        }
        shutdown(ts, true, error != null);
    }

    // ------------------------------------------------------------------ Skein-facing

    @Override public String typeName() { return "pool"; }

    @Override public Object attribute(String name) {
        return switch (name) {
            case "size" -> (long) size;
            case "kind" -> kind;
            case "closed" -> closed;
            default -> Missing.MISSING;
        };
    }

    public SkeinDict stats() {
        SkeinDict d = new SkeinDict();
        d.put("kind", kind);
        d.put("size", (long) size);
        d.put("submitted", submitted.get());
        d.put("completed", completed.get());
        d.put("failed", failed.get());
        d.put("cancelled", cancelled.get());
        long running = live.stream().filter(Future::isRunning).count();
        d.put("running", running);
        d.put("queued", (long) live.size() - running);
        d.put("closed", closed);
        return d;
    }

    @Override public Callable method(String name) {
        return switch (name) {
            case "submit" -> new Builtin("submit", "fn, *args, **kwargs", (ts, a) -> {
                SkeinDict kw = (SkeinDict) a[2];
                Object[] pos = (Object[]) a[1];
                Object[] kwKeys = kw.keysSnapshot();
                Object[] all = new Object[pos.length + kwKeys.length];
                System.arraycopy(pos, 0, all, 0, pos.length);
                String[] names = kwKeys.length == 0 ? null : new String[kwKeys.length];
                for (int i = 0; i < kwKeys.length; i++) {
                    names[i] = (String) kwKeys[i];
                    all[pos.length + i] = kw.get(kwKeys[i]);
                }
                return submit(ts, a[0], all, names, null, "pool.submit");
            });
            case "map" -> new Builtin("map", "fn, *iterables, chunk=?, unordered=?, timeout=?, buffer=?", (ts, a) -> {
                Object[] its = (Object[]) a[1];
                return new MapIterator(ts, this, a[0], its, Missing.is(a[2]) ? null : Convert.toLong(a[2], "chunk"),
                        !Missing.is(a[3]) && Values.truthy(a[3]), Seconds.optional(a[4]),
                        Missing.is(a[5]) ? null : Convert.toLong(a[5], "buffer"), "pool.map");
            });
            case "shutdown" -> new Builtin("shutdown", "wait=?, cancel=?", (ts, a) -> {
                shutdown(ts, Missing.is(a[0]) || Values.truthy(a[0]), !Missing.is(a[1]) && Values.truthy(a[1]));
                return null;
            });
            case "stats" -> new Builtin("stats", "", (ts, a) -> stats());
            default -> null;
        };
    }

    @Override public String toString() {
        return "<pool " + kind + "(" + size + ") #" + id + (closed ? " closed" : "") + ">";
    }

    /** Attribute names, for REPL completion. */
    public static final List<String> MEMBERS = List.of("submit", "map", "shutdown", "stats", "size", "kind", "closed");

    @Override public java.util.Collection<String> methodNames() { return MEMBERS; }
}
