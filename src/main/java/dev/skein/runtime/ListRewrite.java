package dev.skein.runtime;

import java.util.concurrent.CountDownLatch;

/**
 * One {@link SkeinList#rewrite} (a sort, a shuffle) or {@link SkeinList#find} in progress: the
 * thread running it, the list's storage when it began (unchanged while it runs, since writers
 * wait), and a latch that writers on other threads wait on. A write from the rewriting thread itself can
 * only come from the sort's key or comparison calling back into the list: waiting would
 * deadlock, so it is CPython's ValueError instead.
 */
final class ListRewrite {
    private final Thread owner = Thread.currentThread();
    final Object[] items;
    final int size;
    private final CountDownLatch done = new CountDownLatch(1);
    /** Set by the owner only, read by the owner only. */
    boolean modified;

    ListRewrite(Object[] items, int size) {
        this.items = items;
        this.size = size;
    }

    static SkeinError modified() { return Errors.value("list modified during sort"); }

    /** Called by a writer that found this rewrite running: waits for it, or raises on its own thread. */
    void awaitFromWriter() {
        if (Thread.currentThread() == owner) {
            modified = true;
            throw modified();
        }
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Errors.cancelled("interrupted while waiting for a list being sorted");
        }
    }

    boolean ownedByThisThread() { return Thread.currentThread() == owner; }

    void finish() { done.countDown(); }
}
