package dev.skein.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skein.runtime.ErrorKind;
import dev.skein.runtime.Interpreter;
import dev.skein.runtime.SkeinDict;
import dev.skein.runtime.SkeinError;
import dev.skein.runtime.SkeinList;
import dev.skein.runtime.Values;
import dev.skein.stdlib.Stdlib;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.math.BigInteger;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The public codec: values and task envelopes to bytes and streams and back, versioned and
 * refusing what it cannot read; and a worker loop that runs over any pair of streams, here an
 * in-memory pipe in this JVM, speaking the same frames as a worker process.
 */
class ValueCodecTest {
    private final Interpreter interp = Stdlib.install(Interpreter.builder()).build();

    @Test void valuesRoundTripThroughBytesAndStreams() throws IOException {
        SkeinDict d = new SkeinDict();
        d.put("k", SkeinList.of(1L, new BigInteger("123456789012345678901234567890"), 2.5, "s", null, true));
        byte[] b = ValueCodec.encode(interp, d);
        assertEquals(ValueCodec.VERSION, b[0]);
        assertTrue(Values.eq(d, ValueCodec.decode(interp, b)));

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ValueCodec.write(interp, d, new DataOutputStream(bytes));
        ValueCodec.write(interp, "second", new DataOutputStream(bytes));
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()));
        assertTrue(Values.eq(d, ValueCodec.read(interp, in, key -> null)));
        assertEquals("second", ValueCodec.read(interp, in, key -> null));
    }

    @Test void foreignOrDamagedEncodingsAreValueErrors() {
        byte[] b = ValueCodec.encode(interp, SkeinList.of(1L, 2L));
        b[0] = (byte) (ValueCodec.VERSION + 1);
        SkeinError e = assertThrows(SkeinError.class, () -> ValueCodec.decode(interp, b));
        assertEquals(ErrorKind.VALUE, e.value().kind());
        assertTrue(e.value().message().contains("unknown encoding version"), e.value().message());
        byte[] cut = java.util.Arrays.copyOf(ValueCodec.encode(interp, "hello"), 4);
        assertEquals(ErrorKind.VALUE, assertThrows(SkeinError.class, () -> ValueCodec.decode(interp, cut)).value().kind());
    }

    @Test void unportableValuesArePortabilityErrors() {
        SkeinError e = assertThrows(SkeinError.class, () -> ValueCodec.encode(interp, SkeinList.of(1L, new dev.skein.concurrent.SkeinLock())));
        assertEquals(ErrorKind.PORTABILITY, e.value().kind());
    }

    @Test void aWorkerLoopRunsOverAnyStreams() throws Exception {
        PipedOutputStream toWorker = new PipedOutputStream();
        PipedInputStream workerIn = new PipedInputStream(toWorker, 1 << 16);
        PipedOutputStream workerOut = new PipedOutputStream();
        DataInputStream fromWorker = new DataInputStream(new PipedInputStream(workerOut, 1 << 16));
        Thread worker = new Thread(() -> {
            try {
                WorkerMain.serve(workerIn, workerOut, "20000", "", "", "no-extensions");
                workerOut.close();
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        }, "in-memory-worker");
        worker.start();
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            assertEquals(Wire.READY, Wire.read(fromWorker).type());
            DataOutputStream out = new DataOutputStream(toWorker);
            ValueCodec.TaskEnvelope task = new ValueCodec.TaskEnvelope(interp.builtins().get("abs"), new Object[] {-5L}, null);
            byte[] body = ValueCodec.encodeTask(interp, task, "test");
            Codec.Out head = new Codec.Out();
            head.writeInt(7);
            head.writeByte(Wire.TASK_CALL | Wire.TASK_TIMED);   // as while the parent records a timeline
            head.writeInt(0);
            byte[] h = head.toArray();
            byte[] payload = new byte[h.length + body.length];
            System.arraycopy(h, 0, payload, 0, h.length);
            System.arraycopy(body, 0, payload, h.length, body.length);
            Wire.write(out, Wire.TASK, payload);
            Wire.Frame timing = Wire.read(fromWorker);
            assertEquals(Wire.TIMING, timing.type(), "the worker's own times of the task come first");
            Codec.In t = new Codec.In(timing.payload());
            assertEquals(7, t.readInt());
            long from = t.readLong(), to = t.readLong();
            assertTrue(from > 0 && from <= to, "start " + from + " <= end " + to + ", epoch nanoseconds");
            Wire.Frame result = Wire.read(fromWorker);
            assertEquals(Wire.RESULT, result.type());
            byte[] p = result.payload();
            assertEquals(7, new Codec.In(p).readInt(), "the reply carries the task's id");
            assertEquals(5L, ValueCodec.decode(interp, java.util.Arrays.copyOfRange(p, 4, p.length)));
            Wire.write(out, Wire.SHUTDOWN, new byte[0]);
            worker.join(10_000);
            assertTrue(!worker.isAlive(), "the worker loop ends on SHUTDOWN");
        });
    }
}
