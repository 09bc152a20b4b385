package dev.skein.process;

import dev.skein.concurrent.MapIterator.ItemOutcome;
import dev.skein.concurrent.Pool;
import dev.skein.concurrent.PoolRegistry;
import dev.skein.concurrent.Task;
import dev.skein.concurrent.Transport;
import dev.skein.concurrent.Worker;
import dev.skein.concurrent.WorkerEvents;
import dev.skein.interp.ModuleInstance;
import dev.skein.interp.Runner;
import dev.skein.runtime.ErrorKind;
import dev.skein.runtime.ErrorValue;
import dev.skein.runtime.Errors;
import dev.skein.runtime.Interpreter;
import dev.skein.runtime.SkeinError;
import dev.skein.runtime.SkeinIterator;
import dev.skein.runtime.ThreadState;
import dev.skein.runtime.Values;
import dev.skein.syntax.Source;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * {@code processes(n, max_tasks=…, init=…, init_args=[…], retries=…)}: the process transport.
 * Tasks are encoded (and so checked for portability) in the submitting thread and sent over
 * private pipes to worker JVMs; the pool's scheduler does the rest (queueing, retries, replacing
 * workers that retire or die). Cancelling or timing out a running task ends its worker.
 */
public final class ProcessTransport implements Transport, WorkerProcess.Listener {
    /** How a worker process is started: {@link WorkerProcess#start}, or a test's stand-in. */
    @FunctionalInterface
    interface WorkerStarter {
        WorkerProcess start(WorkerConfig config, boolean useCache) throws IOException;
    }

    /** What prepare() makes of a task: its kind ({@link Wire#TASK_CALL} or a chunk), its encoding, the modules it needs. */
    private record Prepared(byte kind, Codec.Out body, Set<ModuleInstance> modules) {}

    private final Interpreter interp;
    private final Runner runner;
    private final int maxTasks;
    private final Prepared init;
    private final WorkerConfig workerConfig;
    /** The host's constants as the CONSTANTS frame each worker reads first, or null when there are none. */
    private final byte[] constantsFrame;
    private final WorkerStarter starter;
    private final Map<String, ModuleInstance> knownModules = new ConcurrentHashMap<>();
    private final List<WorkerProcess> live = new CopyOnWriteArrayList<>();
    private final Thread exitHook = new Thread(this::killAll, "skein-process-pool-exit");
    /**
     * Set when a worker died before it was ready: its replacements start without the AOT
     * cache, which is only a speed-up and must never be why a pool cannot start (some JVM
     * options make the JVM refuse a cache and exit).
     */
    private volatile boolean withoutCache;

    private ProcessTransport(Interpreter interp, int maxTasks, Object initFn, Object[] initArgs, WorkerStarter starter) {
        this.interp = interp;
        this.runner = Runner.of(interp);
        this.maxTasks = maxTasks;
        this.starter = starter;
        this.workerConfig = WorkerConfig.of(interp);
        // A pool whose workers would lack a host constant or extension does not start: say which and why now.
        String missing = HostFunctions.missingExtensions(workerConfig.requiredExtensions(), ClassLoader.getSystemClassLoader());
        if (missing != null) throw Errors.of(ErrorKind.PORTABILITY, "processes: " + missing);
        this.constantsFrame = workerConfig.constants() ? HostConstants.frame(interp, HostConstants.of(interp)) : null;
        this.init = initFn == null ? null : encode(initFn, initArgs, null, null, -1, "init");
        Runtime.getRuntime().addShutdownHook(exitHook);
        ShippedPrograms.of(interp).prepare(runner);
    }

    /** A {@code processes(…)} pool. */
    public static Pool pool(ThreadState ts, int size, int maxTasks, Object initFn, Object[] initArgs, int retries) {
        return pool(ts, size, maxTasks, initFn, initArgs, retries, WorkerProcess::start);
    }

    /** With another way to start workers: tests use it to make starting fail. */
    static Pool pool(ThreadState ts, int size, int maxTasks, Object initFn, Object[] initArgs, int retries, WorkerStarter starter) {
        return pool(ts, "processes", size, maxTasks, initFn, initArgs, retries, starter, null);
    }

    /** A pool of {@code kind} whose workers live elsewhere (a cluster's members), reached through {@code remote}. */
    public static Pool remotePool(ThreadState ts, String kind, int size, int maxTasks, Object initFn, Object[] initArgs, int retries, RemoteWorkers remote) {
        WorkerStarter starter = (config, useCache) -> WorkerProcess.of(remote.start(config.toArgs()), WorkerJvm.startTimeoutSeconds());
        return pool(ts, kind, size, maxTasks, initFn, initArgs, retries, starter, remote);
    }

    private static Pool pool(ThreadState ts, String kind, int size, int maxTasks, Object initFn, Object[] initArgs, int retries, WorkerStarter starter, RemoteWorkers remote) {
        ProcessTransport t = new ProcessTransport(ts.interp(), maxTasks, initFn, initArgs, starter);
        t.remote = remote;
        return new Pool(PoolRegistry.of(ts.interp()), kind, size, t, retries);
    }

    /** Where the workers of a remote pool live, closed with the pool; null for worker processes. */
    private volatile RemoteWorkers remote;

    @Override public boolean inProcess() { return false; }

    @Override public boolean startsEagerly() { return true; }

    @Override public int maxTasksPerWorker() { return maxTasks; }

    /** A cluster member's worker gets its next tasks while it runs one: the round trip to it is hidden. */
    @Override public int window() { return remote == null ? 1 : REMOTE_WINDOW; }

    /** Tasks in flight per remote worker (see {@link Transport#window}); a worker process takes one at a time. */
    static final int REMOTE_WINDOW = 4;

    // ------------------------------------------------------------------ submitting

    @Override public Object prepare(ThreadState ts, Object callee, Object[] args, String[] kwNames, List<Object[]> batch, long firstItem, String site) {
        return encode(callee, args, kwNames, batch, firstItem, site);
    }

    private Prepared encode(Object callee, Object[] args, String[] kwNames, List<Object[]> batch, long firstItem, String site) {
        ValueEncoder enc = ValueEncoder.task(interp, callee, args, kwNames, batch, firstItem, site);
        for (ModuleInstance m : enc.modules()) knownModules.put(m.file(), m);
        return new Prepared(batch == null ? Wire.TASK_CALL : Wire.TASK_CHUNK, enc.out(), Set.copyOf(enc.modules()));
    }

    /** Without a chunk size: from the input length when known (about 8 chunks per worker), else 8. */
    @Override public int defaultChunk(Object[] iterables, int size) {
        long n = Long.MAX_VALUE;
        for (Object it : iterables) {
            if (it instanceof SkeinIterator) return 8;
            try {
                n = Math.min(n, dev.skein.runtime.Containers.len(it));
            } catch (SkeinError unsized) {
                return 8;
            }
        }
        return (int) Math.max(1, Math.min(4096, n / (8L * size)));
    }

    // ------------------------------------------------------------------ workers

    @Override public Worker start(WorkerEvents events) throws IOException {
        WorkerProcess w = starter.start(workerConfig, !withoutCache);
        if (constantsFrame != null) w.send(Wire.CONSTANTS, constantsFrame);   // before anything else it reads
        w.attach(this, events);
        live.add(w);
        return w;
    }

    /** Sends {@code task} to {@code w} (called by the scheduler, which holds its lock). */
    void send(WorkerProcess w, Task task) throws IOException {
        Prepared p = (Prepared) task.payload();
        w.sent.addLast(task);
        sendSources(w, p.modules());
        // A chunk with a timeout has its items reported one by one: the clock runs per item.
        byte kind = p.kind() == Wire.TASK_CHUNK && task.future().timeout() > 0 ? Wire.TASK_CHUNK_EACH_ITEM : p.kind();
        // The timeline wants the worker's times; so does a remote pool's window (how long tasks take there, round trips left out).
        if (remote != null || PoolRegistry.of(interp).trace() != null) kind |= Wire.TASK_TIMED;
        w.send(Wire.TASK, header(task.future().id(), kind, task.firstItem()), p.body());
    }

    /** Task id (the future's, for the worker's messages), kind, first item of a chunk. */
    private static byte[] header(long id, byte kind, int first) {
        Codec.Out h = new Codec.Out();
        h.writeInt((int) id);
        h.writeByte(kind);
        h.writeInt(first);
        return h.toArray();
    }

    /** Sends the (parsed) sources of these modules the worker has not compiled yet, in order. */
    private void sendSources(WorkerProcess w, Set<ModuleInstance> modules) throws IOException {
        for (ModuleInstance m : modules) {
            List<Source> sources = runner.sourcesOf(m);
            int sent = w.sourcesSent.getOrDefault(m, 0);
            for (int i = sent; i < sources.size(); i++) w.send(Wire.SOURCE, ShippedPrograms.of(interp).frame(runner, m.file(), sources.get(i)));
            w.sourcesSent.put(m, sources.size());
        }
    }

    // ------------------------------------------------------------------ hearing from workers

    @Override public void frame(WorkerProcess w, Wire.Frame frame) {
        switch (frame.type()) {
            case Wire.READY -> ready(w);
            case Wire.PRINT -> print(w, frame.payload());
            case Wire.ITEM -> item(w, frame.payload());
            case Wire.TIMING -> timing(w, frame.payload());
            case Wire.RESULT, Wire.FAILURE -> finished(w, frame);
            case Wire.INIT_FAILED -> {
                if (w.initializing) initFailed(w, frame.payload());
                else w.kill();   // not running an init: a garbled frame, which must not break the pool
            }
            default -> w.kill();
        }
    }

    /** A TIMING frame: when the worker ran its current task, for the timeline (see {@link Wire#TIMING}). */
    private void timing(WorkerProcess w, byte[] payload) {
        Task task = w.sent.peekFirst();
        try {
            Codec.In in = new Codec.In(payload);
            int id = in.readInt();
            long from = in.readLong(), to = in.readLong();
            in.expectEnd();
            if (task != null && (int) task.future().id() == id) task.ranAt(from, to);
        } catch (Codec.MalformedFrame bad) {
            w.kill();   // a worker that garbles its frames is replaced; its task fails
        }
    }

    /** A PRINT frame: stream (1 out, 2 err), then the text as the codec writes a string. */
    private void print(WorkerProcess w, byte[] payload) {
        String text;
        byte stream;
        try {
            Codec.In in = new Codec.In(payload);
            stream = in.readByte();
            text = in.readString();
            in.expectEnd();
        } catch (Codec.MalformedFrame bad) {
            w.kill();   // a worker that garbles its frames is replaced; its task fails
            return;
        }
        (stream == 2 ? interp.stderr() : interp.stdout()).write(text);
    }

    /** The JVM is up: run the pool's init in it first, if there is one; then it is ready. */
    private void ready(WorkerProcess w) {
        w.jvmIsReady();
        if (init == null) {
            w.events.ready(w);
            return;
        }
        w.initializing = true;
        try {
            sendSources(w, init.modules());
            w.send(Wire.INIT, header(0, Wire.TASK_CALL, 0), init.body());
        } catch (IOException gone) {
            // its death is reported by the reader thread
        }
    }

    /**
     * A batch of finished items of the chunk {@code w} runs (see {@link Wire#ITEM}): decoded here,
     * in the reader thread. An item whose encoding cannot be read gets an error as its outcome;
     * a batch that cannot be parsed at all stops the worker.
     */
    private void item(WorkerProcess w, byte[] payload) {
        Task task = w.sent.peekFirst();
        if (task == null || !task.isChunk()) return;
        ItemBatch.Received got;
        try {
            got = ItemBatch.read(payload, task.items(), this::decodeItem, ProcessTransport::unreadable);
        } catch (Codec.MalformedFrame bad) {
            w.kill();   // its report names no items that can be trusted; the running item fails
            return;
        }
        w.events.items(w, task, got.first(), got.outcomes());
    }

    private ItemOutcome decodeItem(byte[] payload, int from, int to, boolean ok) {
        if (ok) {
            Object plain = ValueDecoder.readPlain(payload, from, to);
            if (plain != ValueDecoder.NOT_PLAIN) return new ItemOutcome(plain, null);
        }
        try {
            ValueDecoder d = new ValueDecoder(payload, from, to, interp, knownModules::get);
            Object v = d.read();
            d.in().expectEnd();
            if (ok) return new ItemOutcome(v, null);
            if (v instanceof ErrorValue e) return new ItemOutcome(null, e);
            throw new Codec.MalformedFrame("an item's error is " + Values.typeName(v));
        } catch (RuntimeException bad) {
            return new ItemOutcome(null, unreadable(bad));
        }
    }

    private static ErrorValue unreadable(RuntimeException bad) {
        return Errors.value("a result from the worker could not be read: " + bad.getMessage()).value();
    }

    private void finished(WorkerProcess w, Wire.Frame frame) {
        if (w.initializing) {
            w.initializing = false;
            w.events.ready(w);
            return;
        }
        Task task = w.sent.pollFirst();   // a worker runs its tasks in the order they were sent
        if (task == null) return;
        boolean ok = frame.type() == Wire.RESULT;
        if (task.isChunk()) {
            w.events.finished(w, task, null, ok ? null : errorIn(frame.payload()), false);
            return;
        }
        Object value = null;
        ErrorValue error;
        try {
            Object v = new ValueDecoder(frame.payload(), 4, interp, knownModules::get).read();
            if (ok) {
                value = v;
                error = null;
            } else {
                error = v instanceof ErrorValue e ? e : Errors.of(ErrorKind.ERROR, "the task failed").value();
            }
        } catch (RuntimeException bad) {
            // A malformed frame: fail this task and replace the worker that sent it.
            error = Errors.value("the task's " + (ok ? "result" : "error") + " could not be read: " + bad.getMessage()).value();
            w.kill();
        }
        w.events.finished(w, task, value, error, false);
    }

    /** The error a FAILURE frame carries, or one saying it could not be read. */
    private ErrorValue errorIn(byte[] payload) {
        try {
            if (new ValueDecoder(payload, 4, interp, knownModules::get).read() instanceof ErrorValue e) return e;
            return Errors.of(ErrorKind.ERROR, "the task failed").value();
        } catch (RuntimeException bad) {
            return Errors.value("the task's error could not be read: " + bad.getMessage()).value();
        }
    }

    private void initFailed(WorkerProcess w, byte[] payload) {
        ErrorValue cause;
        try {
            cause = (ErrorValue) new ValueDecoder(payload, 4, interp, knownModules::get).read();
        } catch (RuntimeException bad) {
            cause = Errors.value("unreadable error").value();
        }
        ErrorValue err = Errors.of(ErrorKind.WORKER_CRASHED, "the pool's init function failed in worker " + w.pid() + ": " + cause.headline()).value();
        err.setCause(cause);
        w.events.broken("the pool's init function failed, so it runs no tasks", err);
    }

    @Override public void died(WorkerProcess w) {
        live.remove(w);
        if (!w.jvmReady() && !w.killedOnPurpose) withoutCache = true;
        if (w.events != null) w.events.died(w, w.killedOnPurpose);
    }

    // ------------------------------------------------------------------ closing

    @Override public void close() {
        RemoteWorkers r = remote;
        if (r != null) r.close();
        try {
            Runtime.getRuntime().removeShutdownHook(exitHook);
        } catch (IllegalStateException exiting) {
            // the JVM is already shutting down: the hook runs anyway
        }
    }

    private void killAll() {
        for (WorkerProcess w : live) w.kill();
    }

    /** The pool's active worker processes (not those retiring or being ended), for tests and the REPL. */
    public List<Long> workerPids() {
        return live.stream().filter(w -> w.isAlive() && !w.killedOnPurpose).map(WorkerProcess::pid).toList();
    }
}
