package dev.skein.concurrent;

import dev.skein.concurrent.MapIterator.ItemOutcome;
import dev.skein.runtime.Convert;
import dev.skein.runtime.ErrorKind;
import dev.skein.runtime.ErrorValue;
import dev.skein.runtime.Errors;
import dev.skein.runtime.Seconds;
import dev.skein.runtime.SkeinError;
import dev.skein.runtime.SkeinList;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The one scheduler every pool uses, whatever its transport: a queue of tasks, workers started
 * eagerly or on demand and replaced when they retire or die (also after shutdown, while accepted
 * work remains), dispatch to the warmest idle worker, per-item results of chunks, retries and
 * timeouts of tasks sent elsewhere, and a pool that breaks — failing its tasks with the reason —
 * rather than letting them wait for a worker that will never come.
 */
final class Scheduler implements WorkerEvents {
    /** A worker and what the scheduler knows of it (guarded by lock). */
    private static final class Hand {
        final Worker worker;
        /** Written under the lock, or by a worker's lock-free hand-over to itself (see finished). */
        volatile Task current;
        /** Tasks sent to it behind {@link #current}, in order: they wait in its input (see {@link Transport#window}). */
        final java.util.ArrayDeque<Task> behind = new java.util.ArrayDeque<>();
        boolean ready;
        /** Told to stop its task (a process worker is then ended): it never takes another. */
        boolean stopping;
        volatile int tasksRun;
        /** When {@link #current} was sent or came to run (nanoTime; workers elsewhere only): how long its function takes. */
        long currentSince;
        /** Items of {@link #current} (a chunk) already done then: a chunk resent after a crash starts past its first. */
        int itemsAtSince;

        /** {@code t} is what this worker runs from {@code now} on (the window's budget reads when and how far). */
        void runs(Task t, long now) {
            current = t;
            currentSince = now;
            itemsAtSince = t.nextItem;
        }

        Hand(Worker worker) {
            this.worker = worker;
            this.ready = worker.readyAtStart();
        }
    }

    private static final int MAX_START_FAILURES = 3;

    private final Pool pool;
    private final Transport transport;
    private final int capacity;
    private final int retries;
    /** Tasks a worker may hold at once, the one it runs included (1: no pipelining). */
    private final int window;
    /** With a window: which tasks may wait behind a busy worker's (guarded by lock). */
    private final WindowBudget budget;
    private final ReentrantLock lock = new ReentrantLock();
    /**
     * The queued tasks. A concurrent deque, so that in-process workers can take the next task
     * when they finish and a submitter can add one while all workers are busy without the lock
     * (which the submitter and the workers would otherwise contend for on every task).
     */
    private final ConcurrentLinkedDeque<Task> queue = new ConcurrentLinkedDeque<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final Map<Worker, Hand> hands = new ConcurrentHashMap<>();
    /** Mirrors of idle.size() and hands.size(), written under the lock, read by the lock-free paths. */
    private volatile int idleCount, staffed;
    /** Workers of this transport run in this JVM and never retire by count: hand-over without the lock. */
    private final boolean lockFree;
    /** Ready workers without a task (a subset of hands; few, so a list: no allocation per hand-over). */
    private final List<Hand> idle = new ArrayList<>();
    /** Workers running a task. */
    private int busy;
    private volatile boolean broken;
    private volatile String brokenReason;
    /** Workers in a row that died before they were ready. */
    private int startFailures;
    private String lastStartError = "unknown";

    @Override public Pool pool() { return pool; }

    Scheduler(Pool pool, Transport transport, int capacity, int retries) {
        this.pool = pool;
        this.transport = transport;
        this.capacity = capacity;
        this.retries = retries;
        this.lockFree = transport.inProcess() && transport.maxTasksPerWorker() == 0;
        // A worker retired by count must not hold tasks beyond its last one.
        this.window = transport.inProcess() || transport.maxTasksPerWorker() > 0 ? 1 : Math.max(1, transport.window());
        this.budget = new WindowBudget(transport.windowBudgetNanos());
    }

    // ------------------------------------------------------------------ the queue and the mirrors

    private void enqueue(Task t) {
        queue.offer(t);
        queued.incrementAndGet();
    }

    private Task dequeue() {
        Task t = queue.poll();
        if (t != null) queued.decrementAndGet();
        return t;
    }

    private void idleAdd(Hand h) {
        idle.add(h);
        idleCount = idle.size();
    }

    private void idleRemove(Hand h) {
        idle.remove(h);
        idleCount = idle.size();
    }

    private void handsChanged() { staffed = hands.size(); }

    /** Starts the workers of an eager transport (in the constructing thread). */
    void open() {
        if (!transport.startsEagerly()) return;
        lock.lock();
        try {
            staff();
        } finally {
            lock.unlock();
        }
    }

    // ------------------------------------------------------------------ queueing and dispatch

    void schedule(Future f, Object payload, int remoteItems) {
        boolean queued = false;
        if (lockFree && !broken) {
            enqueue(new Task(f, payload, 0, retries));
            queued = true;
            // Every worker is busy and the pool is full: one of them takes it when it finishes. A
            // worker that goes idle meanwhile publishes idleCount before it looks at the queue
            // again, and this reads idleCount after the task is in: one of the two sees the other.
            if (idleCount == 0 && staffed >= capacity) return;
        }
        List<Task> stranded;
        ErrorValue refused;
        lock.lock();
        try {
            if (broken && !queued) {
                f.claimRemote();
                f.failRemote(Errors.of(ErrorKind.WORKER_CRASHED, brokenReason).value());
                return;
            }
            if (!queued) enqueue(new Task(f, payload, transport.inProcess() ? 0 : remoteItems, retries));
            stranded = staff();
            // One lock section per submit: the submitting thread hands the task over itself.
            refused = dispatchLocked(f);
        } finally {
            lock.unlock();
        }
        failStranded(stranded);
        // Refused at once (a host's executor said no): the submit itself fails, as the docs say.
        if (refused != null) throw new SkeinError(refused.copyForRethrow());
    }

    /**
     * Keeps the pool staffed (under the lock): an eager pool at full size while it is open, and
     * every pool with enough workers for its queued and running tasks — so a pool that was shut
     * down still replaces retired and dead workers while work it accepted remains. Returns the
     * queued work to fail when no worker is left and none can be started (the pool then breaks).
     */
    private List<Task> staff() {
        if (broken) return List.of();
        if (pool.isClosed()) {
            for (Task t : queue) {
                if (t.future.isDone() && queue.remove(t)) queued.decrementAndGet();   // cancelled while queued
            }
            if (queue.isEmpty()) return List.of();
        }
        int target;
        if (transport.startsEagerly() && !pool.isClosed()) {
            target = capacity;
        } else {
            target = (int) Math.min(capacity, (long) busy + queued.get());
        }
        while (hands.size() < target) {
            if (!startWorker()) break;
        }
        if (!hands.isEmpty() || queue.isEmpty()) return List.of();
        brokenReason = "it cannot start a worker: " + lastStartError;
        broken = true;
        return takeQueue();
    }

    private boolean startWorker() {
        try {
            Worker w = transport.start(this);
            Hand h = new Hand(w);
            hands.put(w, h);
            handsChanged();
            if (h.ready) idleAdd(h);
            return true;
        } catch (IOException e) {
            lastStartError = e.getMessage();
            return false;
        }
    }

    private void dispatch() {
        lock.lock();
        try {
            dispatchLocked(null);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Hands queued tasks to idle workers (under the lock); returns the error if {@code submitted}
     * was refused.
     */
    private ErrorValue dispatchLocked(Future submitted) {
        ErrorValue refusedSubmitted = null;
        while (true) {
            Hand h = idleHand();
            if (h == null && window > 1) h = pipelineHand();
            if (h == null) break;
            Task t = dequeue();
            if (t == null) break;
            Future f = t.future;
            if (!t.started) {
                // In this JVM the worker claims the task itself, and finds nothing to do if it
                // was cancelled or an awaiting task ran it meanwhile: no future lock here.
                if (!transport.inProcess() && !f.claimRemote()) continue;
                t.started = true;
            } else if (f.isDone()) {
                continue;
            }
            boolean head = h.current == null;
            if (head) {
                idleRemove(h);
                h.runs(t, window > 1 ? System.nanoTime() : 0);
                busy++;
            } else {
                h.behind.add(t);
            }
            TaskTrace trace = transport.inProcess() ? null : pool.registry().trace();
            if (trace != null) {
                t.sentNanos = System.nanoTime();
                trace.sent(f, pool, h.worker);
            }
            try {
                h.worker.run(t);
            } catch (IOException gone) {
                break;   // the worker reports its death, which requeues or fails this task
            } catch (Worker.Refused refused) {
                // The worker's executor said no: the task fails, the worker stays idle.
                h.current = null;
                busy--;
                idleAdd(h);
                f.failRemote(refused.error());
                if (f == submitted) refusedSubmitted = refused.error();
                continue;
            }
            // A task sent behind another starts its clock when it comes to run (see finished).
            if (head && !transport.inProcess()) t.clock = f.startTimeoutClock();
        }
        return refusedSubmitted;
    }

    /** A busy worker with room in its window (the one holding fewest), when none is idle. */
    private Hand pipelineHand() {
        Hand best = null;
        for (Hand h : hands.values()) {
            if (!h.ready || h.stopping || h.current == null || h.behind.size() >= window - 1) continue;
            if (!budget.fits(h.current, h.currentSince, h.itemsAtSince, h.behind)) continue;
            if (best == null || h.behind.size() < best.behind.size()) best = h;
        }
        return best;
    }

    /** The idle worker that has run the most tasks: work goes to a warm worker first. */
    private Hand idleHand() {
        Hand best = null;
        for (Hand h : idle) if (best == null || h.tasksRun > best.tasksRun) best = h;
        return best;
    }

    /**
     * Empties the queue (under the lock) for work no worker will run, claiming each task not yet
     * started: from here on a concurrent cancel-all cannot turn a task about to fail with the
     * pool's reason into a "cancelled before it started" one.
     */
    private List<Task> takeQueue() {
        List<Task> taken = new ArrayList<>();
        for (Task t = dequeue(); t != null; t = dequeue()) {
            if (t.started || t.future.claimRemote()) taken.add(t);   // else cancelled while queued
        }
        return taken;
    }

    private void failStranded(List<Task> stranded) {
        if (stranded.isEmpty()) return;
        failTaken(stranded, Errors.of(ErrorKind.WORKER_CRASHED, brokenReason).value());
    }

    private static void failTaken(List<Task> taken, ErrorValue err) {
        for (Task t : taken) if (!t.future.isDone()) t.future.failRemote(err);
    }

    // ------------------------------------------------------------------ hearing from workers

    @Override public void ready(Worker w) {
        lock.lock();
        try {
            Hand h = hands.get(w);
            if (h == null || h.ready) return;
            h.ready = true;
            idleAdd(h);
            startFailures = 0;
        } finally {
            lock.unlock();
        }
        dispatch();
    }

    @Override public void items(Worker w, Task t, int first, ItemOutcome[] outcomes) {
        lock.lock();
        try {
            Hand h = hands.get(w);
            if (h == null || h.current != t || t.outcomes == null) return;
            int n = Math.min(outcomes.length, t.outcomes.length - first);
            System.arraycopy(outcomes, 0, t.outcomes, first, n);
            t.nextItem = Math.max(t.nextItem, first + n);
            if (t.clock != null) t.clock.cancel(false);
            t.clock = t.future.startTimeoutClock();   // the clock runs per item
            // Near its end, the next task may be sent behind it (see WindowBudget).
            if (window > 1 && queued.get() > 0) dispatchLocked(null);
        } finally {
            lock.unlock();
        }
    }

    @Override public void finished(Worker w, Task t, Object value, ErrorValue error, boolean recorded) {
        if (lockFree && handOver(w, t)) return;
        List<Task> stranded = List.of();
        lock.lock();
        try {
            Hand h = hands.get(w);
            if (h == null || h.current != t) return;
            h.current = null;
            busy--;
            h.tasksRun++;
            if (t.clock != null) t.clock.cancel(false);
            long now = window > 1 ? System.nanoTime() : 0;
            if (window > 1) budget.finished(t, t.ranNanos() >= 0 ? t.ranNanos() : now - h.currentSince, t.items() - h.itemsAtSince);
            int max = transport.maxTasksPerWorker();
            if (max > 0 && h.tasksRun >= max) {
                hands.remove(w);
                handsChanged();
                w.retire();
                stranded = staff();
            } else if (!h.stopping) {
                // A worker being ended whose result still arrived must not be handed a new task.
                Task next = h.behind.poll();
                if (next == null) {
                    idleAdd(h);
                } else {
                    h.runs(next, now);   // it was sent already: it runs now
                    busy++;
                    if (!next.future.isDone()) next.clock = next.future.startTimeoutClock();
                }
            }
            dispatchLocked(null);
        } finally {
            lock.unlock();
        }
        failStranded(stranded);
        // After the worker is free again: whoever awaits this result and submits more finds it idle.
        if (recorded) return;
        TaskTrace trace = pool.registry().trace();
        if (trace != null) trace.ranElsewhere(t.future, pool, w, t.ranFrom(), t.ranTo(), error == null ? "done" : "failed");
        if (error != null && t.outcomes == null && t.timedOut) {
            // A worker that outlives a stop (a cluster member's) reports the stopped task's own error: it timed out.
            error = timeoutError(t.future);
        }
        record(t, value, error);
    }

    private static ErrorValue timeoutError(Future f) {
        return Errors.timeout(f.describe() + " took longer than its timeout of " + Seconds.show(f.timeout()) + "; its worker was stopped").value();
    }

    /**
     * An in-process worker that finished {@code done} takes the next queued task itself, without
     * the lock: it stays busy, so nothing the lock guards changes. False when the queue is empty
     * (then it goes idle under the lock, and looks at the queue once more there).
     */
    private boolean handOver(Worker w, Task done) {
        Hand h = hands.get(w);
        if (h == null || h.current != done) return false;
        Task next = dequeue();
        if (next == null) return false;
        next.started = true;
        h.current = next;
        h.tasksRun++;
        try {
            w.run(next);
        } catch (IOException gone) {
            // in-process workers do not go away
        }
        return true;
    }

    /** The outcome a worker in another process reported. */
    private static void record(Task t, Object value, ErrorValue error) {
        Future f = t.future;
        if (f.isDone()) return;
        if (t.outcomes == null) {
            if (error == null) f.completeRemote(value);
            else f.failRemote(error);
            return;
        }
        ItemOutcome[] out = t.outcomes.clone();
        if (error != null || t.nextItem < out.length) {
            // The chunk ended without reporting every item: those fail.
            ErrorValue err = error != null ? error : Errors.value("the worker reported no outcome for this item").value();
            for (int i = 0; i < out.length; i++) if (out[i] == null) out[i] = new ItemOutcome(null, err);
        }
        f.completeRemote(out);
    }

    @Override public void died(Worker w, boolean onPurpose) {
        // Read before taking the lock: they may wait for the worker's end and its last output.
        String exit = w.exitDescription();
        String output = w.lastOutput();
        Task lost;
        List<Task> unsent;
        boolean giveUp = false;
        lock.lock();
        try {
            Hand h = hands.remove(w);   // a retired worker was removed (and replaced) already
            if (h == null) return;
            handsChanged();
            idleRemove(h);
            lost = h.current;
            if (lost != null) busy--;
            unsent = new ArrayList<>(h.behind);
            h.behind.clear();
            if (!h.ready && !onPurpose && ++startFailures >= MAX_START_FAILURES && !broken) {
                giveUp = true;
                brokenReason = startFailure(exit, output);
                broken = true;
            }
        } finally {
            lock.unlock();
        }
        if (giveUp) {
            List<Task> failed;
            lock.lock();
            try {
                failed = takeQueue();
            } finally {
                lock.unlock();
            }
            failStranded(failed);
        }
        TaskTrace trace = pool.registry().trace();
        if (trace != null) traceDeath(trace, w, lost, onPurpose, exit);
        // Lost work is requeued (retries, the rest of a chunk) before the pool is restaffed for it:
        // tasks waiting behind the lost one never ran there, so they go back as they were, first.
        for (int i = unsent.size() - 1; i >= 0; i--) resend(unsent.get(i));
        if (lost != null) handleLost(w, lost, onPurpose, exit, output);
        List<Task> stranded;
        lock.lock();
        try {
            stranded = staff();
        } finally {
            lock.unlock();
        }
        failStranded(stranded);
        dispatch();
    }

    /** A worker's end on the timeline: the slice of the task it was running, cut short, and an instant. */
    private void traceDeath(TaskTrace trace, Worker w, Task lost, boolean onPurpose, String exit) {
        String what = onPurpose ? "worker stopped" : "worker died";
        if (lost != null && lost.sentNanos != 0) {
            trace.ranElsewhere(lost.future, pool, w, TraceClock.epochNanos(lost.sentNanos), TraceClock.now(), what);
        }
        trace.instant(what, lost == null ? null : lost.future, pool, w, w.describe() + ": " + exit);
    }

    /**
     * Workers that die before they are ready (a bad JVM option, a broken installation) would
     * otherwise be replaced forever while tasks wait: after a few in a row the pool breaks.
     */
    private static String startFailure(String exit, String output) {
        StringBuilder sb = new StringBuilder("its worker processes cannot start: ").append(MAX_START_FAILURES)
                .append(" in a row exited before they were ready (the last: ").append(exit).append(")");
        if (!output.isBlank()) sb.append("; the last one's stderr:\n").append(output.indent(4).stripTrailing());
        return sb.toString();
    }

    private void handleLost(Worker w, Task t, boolean onPurpose, String exit, String output) {
        Future f = t.future;
        if (t.clock != null) t.clock.cancel(false);
        if (f.isCancelRequested()) {
            f.cancelledRemote();
            return;
        }
        ErrorValue err;
        if (t.timedOut) {
            err = timeoutError(f);
        } else {
            if (!onPurpose && t.retriesLeft > 0) {
                t.retriesLeft--;
                traceRetry(w, t, "retried after its worker died (" + t.retriesLeft + " retries left)");
                requeue(t);
                return;
            }
            err = crashError(w, t, exit, output);
        }
        if (t.outcomes == null) {
            f.failRemote(err);
            return;
        }
        t.outcomes[t.nextItem] = new ItemOutcome(null, err);
        t.nextItem++;
        t.timedOut = false;
        if (t.nextItem < t.outcomes.length) {
            traceRetry(w, t, "the rest of the chunk, from item " + (t.nextItem + 1) + ", goes to another worker");
            requeue(t);   // the rest of the chunk runs on another worker
        } else {
            f.completeRemote(t.outcomes.clone());
        }
    }

    /** A task sent to a worker that died before running it: back in the queue, no retry spent. */
    private void resend(Task t) {
        Future f = t.future;
        if (f.isDone()) return;   // cancelled while it waited there
        if (f.isCancelRequested()) f.cancelledRemote();
        else requeue(t);
    }

    private void traceRetry(Worker w, Task t, String detail) {
        TaskTrace trace = pool.registry().trace();
        if (trace != null) trace.instant("retry", t.future, pool, w, detail);
    }

    /**
     * Puts a lost task back at the head of the queue. Its worker's death was handled outside the
     * lock: if the pool broke meanwhile (another death found no worker left and none that can
     * start, as when every cluster member is killed at once), no one will take it: it fails now.
     */
    private void requeue(Task t) {
        lock.lock();
        try {
            if (!broken) {
                queue.addFirst(t);
                queued.incrementAndGet();
                return;
            }
        } finally {
            lock.unlock();
        }
        failStranded(List.of(t));
    }

    private static ErrorValue crashError(Worker w, Task t, String exit, String output) {
        Future f = t.future;
        StringBuilder sb = new StringBuilder(w.describe()).append(" died (").append(exit).append(") while running ").append(f.describe());
        String input = t.outcomes == null ? Convert.repr(SkeinList.wrap(f.arguments())) : "item " + (t.nextItem + 1) + " of a chunk";
        if (input.length() > 120) input = input.substring(0, 117) + "...";
        sb.append(" on input ").append(input);
        if (!output.isBlank()) sb.append("; its last stderr lines:\n").append(output.indent(4).stripTrailing());
        return Errors.of(ErrorKind.WORKER_CRASHED, sb.toString()).value();
    }

    @Override public void broken(String reason, ErrorValue error) {
        List<Task> failed;
        lock.lock();
        try {
            brokenReason = reason;
            broken = true;
            failed = takeQueue();
        } finally {
            lock.unlock();
        }
        failTaken(failed, error);
        pool.shutdown(null, false, true);
    }

    // ------------------------------------------------------------------ cancel, timeout, stop

    private Hand running(Future f) {
        for (Hand h : hands.values()) if (h.current != null && h.current.future == f) return h;
        return null;
    }

    void cancelRunning(Future f) {
        lock.lock();
        try {
            Hand h = running(f);
            if (h != null) {
                stop(h);
            } else if (sentBehind(f)) {
                // Not started: it ends now; its worker runs it when its turn comes, and the outcome is dropped.
                f.cancelledRemote();
            }
        } finally {
            lock.unlock();
        }
    }

    private boolean sentBehind(Future f) {
        for (Hand h : hands.values()) for (Task t : h.behind) if (t.future == f) return true;
        return false;
    }

    void timeOut(Future f) {
        lock.lock();
        try {
            Hand h = running(f);
            if (h != null) {
                h.current.timedOut = true;
                stop(h);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Stops the task {@code h} runs (under the lock). */
    private void stop(Hand h) {
        if (!transport.inProcess()) h.stopping = true;   // its worker is ended: it takes no more work
        h.worker.stop(h.current);
    }

    /** The pool is done: every worker ends once idle, then the transport closes. */
    void stopWorkers() {
        lock.lock();
        try {
            for (Hand h : hands.values()) h.worker.retire();
            hands.clear();
            handsChanged();
            idle.clear();
            idleCount = 0;
        } finally {
            lock.unlock();
        }
        transport.close();
    }
}
