package dev.skein.concurrent;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Whether a worker elsewhere may be sent a task behind the one it runs (see {@link Transport#window}):
 * only while the task would wait there at most a budget ({@link Transport#windowBudgetNanos}, by
 * default {@link #BUDGET_NANOS}) — what is left of the running task plus the tasks already
 * waiting. A task is expected to take what the last one from the same function and site took
 * (per item, for a chunk); a running chunk's rest is told by the items it has reported. Unknown
 * counts as too long. Short tasks (a map with chunk 1) so fill the window and hide the round
 * trip; a long chunk gets the next one behind it only as it nears its end; and a member's first
 * chunk while its JVM compiles the task (0.6-5 s against 0.15-0.35 s for the next ones) cannot
 * strand the next chunks on its worker while another worker idles at the end of a map.
 * Guarded by the scheduler's lock.
 */
final class WindowBudget {
    /** At most this long in a worker's input: a task sent elsewhere meanwhile would have started at most this much sooner. */
    static final long BUDGET_NANOS = 50_000_000L;
    private static final long UNKNOWN = -1;

    private final long budgetNanos;
    /**
     * Nanoseconds per item (a call is one item) the last task of each function and site took: as
     * its worker says (TIMING), else from being sent (or coming to run) to its result. Not the
     * round trip: on a loaded machine that alone can pass the budget, and short tasks would then
     * lose the window that hides it.
     */
    private final Map<Key, Long> perItem = new HashMap<>();

    private record Key(String function, String site) {}

    WindowBudget(long budgetNanos) { this.budgetNanos = budgetNanos; }

    /** {@code t} ended after {@code nanos} on its worker, which ran {@code items} of its items (1: a call). */
    void finished(Task t, long nanos, int items) { perItem.put(key(t), Math.max(1, nanos / Math.max(1, items))); }

    /**
     * Whether a task sent now behind {@code running} (on its worker since {@code since}, nanoTime,
     * with {@code itemsAtStart} of its items done then) and {@code behind} waits at most the budget.
     */
    boolean fits(Task running, long since, int itemsAtStart, Collection<Task> behind) {
        long elapsed = System.nanoTime() - since;
        long wait;
        int done = running.nextItem - itemsAtStart;
        if (running.isChunk() && done > 0) {
            wait = elapsed / done * (running.items() - running.nextItem);
        } else {
            long e = expected(running);
            if (e == UNKNOWN) return false;
            wait = Math.max(0, e - elapsed);
        }
        for (Task t : behind) {
            long e = expected(t);
            if (e == UNKNOWN) return false;
            wait += e;
        }
        return wait <= budgetNanos;
    }

    private long expected(Task t) {
        Long n = perItem.get(key(t));
        return n == null ? UNKNOWN : n * Math.max(1, t.items() - t.nextItem);
    }

    private static Key key(Task t) { return new Key(t.future.functionName(), t.future.site()); }
}
