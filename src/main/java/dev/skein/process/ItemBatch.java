package dev.skein.process;

import dev.skein.concurrent.MapIterator.ItemOutcome;
import dev.skein.runtime.ErrorValue;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A worker's reports of finished chunk items, gathered into one ITEM frame instead of a frame
 * (and a pipe write) per item. It is guarded by the worker's send lock, and whoever writes a
 * frame writes the pending items first, so the pool hears of things in the order they happened.
 * A batch leaves when its chunk ends, when it grows large, and at most {@link #MAX_DELAY_NANOS}
 * after its first item finished — a small flusher thread sees to that while a chunk runs — so
 * a slow item never holds back the reports of the items finished before it.
 */
final class ItemBatch {
    static final long MAX_DELAY_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
    /** A batch this large leaves at once; a larger record is never copied into a batch. */
    static final int MAX_BYTES = 1 << 20;

    private final DataOutputStream out;
    private final ReentrantLock lock;
    private final Condition started;
    /** The pending items' records: ok flag, length, encoding. */
    private Codec.Out records = new Codec.Out(1 << 12);
    private int task, first, count;
    private long since;
    private Thread flusher;

    /** {@code lock} guards {@code out}: the worker's send lock. */
    ItemBatch(DataOutputStream out, ReentrantLock lock) {
        this.out = out;
        this.lock = lock;
        this.started = lock.newCondition();
    }

    /** Starts an item's record in {@code rec}: ok flag and a length filled in by {@link #add}. */
    static void begin(Codec.Out rec, boolean ok) {
        rec.truncate(0);
        rec.writeByte(ok ? 1 : 0);
        rec.writeInt(0);
    }

    /**
     * Adds the record of item {@code index} of task {@code task} and returns an empty buffer for
     * the next record. {@code more}: whether the chunk has items after this one (after the last,
     * the caller sends the chunk's end, which takes the batch along).
     */
    Codec.Out add(int task, int index, Codec.Out rec, boolean more) throws IOException {
        rec.patchInt(1, rec.size() - 5);
        lock.lock();
        try {
            if (count > 0 && (task != this.task || index != first + count || records.size() + rec.size() > MAX_BYTES)) writePending();
            Codec.Out spare;
            long now = System.nanoTime();
            if (count == 0) {
                spare = records;     // take the caller's buffer as it is: a big record is not copied
                records = rec;
                this.task = task;
                first = index;
                since = now;
                if (more) wakeFlusher();
            } else {
                records.append(rec);
                spare = rec;
            }
            count++;
            if (more && (records.size() >= MAX_BYTES || now - since >= MAX_DELAY_NANOS)) {
                writePending();
                out.flush();
            }
            spare.truncate(0);
            return spare;
        } finally {
            lock.unlock();
        }
    }

    /** Sends the pending items now. */
    void flushNow() throws IOException {
        lock.lock();
        try {
            writePending();
            out.flush();
        } finally {
            lock.unlock();
        }
    }

    /** Writes the pending items as one ITEM frame, without flushing. Call with the lock held. */
    void writePending() throws IOException {
        if (count == 0) return;
        Codec.Out h = new Codec.Out(12);
        h.writeInt(task);
        h.writeInt(first);
        h.writeInt(count);
        Wire.writeUnflushed(out, Wire.ITEM, h.toArray(), records);
        count = 0;
        if (records.capacity() > 4 * MAX_BYTES) records = new Codec.Out(1 << 12);   // a huge item's buffer is not kept
        else records.truncate(0);
    }

    /** What an ITEM frame reports: the outcomes of items {@code first, first + 1, …}. */
    record Received(int first, ItemOutcome[] outcomes) {}

    /** Decodes one item's encoding, {@code payload[from, to)}; never throws. */
    interface ItemDecoder {
        ItemOutcome decode(byte[] payload, int from, int to, boolean ok);
    }

    /**
     * Reads an ITEM frame of a chunk of {@code chunkLength} items. An item whose record cannot
     * be located (a bad length) fails, with those after it, with {@code unreadable}'s error; a
     * frame whose header is wrong (items outside the chunk, an impossible count) is a
     * {@link Codec.MalformedFrame}.
     */
    static Received read(byte[] payload, int chunkLength, ItemDecoder decoder, java.util.function.Function<RuntimeException, ErrorValue> unreadable) {
        Codec.In in = new Codec.In(payload);
        in.readInt();   // task id: the pool knows which task the worker runs
        int first = in.readInt();
        int count = in.readLength(6);   // each item takes at least a flag, a length and a version byte
        if (first < 0 || first > chunkLength - count) {
            throw new Codec.MalformedFrame("items " + first + ".." + ((long) first + count) + " are not in a chunk of " + chunkLength);
        }
        ItemOutcome[] got = new ItemOutcome[count];
        for (int k = 0; k < count; k++) {
            boolean ok;
            int from, len;
            try {
                byte flag = in.readByte();
                if (flag != 0 && flag != 1) throw new Codec.MalformedFrame("bad item flag " + flag);
                ok = flag == 1;
                len = in.readLength(1);
                from = in.position();
                in.skip(len);
            } catch (Codec.MalformedFrame bad) {
                ErrorValue err = unreadable.apply(bad);
                for (int j = k; j < count; j++) got[j] = new ItemOutcome(null, err);
                return new Received(first, got);
            }
            got[k] = decoder.decode(payload, from, from + len, ok);
        }
        in.expectEnd();
        return new Received(first, got);
    }

    private void wakeFlusher() {
        if (flusher == null) {
            flusher = new Thread(this::flushLate, "skein-worker-item-flusher");
            flusher.setDaemon(true);
            flusher.start();
        } else {
            started.signal();
        }
    }

    /** The flusher: sends a batch whose first item has waited {@link #MAX_DELAY_NANOS}. */
    private void flushLate() {
        lock.lock();
        try {
            while (true) {
                if (count == 0) {
                    started.await();
                    continue;
                }
                long left = since + MAX_DELAY_NANOS - System.nanoTime();
                if (left > 0) {
                    started.awaitNanos(left);
                    continue;
                }
                writePending();
                out.flush();
            }
        } catch (InterruptedException stop) {
            // the worker is exiting
        } catch (IOException parentGone) {
            Runtime.getRuntime().halt(0);
        } finally {
            lock.unlock();
        }
    }
}
