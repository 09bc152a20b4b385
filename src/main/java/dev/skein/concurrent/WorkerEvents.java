package dev.skein.concurrent;

import dev.skein.concurrent.MapIterator.ItemOutcome;
import dev.skein.runtime.ErrorValue;

/** What workers tell their {@link Scheduler}. Called from any thread. */
public interface WorkerEvents {
    /** A worker that was not {@link Worker#readyAtStart() ready at start} can take tasks now. */
    void ready(Worker w);

    /** Items {@code first…} of the chunk {@code task} finished (a chunk's items report one by one). */
    void items(Worker w, Task task, int first, ItemOutcome[] outcomes);

    /**
     * The task ended. In-process workers pass {@code recorded} (the future holds its outcome);
     * others pass the value, or the error (for a chunk: why its unreported items failed, or null).
     */
    void finished(Worker w, Task task, Object value, ErrorValue error, boolean recorded);

    /** The worker is gone; {@code onPurpose}: it was stopped (cancel, timeout, retirement). */
    void died(Worker w, boolean onPurpose);

    /** The pool cannot run tasks any more (e.g. its init function failed): fail them with {@code error}. */
    void broken(String reason, ErrorValue error);

    /** The pool these workers work for (null: not told), which names their timeline tracks. */
    default Pool pool() { return null; }
}
