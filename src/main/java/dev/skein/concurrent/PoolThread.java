package dev.skein.concurrent;

/**
 * A platform thread a pool started for its workers: it knows its pool from its first moment,
 * so a timeline gives it that pool's track when it first records, without a first-time branch
 * in the recording code (see {@link Timeline}).
 */
final class PoolThread extends Thread {
    private final Pool pool;

    PoolThread(Pool pool, Runnable body, String name, long stackBytes) {
        super(null, body, name, stackBytes);
        this.pool = pool;
    }

    /** Null when its transport was not told the pool. */
    Pool pool() { return pool; }
}
