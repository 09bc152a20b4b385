package dev.skein.concurrent;

import dev.skein.runtime.ErrorValue;
import java.io.IOException;

/** One worker of a {@link Transport}: a thread, a virtual thread, a worker process. */
public interface Worker {
    /** Whether it can take a task as soon as it is started (else it reports {@link WorkerEvents#ready}). */
    default boolean readyAtStart() { return true; }

    /**
     * Starts running {@code task} (the worker is ready and idle); the outcome comes through the
     * events. IOException: the worker is gone, and reports its death. {@link Refused}: the task
     * cannot be run (a host's executor rejected it); it fails with that error.
     */
    void run(Task task) throws IOException;

    /** A task this worker refuses; the worker itself stays usable. */
    final class Refused extends RuntimeException {
        private final transient ErrorValue error;

        public Refused(ErrorValue error) {
            super(error.headline(), null, false, false);
            this.error = error;
        }

        public ErrorValue error() { return error; }
    }

    /**
     * Stops the task it runs, for a cancel or a timeout. In-process workers need nothing here
     * (the future interrupts the task's thread); a process worker is ended, and reports its death.
     */
    default void stop(Task task) {}

    /** Ends the worker once it is idle (retired after its tasks, or its pool is done). */
    void retire();

    /** How it is named in messages: "worker process 28021". */
    default String describe() { return "worker"; }

    /** How it ended, once dead: "exit code 3" (may wait for the end to be known). */
    default String exitDescription() { return "ended"; }

    /**
     * The group of its timeline track (see {@link TaskTrace}); null: its pool's. A worker that
     * lives elsewhere (a cluster member) names its machine here.
     */
    default String traceGroup() { return null; }

    /** The name of its timeline track: "worker process 28021". */
    default String traceName() { return describe(); }

    /** Its last lines of diagnostic output, once dead ("" if none). */
    default String lastOutput() { return ""; }
}
