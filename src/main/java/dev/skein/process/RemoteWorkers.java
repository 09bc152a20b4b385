package dev.skein.process;

import java.io.IOException;
import java.util.List;

/**
 * The seam for workers that are not child JVMs of this one (a cluster member's hosted worker):
 * a {@link RemoteWorkers} starts each worker as a {@link Process} whose pipes reach it however
 * the transport likes, and {@link ProcessTransport} does the rest exactly as for a worker
 * process — the same frames, codec, sources, init, prints, chunks, retries and crash reports.
 */
public interface RemoteWorkers {
    /** A worker reached through pipes; it names itself in messages. */
    abstract class RemoteProcess extends Process {
        /** How it is named in messages: "worker 3 on cluster member 127.0.0.1:5701". */
        public abstract String describe();

        /** How it ended, once dead: "the member left the cluster". */
        public abstract String exitDescription();
    }

    /** Starts one worker, passing it {@code workerArgs} (the parent's configuration, see {@link WorkerMain#serveHosted}). */
    RemoteProcess start(List<String> workerArgs) throws IOException;

    /** After the pool has stopped its workers. */
    default void close() {}
}
