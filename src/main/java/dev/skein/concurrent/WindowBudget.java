package dev.skein.concurrent;

import java.util.Collection;
import java.util.WeakHashMap;

/**
 * How much work a worker elsewhere may hold behind the task it runs (see {@link Transport#window}):
 * tasks wait behind it only while the time they are expected to take, with the one it runs,
 * stays under a budget ({@link Transport#windowBudgetNanos}, by default {@link #BUDGET_NANOS}). A task is expected to take what the last task of the same
 * function took; a function not yet seen to finish is not sent behind anything, nor is anything
 * sent behind it. Short tasks (a map with chunk 1) still fill the window and hide the round
 * trip; a long one, or a member's first chunk while its JVM compiles the task (0.6-5 s against
 * 0.15-0.35 s for the next ones), cannot strand the next chunks on its worker while another
 * worker goes idle at the end of a map. Guarded by the scheduler's lock.
 */
final class WindowBudget {
    /** Work a worker may hold beyond its running task: a round trip (about 1 ms) is then at most a few percent of it. */
    static final long BUDGET_NANOS = 50_000_000L;
    private static final long UNKNOWN = -1;

    private final long budgetNanos;

    /** Nanoseconds the last task of each function took, from being sent (or coming to run) to its result. */
    private final WeakHashMap<Object, Long> took = new WeakHashMap<>();

    WindowBudget(long budgetNanos) { this.budgetNanos = budgetNanos; }

    /** {@code t} ended after {@code nanos} on its worker. */
    void finished(Task t, long nanos) { took.put(t.future.callee(), Math.max(1, nanos)); }

    /** Whether {@code next} may wait behind {@code running} and {@code behind} on one worker. */
    boolean fits(Task running, Collection<Task> behind, Task next) {
        long total = expected(next);
        if (total == UNKNOWN) return false;
        long r = expected(running);
        if (r == UNKNOWN) return false;
        total += r;
        for (Task t : behind) {
            long e = expected(t);
            if (e == UNKNOWN) return false;
            total += e;
        }
        return total <= budgetNanos;
    }

    private long expected(Task t) {
        Long n = took.get(t.future.callee());
        return n == null ? UNKNOWN : n;
    }
}
