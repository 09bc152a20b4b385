package dev.skein.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.skein.concurrent.Future;
import dev.skein.concurrent.Pool;
import dev.skein.concurrent.Waiting;
import dev.skein.runtime.Bytes;
import dev.skein.runtime.Convert;
import dev.skein.runtime.ErrorKind;
import dev.skein.runtime.ErrorValue;
import dev.skein.runtime.SkeinDict;
import dev.skein.runtime.SkeinError;
import dev.skein.runtime.SkeinList;
import dev.skein.runtime.SkeinSet;
import dev.skein.runtime.ThreadState;
import dev.skein.runtime.TraceEntry;
import dev.skein.runtime.Values;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The codec frame fuzzer (issue 14). Valid encodings of random values — every plane of strings,
 * lone surrogates, big ints, bytes, shared and cyclic containers, errors with traces — and of
 * task envelopes and item batches are damaged by a seeded {@link FrameMutator} and fed to the
 * decoders; then a real pool's worker process is fed damaged task frames. The properties: a
 * valid encoding decodes to an equal value; a damaged one decodes or fails with the codec's own
 * error (never another Java exception); a worker fed a damaged frame fails that task, or exits
 * and is replaced, with a message and no Java trace; and the pool goes on serving tasks.
 *
 * <p>In the build: fixed seeds, bounded (about 20 s in all). {@code bench/fuzz_frames.sh} runs
 * the long one: {@code -Dskein.fuzz.frames=N -Dskein.fuzz.workerTasks=M -Dskein.fuzz.seed=S}.
 */
class FrameFuzzTest {
    private static final long SEED = Long.getLong("skein.fuzz.seed", 14);
    private static final int FRAMES = Integer.getInteger("skein.fuzz.frames", 60_000);
    private static final int WORKER_TASKS = Integer.getInteger("skein.fuzz.workerTasks", 60);

    private static final ScriptSession session = new ScriptSession("frame_fuzz");

    @AfterAll static void close() { session.close(); }

    // ------------------------------------------------------------------ random values

    /** A random portable value, {@code depth} levels at most. */
    static Object value(Random r, int depth) {
        int pick = r.nextInt(depth <= 0 ? 7 : 12);
        return switch (pick) {
            case 0 -> null;
            case 1 -> r.nextBoolean();
            case 2 -> r.nextLong() >> r.nextInt(64);
            case 3 -> new BigInteger(70 + r.nextInt(200), r) .negate();
            case 4 -> r.nextInt(4) == 0 ? (double) r.nextInt(1000) / 7 : r.nextDouble() * 1e300;
            case 5, 6 -> text(r);
            case 7 -> {
                byte[] b = new byte[r.nextInt(20)];
                r.nextBytes(b);
                yield Bytes.wrap(b);
            }
            case 8 -> {
                SkeinList l = new SkeinList(0);
                for (int i = r.nextInt(6); i > 0; i--) l.append(value(r, depth - 1));
                if (r.nextInt(8) == 0) l.append(l);   // a cycle
                yield l;
            }
            case 9 -> {
                SkeinDict d = new SkeinDict();
                for (int i = r.nextInt(5); i > 0; i--) d.put(text(r), value(r, depth - 1));
                yield d;
            }
            case 10 -> {
                SkeinSet s = new SkeinSet();
                for (int i = r.nextInt(5); i > 0; i--) s.add(r.nextBoolean() ? text(r) : (Object) (long) r.nextInt(100));
                yield s;
            }
            default -> {
                ErrorValue e = new ErrorValue(ErrorKind.VALUE, text(r), r.nextBoolean() ? null : new ErrorValue(ErrorKind.TYPE, text(r), null));
                e.addTrace(new TraceEntry(text(r) + ".skein", r.nextInt(100), r.nextInt(80), "f"));
                yield e;
            }
        };
    }

    /** A string from every plane: ASCII, Latin-1, BMP, astral, and lone surrogates of both halves. */
    static String text(Random r) {
        StringBuilder sb = new StringBuilder();
        for (int i = r.nextInt(8); i > 0; i--) {
            switch (r.nextInt(6)) {
                case 0 -> sb.append((char) (' ' + r.nextInt(95)));
                case 1 -> sb.append((char) (0xA0 + r.nextInt(0x60)));
                case 2 -> sb.append((char) (0x400 + r.nextInt(0xD000 - 0x400)));
                case 3 -> sb.appendCodePoint(0x10000 + r.nextInt(0x100000));
                case 4 -> sb.append((char) (0xD800 + r.nextInt(0x800)));   // lone, unless a pair forms by chance
                default -> sb.append((char) (0xE000 + r.nextInt(0x2000)));
            }
        }
        return sb.toString();
    }

    // ------------------------------------------------------------------ the decoders

    private interface Decode {
        void run(byte[] bytes) throws IOException;
    }

    /** Feeds {@code bytes} to {@code decode}: it may succeed or fail with {@code allowed}, nothing else. */
    private static void feed(String what, byte[] bytes, Decode decode, Set<Class<? extends Throwable>> allowed) {
        try {
            decode.run(bytes);
        } catch (Throwable t) {
            if (allowed.stream().anyMatch(c -> c.isInstance(t))) {
                if (t instanceof SkeinError e) assertEquals(ErrorKind.VALUE, e.value().kind(), what + ": " + e.value().message());
                return;
            }
            throw new AssertionError(what + " escaped " + t + " (seed " + SEED + ") for " + HexFormat.of().formatHex(bytes, 0, Math.min(bytes.length, 200)), t);
        }
    }

    @Test void damagedValueAndTaskEncodingsDecodeOrFailCleanly() {
        Random r = new Random(SEED);
        FrameMutator m = new FrameMutator(SEED);
        Object abs = session.interp.builtins().get("abs");
        int mutated = 0;
        for (int i = 0; i < FRAMES / 2; i++) {
            Object v = value(r, 4);
            byte[] good = ValueCodec.encode(session.interp, v);
            if (i % 16 == 0) assertEquals(Convert.repr(v), Convert.repr(ValueCodec.decode(session.interp, good)), "round trip");
            byte[] bad = m.mutate(good);
            feed("ValueCodec.decode", bad, b -> ValueCodec.decode(session.interp, b), Set.of(SkeinError.class));
            byte[] task = ValueCodec.encodeTask(session.interp, new ValueCodec.TaskEnvelope(abs, new Object[] {v, value(r, 2)}, null), "fuzz");
            feed("ValueCodec.decodeTask", m.mutate(task), b -> ValueCodec.decodeTask(session.interp, b, 0, k -> null, Set.of()), Set.of(SkeinError.class));
            mutated += 2;
        }
        System.out.printf("frame fuzz, value and task decoders: %d damaged frames (seed %d), none escaped%n", mutated, SEED);
    }

    @Test void damagedItemBatchesAndStreamsFailCleanly() throws IOException {
        Random r = new Random(SEED + 1);
        FrameMutator m = new FrameMutator(SEED + 1);
        for (int i = 0; i < FRAMES / 4; i++) {
            byte[] batch = itemBatch(r);
            feed("ItemBatch.read", m.mutate(batch), b -> ItemBatch.read(b, 16, (p, from, to, ok) -> {
                ValueDecoder d = new ValueDecoder(p, from, to, session.interp, k -> null);
                d.read();
                d.in().expectEnd();
                return null;
            }, bad -> Errors.unreadable()), Set.of(Codec.MalformedFrame.class));
            // A stream of frames, damaged anywhere (lengths too): frames, a clean end, or an IOException.
            ByteArrayOutputStream stream = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(stream);
            for (int k = r.nextInt(4); k >= 0; k--) Wire.write(out, (byte) r.nextInt(16), ValueCodec.encode(session.interp, value(r, 2)));
            feed("Wire.read", m.mutate(stream.toByteArray()), b -> {
                DataInputStream in = new DataInputStream(new ByteArrayInputStream(b));
                while (Wire.read(in) != null) { }
            }, Set.of(IOException.class));
        }
        System.out.printf("frame fuzz, item batches and frame streams: %d damaged frames (seed %d), none escaped%n", FRAMES / 4 * 2, SEED + 1);
    }

    /** A valid ITEM payload of a chunk of 16: task id, first, count, then the items' records. */
    private static byte[] itemBatch(Random r) {
        Codec.Out out = new Codec.Out();
        int first = r.nextInt(8), count = 1 + r.nextInt(8);
        out.writeInt(7);
        out.writeInt(first);
        out.writeInt(count);
        for (int k = 0; k < count; k++) {
            byte[] item = ValueCodec.encode(session.interp, value(r, 2));
            out.writeByte(1);
            out.writeBytes(item);
        }
        return out.toArray();
    }

    /** The error an unreadable item gets (what the pool gives it). */
    private static final class Errors {
        static ErrorValue unreadable() { return new ErrorValue(ErrorKind.VALUE, "unreadable", null); }
    }

    // ------------------------------------------------------------------ a real worker

    @Test void aWorkerFedDamagedFramesFailsThoseTasksAndThePoolGoesOn() {
        ThreadState ts = new ThreadState(session.interp);
        Pool pool = ProcessTransport.pool(ts, 1, 0, null, new Object[0], 0, (config, useCache) -> {
            List<String> args = new ArrayList<>();
            args.add(Long.toString(SEED));
            args.addAll(config.toArgs());
            return WorkerProcess.start(WorkerJvm.command(CorruptingWorker.class.getName(), args, false), 60);
        });
        Object sorted = session.interp.builtins().get("sorted");
        Random r = new Random(SEED + 2);
        int clean = 0, damagedOk = 0, damagedFailed = 0, crashed = 0;
        try {
            for (int i = 0; i < WORKER_TASKS; i++) {
                SkeinList input = new SkeinList(0);
                for (int k = r.nextInt(12); k >= 0; k--) input.append(text(r));
                Object expected = Values.call(ts, sorted, new Object[] {input}, null);
                Future f = pool.submit(ts, sorted, new Object[] {input}, null, 30.0, "fuzz");
                boolean damaged = (f.id() & 1) == 0;   // CorruptingWorker damages the frames of even task ids
                try {
                    Object got = Waiting.await(ts, f, 60.0);
                    if (damaged) damagedOk++;
                    else {
                        assertTrue(Values.eq(expected, got), "an undamaged task's result: " + got);
                        clean++;
                    }
                } catch (SkeinError e) {
                    String msg = e.value().headline() + "\n" + e.value().message();
                    if (!damaged) fail("an undamaged task failed: " + msg);
                    assertTrue(!msg.contains("\tat ") && !msg.contains("Exception") && !msg.contains("java."), "a Java trace or type reached the script: " + msg);
                    if (e.value().kind() == ErrorKind.WORKER_CRASHED) crashed++;
                    else damagedFailed++;
                }
            }
        } finally {
            pool.shutdown(ts, false, true);
        }
        System.out.printf("frame fuzz, real worker: %d tasks: %d undamaged ok; damaged: %d ran, %d failed cleanly, %d ended their worker (replaced)%n",
                WORKER_TASKS, clean, damagedOk, damagedFailed, crashed);
        assertTrue(clean >= WORKER_TASKS / 2 - 1, "the pool went on serving: " + clean + " undamaged tasks");
        assertTrue(damagedFailed + crashed > 0, "some damage was noticed");
    }
}
