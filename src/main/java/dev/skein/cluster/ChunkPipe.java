package dev.skein.cluster;

import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An input stream over byte arrays handed to it, read in order; once closed it ends after what
 * it holds (arrays added after the close are dropped). It knows when its reader has read all
 * and waits for more ({@link #awaitIdleOr}): a hosted worker has then done with its frames.
 */
final class ChunkPipe extends InputStream {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ArrayDeque<Chunk> chunks = new ArrayDeque<>();
    /** Where reading stands in the head chunk's array. */
    private int headPos = -1;
    private boolean closed;
    private boolean readerWaiting;
    private boolean readerGone;

    /** Appends {@code bytes}; false (dropped) once closed. */
    boolean add(byte[] bytes) { return add(bytes, 0); }

    /** Appends {@code bytes} from index {@code from} on, not copied; false (dropped) once closed. */
    boolean add(byte[] bytes, int from) {
        lock.lock();
        try {
            if (closed) return false;
            if (bytes.length > from) {
                chunks.add(new Chunk(bytes, from));
                readerWaiting = false;
                changed.signalAll();
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** No more input: the reader gets the end once it has read what is here. */
    @Override public void close() {
        lock.lock();
        try {
            closed = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Stops now: what is held and unread is dropped, and the reader gets the end at its next read. */
    void closeNow() {
        lock.lock();
        try {
            chunks.clear();
            headPos = -1;
            closed = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Wakes {@link #awaitIdleOr} to look at its condition again. */
    void poke() {
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The reader will read no more (its thread ended). */
    void readerGone() {
        lock.lock();
        try {
            readerGone = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until the reader has read everything and waits for more, or is gone, or {@code ready}
     * holds (looked at again on each {@link #poke}); returns whether the reader is idle or gone.
     */
    boolean awaitIdleOr(java.util.function.BooleanSupplier ready) throws InterruptedException {
        lock.lock();
        try {
            while (!idle() && !ready.getAsBoolean()) changed.await();
            return idle();
        } finally {
            lock.unlock();
        }
    }

    private boolean idle() { return readerGone || readerWaiting && chunks.isEmpty(); }

    @Override public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override public int read(byte[] b, int off, int len) {
        if (len == 0) return 0;
        lock.lock();
        try {
            while (chunks.isEmpty()) {
                if (closed) return -1;
                readerWaiting = true;
                changed.signalAll();
                changed.awaitUninterruptibly();
            }
            Chunk head = chunks.peek();
            if (headPos < 0) headPos = head.from;
            int n = Math.min(len, head.bytes.length - headPos);
            System.arraycopy(head.bytes, headPos, b, off, n);
            headPos += n;
            if (headPos == head.bytes.length) {
                chunks.poll();
                headPos = -1;
            }
            return n;
        } finally {
            lock.unlock();
        }
    }

    /** Bytes handed over, read from {@code from} on. */
    private record Chunk(byte[] bytes, int from) {}
}
