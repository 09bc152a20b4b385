package dev.skein.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skein.concurrent.MapIterator.ItemOutcome;
import dev.skein.runtime.Errors;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Test;

/**
 * The batched ITEM frames: what a worker writes is what the pool reads, consecutive items share
 * a frame, and damaged frames fail only per item or with {@link Codec.MalformedFrame}.
 */
class ItemBatchTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final ReentrantLock lock = new ReentrantLock();
    private final ItemBatch batch = new ItemBatch(new DataOutputStream(bytes), lock);

    /** A record whose "encoding" is a version byte and the item's number (read back as a long). */
    private Codec.Out record(Codec.Out rec, boolean ok, int n) {
        ItemBatch.begin(rec, ok);
        rec.writeByte(Codec.VERSION);
        rec.writeInt(n);
        return rec;
    }

    private static ItemOutcome decode(byte[] p, int from, int to, boolean ok) {
        Codec.In in = new Codec.In(p, from, to);
        if (in.readByte() != Codec.VERSION) return new ItemOutcome(null, Errors.value("version").value());
        long n = in.readInt();
        in.expectEnd();
        return ok ? new ItemOutcome(n, null) : new ItemOutcome(null, Errors.value("item " + n).value());
    }

    private void flush() throws IOException {
        lock.lock();
        try {
            batch.writePending();
        } finally {
            lock.unlock();
        }
    }

    private List<Wire.Frame> frames() throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()));
        List<Wire.Frame> out = new ArrayList<>();
        for (Wire.Frame f; (f = Wire.read(in)) != null; ) out.add(f);
        return out;
    }

    private static ItemBatch.Received read(byte[] payload, int chunk) {
        return ItemBatch.read(payload, chunk, ItemBatchTest::decode, bad -> Errors.value("unreadable: " + bad.getMessage()).value());
    }

    @Test void consecutiveItemsShareOneFrameAndComeBackInOrder() throws IOException {
        Codec.Out rec = new Codec.Out();
        // more=false: no flusher and no time limit, so the test does not depend on timing
        for (int i = 2; i < 7; i++) rec = batch.add(9, i, record(rec, i != 4, i), false);
        flush();
        List<Wire.Frame> fs = frames();
        assertEquals(1, fs.size());
        assertEquals(Wire.ITEM, fs.get(0).type());
        ItemBatch.Received r = read(fs.get(0).payload(), 10);
        assertEquals(2, r.first());
        assertEquals(5, r.outcomes().length);
        assertEquals(3L, r.outcomes()[1].value());
        assertEquals("item 4", r.outcomes()[2].error().message());
        assertNull(r.outcomes()[2].value());
        assertEquals(6L, r.outcomes()[4].value());
    }

    @Test void aGapOrAnotherTaskStartsANewFrame() throws IOException {
        Codec.Out rec = new Codec.Out();
        rec = batch.add(1, 0, record(rec, true, 0), false);
        rec = batch.add(1, 1, record(rec, true, 1), false);
        rec = batch.add(2, 0, record(rec, true, 7), false);   // another task
        rec = batch.add(2, 5, record(rec, true, 8), false);   // not consecutive
        flush();
        List<Wire.Frame> fs = frames();
        assertEquals(3, fs.size());
        assertEquals(2, read(fs.get(0).payload(), 2).outcomes().length);
        assertEquals(7L, read(fs.get(1).payload(), 1).outcomes()[0].value());
        assertEquals(5, read(fs.get(2).payload(), 6).first());
    }

    @Test void aBigRecordIsNotHeldBackWithSmallOnes() throws IOException {
        Codec.Out rec = new Codec.Out();
        rec = batch.add(1, 0, record(rec, true, 0), false);
        ItemBatch.begin(rec, true);
        rec.writeByte(Codec.VERSION);
        rec.writeRaw(new byte[ItemBatch.MAX_BYTES + 10], ItemBatch.MAX_BYTES + 10);
        rec = batch.add(1, 1, rec, false);
        assertEquals(1, frames().size(), "the small one left before the big one could join it");
        flush();
        List<Wire.Frame> fs = frames();
        assertEquals(2, fs.size());
        assertEquals(1, read(fs.get(0).payload(), 2).outcomes().length);
    }

    @Test void aSlowItemDoesNotHoldBackFinishedOnes() throws Exception {
        Codec.Out rec = new Codec.Out();
        batch.add(1, 0, record(rec, true, 0), true);   // more items follow, and none comes
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (bytes.size() == 0 && System.nanoTime() < deadline) Thread.sleep(2);
        assertTrue(bytes.size() > 0, "the flusher sent the finished item");
        assertEquals(0L, read(frames().get(0).payload(), 3).outcomes()[0].value());
    }

    @Test void damagedFramesFailPerItemOrAsMalformed() throws IOException {
        Codec.Out rec = new Codec.Out();
        for (int i = 0; i < 6; i++) rec = batch.add(3, i, record(rec, true, i), false);
        flush();
        byte[] valid = frames().get(0).payload();
        assertEquals(6, read(valid, 6).outcomes().length);
        // header problems: the whole frame is rejected
        assertThrows(Codec.MalformedFrame.class, () -> read(valid, 5));   // more items than the chunk has
        byte[] badFirst = valid.clone();
        badFirst[7] = 3;   // first = 3: items 3..9 of a chunk of 6
        assertThrows(Codec.MalformedFrame.class, () -> read(badFirst, 6));
        // a truncated frame: the items that can be located stand, the rest fail
        byte[] cut = java.util.Arrays.copyOf(valid, valid.length - 3);
        ItemBatch.Received r = read(cut, 6);
        assertEquals(4L, r.outcomes()[4].value());
        assertNotNull(r.outcomes()[5].error());
        assertTrue(r.outcomes()[5].error().message().startsWith("unreadable"), r.outcomes()[5].error().message());
        // fuzz: never anything but outcomes or MalformedFrame
        Random rnd = new Random(11);
        for (int i = 0; i < 3000; i++) {
            byte[] d = valid.clone();
            int n = 1 + rnd.nextInt(3);
            for (int k = 0; k < n; k++) d[rnd.nextInt(d.length)] = (byte) rnd.nextInt(256);
            if (rnd.nextBoolean()) d = java.util.Arrays.copyOf(d, rnd.nextInt(d.length + 1));
            try {
                ItemBatch.Received got = read(d, 6);
                for (ItemOutcome o : got.outcomes()) assertNotNull(o);
            } catch (Codec.MalformedFrame expected) {
                // rejected as a whole
            }
        }
    }
}
