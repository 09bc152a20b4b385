package dev.skein.process;

import dev.skein.concurrent.Future;
import dev.skein.concurrent.MapIterator.ItemOutcome;
import dev.skein.concurrent.Pool;
import dev.skein.concurrent.PoolRegistry;
import dev.skein.runtime.Seconds;
import dev.skein.interp.ModuleInstance;
import dev.skein.interp.Runner;
import dev.skein.runtime.Containers;
import dev.skein.runtime.Convert;
import dev.skein.runtime.ErrorKind;
import dev.skein.runtime.ErrorValue;
import dev.skein.runtime.Errors;
import dev.skein.runtime.Interpreter;
import dev.skein.runtime.SkeinIterator;
import dev.skein.runtime.ThreadState;
import dev.skein.runtime.Values;
import dev.skein.syntax.Source;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.locks.ReentrantLock;

/**
 * {@code processes(n, max_tasks=…, init=…, init_args=[…], retries=…)}: worker JVMs fed over
 * private pipes. Tasks are encoded (and so checked for portability) in the submitting thread;
 * a dispatcher hands them to idle workers. A worker that dies fails only what it was running
 * (or retries it), and is replaced; cancelling or timing out a running task kills its worker.
 */
public final class ProcessPool extends Pool implements WorkerProcess.Listener {
    /** One unit of work: a call, or a chunk of a map whose items report one by one. */
    static final class Work {
        final Future future;
        final byte kind;              // 0 call, 1 chunk (sent as 2 when it has a timeout: see WorkerMain.runTask)
        final Codec.Out body;         // encoded callee, arguments, keywords, globals
        final Set<ModuleInstance> modules;
        final ItemOutcome[] outcomes; // chunks only
        int nextItem;                 // chunks: first item not yet reported
        int retriesLeft;
        boolean started;
        boolean timedOut;
        ScheduledFuture<?> clock;

        Work(Future future, byte kind, Codec.Out body, Set<ModuleInstance> modules, int items, int retries) {
            this.future = future;
            this.kind = kind;
            this.body = body;
            this.modules = modules;
            this.outcomes = kind == 1 ? new ItemOutcome[items] : null;
            this.retriesLeft = retries;
        }
    }

    /** How a worker process is started: {@link WorkerProcess#start}, or a test's stand-in. */
    @FunctionalInterface
    interface WorkerStarter {
        WorkerProcess start(WorkerConfig config, WorkerProcess.Listener listener, boolean useCache) throws IOException;
    }

    /** What prepare() hands to schedule(). */
    private record Prepared(byte kind, Codec.Out body, Set<ModuleInstance> modules, int items) {}

    private final Interpreter interp;
    private final Runner runner;
    private final int maxTasks;
    private final int retries;
    private final Prepared init;
    private final ReentrantLock lock = new ReentrantLock();
    private final List<WorkerProcess> workers = new ArrayList<>();
    private final ArrayDeque<Work> queue = new ArrayDeque<>();
    private final Map<String, ModuleInstance> knownModules = new ConcurrentHashMap<>();
    private final Thread exitHook;
    private final WorkerConfig workerConfig;
    private final WorkerStarter starter;
    /** Why the last worker could not be started (guarded by lock). */
    private String lastStartError = "unknown";
    private volatile boolean broken;
    private volatile String brokenReason;
    /** Workers in a row that died before they were ready (guarded by lock). */
    private int startFailures;
    /**
     * Set when a worker died before it was ready: its replacements start without the AOT
     * cache, which is only a speed-up and must never be why a pool cannot start (some JVM
     * options make the JVM refuse a cache and exit). Guarded by lock.
     */
    private boolean withoutCache;
    private static final int MAX_START_FAILURES = 3;
    private final Work initMarker = new Work(null, (byte) 0, new Codec.Out(16), Set.of(), 0, 0);

    public ProcessPool(ThreadState ts, int size, int maxTasks, Object initFn, Object[] initArgs, int retries) {
        this(ts, size, maxTasks, initFn, initArgs, retries, WorkerProcess::start);
    }

    /** With another way to start workers: tests use it to make starting fail. */
    ProcessPool(ThreadState ts, int size, int maxTasks, Object initFn, Object[] initArgs, int retries, WorkerStarter starter) {
        super(PoolRegistry.of(ts.interp()), "processes", size);
        this.starter = starter;
        this.interp = ts.interp();
        this.runner = Runner.of(interp);
        this.maxTasks = maxTasks;
        this.retries = retries;
        this.workerConfig = WorkerConfig.of(interp);
        this.init = initFn == null ? null : encode(initFn, initArgs, null, null, "init");
        this.exitHook = new Thread(this::killAll, "skein-process-pool-exit");
        Runtime.getRuntime().addShutdownHook(exitHook);
        lock.lock();
        try {
            for (int i = 0; i < size; i++) {
                if (!startWorker()) interp.stderr().write("skein: cannot start a worker process: " + lastStartError + "\n");
            }
        } finally {
            lock.unlock();
        }
        ShippedPrograms.of(interp).prepare(runner);
    }

    // ------------------------------------------------------------------ submitting

    @Override protected Object prepare(ThreadState ts, Object callee, Object[] args, String[] kwNames, List<Object[]> batch, String site) {
        return encode(callee, args, kwNames, batch, site);
    }

    private Prepared encode(Object callee, Object[] args, String[] kwNames, List<Object[]> batch, String site) {
        ValueEncoder enc = new ValueEncoder(interp, site);
        enc.value(callee, "the function");
        if (batch != null) enc.batch(batch);
        else enc.arguments(args, kwNames, "");
        enc.writeGlobals();
        for (ModuleInstance m : enc.modules()) knownModules.put(m.file(), m);
        return new Prepared(batch == null ? (byte) 0 : (byte) 1, enc.out(), Set.copyOf(enc.modules()), batch == null ? 0 : batch.size());
    }

    @Override protected void schedule(Future f, Object prepared) {
        Prepared p = (Prepared) prepared;
        List<Work> stranded;
        lock.lock();
        try {
            if (broken) {
                f.claimRemote();
                f.failRemote(Errors.of(ErrorKind.WORKER_CRASHED, brokenReason).value());
                return;
            }
            queue.add(new Work(f, p.kind(), p.body(), p.modules(), p.items(), retries));
            stranded = staff();   // a no-op unless workers could not be started
        } finally {
            lock.unlock();
        }
        failStranded(stranded);
        dispatch();
    }

    @Override protected boolean canRunInline() { return false; }

    /** Without a chunk size: from the input length when known (about 8 chunks per worker), else 8. */
    @Override protected int defaultChunk(Object[] iterables) {
        long n = Long.MAX_VALUE;
        for (Object it : iterables) {
            if (it instanceof SkeinIterator) return 8;
            try {
                n = Math.min(n, Containers.len(it));
            } catch (dev.skein.runtime.SkeinError unsized) {
                return 8;
            }
        }
        return (int) Math.max(1, Math.min(4096, n / (8L * size())));
    }

    // ------------------------------------------------------------------ dispatching

    /** Starts one worker (under the lock); false, with the reason kept, if the OS refused. */
    private boolean startWorker() {
        try {
            workers.add(starter.start(workerConfig, this, !withoutCache));
            return true;
        } catch (IOException e) {
            lastStartError = e.getMessage();
            return false;
        }
    }

    /**
     * Keeps the pool staffed (under the lock): while it is open, or shut down with work still
     * queued, every retired or dead worker is replaced — shutting down means "accept no new
     * work", not "stop staffing the work already accepted". Returns the queued work to fail
     * when no worker is left and none can be started (the pool is then broken), so that nothing
     * waits for a worker that will never come.
     */
    private List<Work> staff() {
        if (broken) return List.of();
        if (isClosed()) {
            queue.removeIf(work -> work.future.isDone());   // cancelled while queued
            if (queue.isEmpty()) return List.of();
        }
        while (workers.size() < size()) {
            if (!startWorker()) break;
        }
        if (!workers.isEmpty() || queue.isEmpty()) return List.of();
        brokenReason = "it cannot start a worker process: " + lastStartError;
        broken = true;
        List<Work> stranded = new ArrayList<>(queue);
        queue.clear();
        return stranded;
    }

    /** Fails work that no worker will ever run, with the reason the pool broke. */
    private void failStranded(List<Work> stranded) {
        if (stranded.isEmpty()) return;
        ErrorValue err = Errors.of(ErrorKind.WORKER_CRASHED, brokenReason).value();
        for (Work work : stranded) {
            work.future.claimRemote();
            if (!work.future.isDone()) work.future.failRemote(err);
        }
    }

    private void dispatch() {
        lock.lock();
        try {
            while (!queue.isEmpty()) {
                WorkerProcess w = idleWorker();
                if (w == null) return;
                Work work = queue.poll();
                Future f = work.future;
                if (!work.started) {
                    if (!f.claimRemote()) continue;   // cancelled while queued
                    work.started = true;
                } else if (f.isDone()) {
                    continue;
                }
                w.current = work;
                try {
                    sendSources(w, work.modules);
                    // A chunk with a timeout has its items reported one by one: the clock runs per item.
                    byte kind = work.kind == 1 && f.timeout() > 0 ? (byte) 2 : work.kind;
                    w.send(Wire.TASK, header(kind, work.nextItem), work.body);
                    work.clock = f.startTimeoutClock();
                } catch (IOException e) {
                    // The reader thread reports the death and requeues or fails this work.
                    return;
                }
            }
        } finally {
            lock.unlock();
        }
    }

    private static byte[] header(byte kind, int first) {
        Codec.Out h = new Codec.Out();
        h.writeInt(0);
        h.writeByte(kind);
        h.writeInt(first);
        return h.toArray();
    }

    private WorkerProcess idleWorker() {
        for (WorkerProcess w : workers) if (w.ready && w.current == null && w.isAlive()) return w;
        return null;
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
            case Wire.PRINT -> {
                byte[] p = frame.payload();
                String text = new String(p, 1, p.length - 1, StandardCharsets.UTF_8);
                (p[0] == 2 ? interp.stderr() : interp.stdout()).write(text);
            }
            case Wire.ITEM -> item(w, frame.payload());
            case Wire.RESULT, Wire.FAILURE -> finished(w, frame);
            case Wire.INIT_FAILED -> initFailed(w, frame.payload());
            default -> w.kill();
        }
    }

    private void ready(WorkerProcess w) {
        lock.lock();
        try {
            w.ready = true;
            startFailures = 0;
            if (init != null) {
                w.current = initMarker;
                try {
                    sendSources(w, init.modules());
                    w.send(Wire.INIT, header((byte) 0, 0), init.body());
                } catch (IOException gone) {
                    return;
                }
            }
        } finally {
            lock.unlock();
        }
        dispatch();
    }

    private Work currentOf(WorkerProcess w) {
        lock.lock();
        try { return w.current; } finally { lock.unlock(); }
    }

    /**
     * A batch of finished items of the chunk {@code w} runs (see {@link Wire#ITEM}): decoded here,
     * in the reader thread, then recorded in one go. An item whose encoding cannot be read gets
     * an error as its outcome; a batch that cannot be parsed at all stops the worker.
     */
    private void item(WorkerProcess w, byte[] payload) {
        Work work = currentOf(w);
        if (work == null || work.outcomes == null) return;
        ItemBatch.Received got;
        try {
            got = ItemBatch.read(payload, work.outcomes.length, this::decodeItem, ProcessPool::unreadable);
        } catch (Codec.MalformedFrame bad) {
            w.kill();   // its report names no items that can be trusted; died() fails the running item
            return;
        }
        lock.lock();
        try {
            if (w.current != work) return;
            System.arraycopy(got.outcomes(), 0, work.outcomes, got.first(), got.outcomes().length);
            work.nextItem = Math.max(work.nextItem, got.first() + got.outcomes().length);
            if (work.clock != null) work.clock.cancel(false);
            work.clock = work.future.startTimeoutClock();
        } finally {
            lock.unlock();
        }
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
        Work work;
        List<Work> stranded = List.of();
        lock.lock();
        try {
            work = w.current;
            w.current = null;
            if (work == initMarker) {
                work = null;
            } else {
                w.tasksRun++;
            }
            if (work != null && work.clock != null) work.clock.cancel(false);
            if (maxTasks > 0 && w.tasksRun >= maxTasks) {
                workers.remove(w);
                w.killedOnPurpose = true;
                w.shutdownGently();
                stranded = staff();
            }
        } finally {
            lock.unlock();
        }
        failStranded(stranded);
        if (work != null) {
            Future f = work.future;
            if (work.outcomes != null) {
                ItemOutcome[] out = work.outcomes.clone();
                if (frame.type() != Wire.RESULT || work.nextItem < out.length) {
                    // The chunk ended without reporting every item (it could not be read): those fail.
                    ErrorValue err = frame.type() == Wire.FAILURE ? errorIn(frame.payload())
                            : Errors.value("the worker reported no outcome for this item").value();
                    for (int i = 0; i < out.length; i++) if (out[i] == null) out[i] = new ItemOutcome(null, err);
                }
                f.completeRemote(out);
            } else {
                Object v;
                try {
                    v = new ValueDecoder(frame.payload(), 4, interp, knownModules::get).read();
                } catch (RuntimeException bad) {
                    // A malformed frame: fail this task and replace the worker that sent it.
                    f.failRemote(Errors.value("the task's result could not be read: " + bad.getMessage()).value());
                    w.kill();
                    v = null;
                }
                if (!f.isDone()) {
                    if (frame.type() == Wire.RESULT) f.completeRemote(v);
                    else f.failRemote(v instanceof ErrorValue e ? e : Errors.of(ErrorKind.ERROR, "the task failed").value());
                }
            }
        }
        dispatch();
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
        List<Work> failed;
        lock.lock();
        try {
            brokenReason = "the pool's init function failed, so it runs no tasks";
            broken = true;
            failed = new ArrayList<>(queue);
            queue.clear();
        } finally {
            lock.unlock();
        }
        ErrorValue err = Errors.of(ErrorKind.WORKER_CRASHED, "the pool's init function failed in worker " + w.pid() + ": " + cause.headline()).value();
        err.setCause(cause);
        for (Work work : failed) {
            work.future.claimRemote();
            work.future.failRemote(err);
        }
        shutdown(null, false, true);
    }

    private static String startFailure(WorkerProcess w) {
        StringBuilder sb = new StringBuilder("its worker processes cannot start: ").append(MAX_START_FAILURES)
                .append(" in a row exited before they were ready (the last: ").append(w.exitDescription()).append(")");
        String stderr = w.lastStderrLines();
        if (!stderr.isBlank()) sb.append("; the last one's stderr:\n").append(stderr.indent(4).stripTrailing());
        return sb.toString();
    }

    /**
     * Workers that die before they are ready (a bad JVM option, a broken installation) would
     * otherwise be replaced forever while tasks wait: after a few in a row the pool is broken —
     * it stays open, but fails its tasks, queued and new, with what the last worker printed.
     */
    private void startFailed(WorkerProcess w) {
        List<Work> failed;
        lock.lock();
        try {
            failed = new ArrayList<>(queue);
            queue.clear();
        } finally {
            lock.unlock();
        }
        ErrorValue err = Errors.of(ErrorKind.WORKER_CRASHED, brokenReason).value();
        for (Work work : failed) {
            work.future.claimRemote();
            work.future.failRemote(err);
        }
    }

    @Override public void died(WorkerProcess w) {
        Work work;
        boolean purposeful = w.killedOnPurpose;
        boolean neverReady = !w.ready && !purposeful;
        // Read before taking the lock: it waits for the process's exit and its last stderr lines.
        String failure = neverReady ? startFailure(w) : null;
        boolean giveUp = false;
        lock.lock();
        try {
            workers.remove(w);   // a worker retired by max_tasks was removed (and replaced) already
            work = w.current;
            w.current = null;
            if (neverReady) {
                withoutCache = true;
                giveUp = ++startFailures >= MAX_START_FAILURES && !broken;
            }
            if (giveUp) {
                brokenReason = failure;
                broken = true;
            }
        } finally {
            lock.unlock();
        }
        if (giveUp) startFailed(w);
        // Lost work is requeued (retries, the rest of a chunk) before the pool is restaffed for it.
        if (work != null && work != initMarker) handleLostWork(w, work, purposeful);
        List<Work> stranded;
        lock.lock();
        try {
            stranded = staff();
        } finally {
            lock.unlock();
        }
        failStranded(stranded);
        dispatch();
    }

    private void handleLostWork(WorkerProcess w, Work work, boolean purposeful) {
        Future f = work.future;
        if (work.clock != null) work.clock.cancel(false);
        if (f.isCancelRequested()) {
            f.cancelledRemote();
            return;
        }
        ErrorValue err;
        if (work.timedOut) {
            err = Errors.timeout(f.describe() + " took longer than its timeout of " + Seconds.show(f.timeout()) + "; its worker was stopped").value();
        } else {
            if (!purposeful && work.retriesLeft > 0) {
                work.retriesLeft--;
                requeue(work);
                return;
            }
            err = crashError(w, f, work);
        }
        if (work.outcomes == null) {
            f.failRemote(err);
            return;
        }
        work.outcomes[work.nextItem] = new ItemOutcome(null, err);
        work.nextItem++;
        work.timedOut = false;
        if (work.nextItem < work.outcomes.length) requeue(work);   // the rest of the chunk runs on another worker
        else work.future.completeRemote(work.outcomes.clone());
    }

    private void requeue(Work work) {
        lock.lock();
        try {
            queue.addFirst(work);
        } finally {
            lock.unlock();
        }
    }

    private ErrorValue crashError(WorkerProcess w, Future f, Work work) {
        StringBuilder sb = new StringBuilder("worker process ").append(w.pid()).append(" died (").append(w.exitDescription())
                .append(") while running ").append(f.describe());
        String input = work.outcomes == null ? Convert.repr(dev.skein.runtime.SkeinList.wrap(f.arguments())) : "item " + (work.nextItem + 1) + " of a chunk";
        if (input.length() > 120) input = input.substring(0, 117) + "...";
        sb.append(" on input ").append(input);
        String stderr = w.lastStderrLines();
        if (!stderr.isBlank()) sb.append("; its last stderr lines:\n").append(stderr.indent(4).stripTrailing());
        return Errors.of(ErrorKind.WORKER_CRASHED, sb.toString()).value();
    }

    // ------------------------------------------------------------------ cancel, timeout, shutdown

    private WorkerProcess workerRunning(Future f) {
        for (WorkerProcess w : workers) if (w.current != null && w.current.future == f) return w;
        return null;
    }

    @Override protected void onCancelRunning(Future f) {
        lock.lock();
        try {
            WorkerProcess w = workerRunning(f);
            if (w != null) w.kill();
        } finally {
            lock.unlock();
        }
    }

    @Override protected void onTimeout(Future f) {
        lock.lock();
        try {
            WorkerProcess w = workerRunning(f);
            if (w != null) {
                w.current.timedOut = true;
                w.kill();
            }
        } finally {
            lock.unlock();
        }
    }

    @Override protected void stopWorkers() {
        lock.lock();
        try {
            for (WorkerProcess w : new ArrayList<>(workers)) {
                w.killedOnPurpose = true;
                w.shutdownGently();
            }
        } finally {
            lock.unlock();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(exitHook);
        } catch (IllegalStateException exiting) {
            // the JVM is already shutting down: the hook runs anyway
        }
    }

    private void killAll() {
        for (WorkerProcess w : new ArrayList<>(workers)) w.kill();
    }

    /** Worker process ids, for tests and the REPL. */
    public List<Long> workerPids() {
        lock.lock();
        try {
            return workers.stream().map(WorkerProcess::pid).toList();
        } finally {
            lock.unlock();
        }
    }
}
