package dev.skein.process;

import dev.skein.ast.Stmt;
import dev.skein.concurrent.TraceClock;
import dev.skein.interp.ModuleInstance;
import dev.skein.interp.Runner;
import dev.skein.runtime.ErrorKind;
import dev.skein.runtime.ErrorValue;
import dev.skein.runtime.Errors;
import dev.skein.runtime.ExitRequest;
import dev.skein.runtime.Interpreter;
import dev.skein.runtime.OutputSink;
import dev.skein.runtime.SkeinError;
import dev.skein.runtime.SkeinList;
import dev.skein.runtime.ThreadState;
import dev.skein.runtime.Values;
import dev.skein.stdlib.Stdlib;
import dev.skein.syntax.CompileError;
import dev.skein.syntax.Source;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A process-pool worker: a JVM started by the pool, talking over its stdin/stdout pipes only.
 * It compiles the sources it is sent (it never runs a script's top level), runs tasks one at a
 * time, and exits when the pipe closes — so a dead parent, even one killed with -9, leaves no
 * worker behind.
 */
public final class WorkerMain {
    private final DataInputStream in;
    private final DataOutputStream out;
    private final ReentrantLock sendLock = new ReentrantLock();
    private final Interpreter interp;
    private final Runner runner;
    private final Map<String, ModuleInstance> modules = new HashMap<>();
    /** Globals the pool's init function uses: they belong to this worker, tasks do not overwrite them. */
    private final java.util.Set<String> initOwned = new java.util.HashSet<>();
    /** Served inside another JVM (a cluster member): an interrupt of its thread stops the task, exit() ends only this worker. */
    private boolean hosted;

    private WorkerMain(DataInputStream in, DataOutputStream out, WorkerConfig config) throws IOException {
        this.in = in;
        this.out = out;
        ClassLoader loader = WorkerMain.class.getClassLoader();
        // Checked again here (the parent checked its class path): a worker without them must not say READY.
        String missing = HostFunctions.missingExtensions(config.requiredExtensions(), loader);
        if (missing != null) throw new IOException(missing);
        Interpreter.Builder b = ProcessPools.install(Stdlib.install(Interpreter.builder()))
                .stdout(printSink((byte) 1))
                .stderr(printSink((byte) 2))
                .recursionLimit(config.recursionLimit())
                .compile(config.compile())
                .builtins(HostFunctions.forWorker(config.hostFunctions(), config.extensions(), loader))
                .builtins(config.constants() ? readConstants(in) : Map.of());
        config.grants().forEach(b::grant);
        if (config.grants().contains(dev.skein.runtime.Capability.ENVIRONMENT)) b.env(System.getenv());
        this.interp = b.build();
        this.runner = Runner.of(interp);
    }

    /** The CONSTANTS frame the parent sends first when its host has constants. */
    private static Map<String, Object> readConstants(DataInputStream in) throws IOException {
        Wire.Frame frame = Wire.read(in);
        if (frame == null || frame.type() != Wire.CONSTANTS) throw new IOException("expected the host's constants first");
        try {
            return HostConstants.read(frame.payload());
        } catch (RuntimeException bad) {
            throw new IOException("unreadable host constants: " + bad.getMessage());
        }
    }

    public static void main(String[] args) throws IOException {
        OutputStream channel = new FileOutputStream(FileDescriptor.out);
        System.setOut(System.err);  // nothing stray may ever reach the channel
        watchParent();
        runAndExit(System.in, channel, args);
    }

    /** A worker process's life over its pipes: serves until they close, then ends the JVM. */
    static void runAndExit(InputStream in, OutputStream channel, String[] args) {
        WorkerConfig config = WorkerConfig.fromArgs(args);
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(channel, 1 << 16));
        try {
            new WorkerMain(new DataInputStream(new BufferedInputStream(in, 1 << 16)), out, config).serve();
            out.flush();
        } catch (IOException | RuntimeException unreadable) {
            // One line, never a Java trace: the pool shows a worker's last lines when it fails its task.
            System.err.println("skein worker: stopped: " + unreadable.getMessage());
            Runtime.getRuntime().halt(EXIT_BAD_FRAME);
        }
        Runtime.getRuntime().halt(0);   // no shutdown hooks to run in a worker
    }

    /** The exit code of a worker stopped by a frame it could not read (EX_DATAERR). */
    static final int EXIT_BAD_FRAME = 65;

    /**
     * Runs a worker over any pair of streams — a pool's pipes, a socket, a test's in-memory pipe —
     * until the input ends or says SHUTDOWN. {@code configArgs} are what a pool passes a worker
     * JVM on its command line (recursion limit, grants, host function names, extensions, compile).
     */
    public static void serve(InputStream in, OutputStream out, String... configArgs) throws IOException {
        DataOutputStream data = new DataOutputStream(new BufferedOutputStream(out, 1 << 16));
        new WorkerMain(new DataInputStream(new BufferedInputStream(in, 1 << 16)), data, WorkerConfig.fromArgs(configArgs)).serve();
        data.flush();
    }

    /**
     * Like {@link #serve}, for a worker living inside a JVM that runs other things (a cluster
     * member): a Java interrupt of the serving thread stops the running task, and a task's
     * {@code exit(n)} ends only this worker — serving stops and n is returned — never the JVM.
     * Returns -1 when the input ended or said SHUTDOWN.
     */
    public static int serveHosted(InputStream in, OutputStream out, String... configArgs) throws IOException {
        DataOutputStream data = new DataOutputStream(new BufferedOutputStream(out, 1 << 16));
        WorkerMain w = new WorkerMain(new DataInputStream(new BufferedInputStream(in, 1 << 16)), data, WorkerConfig.fromArgs(configArgs));
        w.hosted = true;
        try {
            w.serve();
            data.flush();
            return -1;
        } catch (HostedExit exit) {
            return exit.code;
        }
    }

    /** A hosted worker's task called exit(n): it unwinds the serving loop. */
    private static final class HostedExit extends RuntimeException {
        final int code;

        HostedExit(int code) {
            super(null, null, false, false);
            this.code = code;
        }
    }

    /** Backup for the closed pipe: exit when the parent process is gone. */
    private static void watchParent() {
        ProcessHandle parent = ProcessHandle.current().parent().orElse(null);
        if (parent == null) return;
        Thread t = new Thread(() -> {
            while (true) {
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
                if (!parent.isAlive()) Runtime.getRuntime().halt(0);
            }
        }, "skein-worker-parent-watch");
        t.setDaemon(true);
        t.start();
    }

    private OutputSink printSink(byte stream) {
        return new OutputSink() {
            @Override public void write(String text) {
                Codec.Out payload = new Codec.Out(text.length() + 8);
                payload.writeByte(stream);
                payload.writeString(text);   // lone surrogates too: the parent's output decides how to show them
                send(Wire.PRINT, payload);
            }

            @Override public void flush() { }
        };
    }

    private void send(byte type, byte[] payload) {
        sendFrame(type, payload, null);
    }

    private void send(byte type, Codec.Out payload) {
        sendFrame(type, null, payload);
    }

    /** Sends a task's outcome frame, after the TIMING frame of its run from {@code startEpochNanos} to now. */
    private void sendOutcome(byte type, Codec.Out payload, int id, long startEpochNanos) {
        Codec.Out timing = new Codec.Out(20);
        timing.writeInt(id);
        timing.writeLong(startEpochNanos);
        timing.writeLong(TraceClock.now());
        sendFrame(type, null, payload, timing);
    }

    /** Sends a frame now (its payload is {@code bytes} or {@code encoded}), after any item reports still pending, and flushes. */
    private void sendFrame(byte type, byte[] bytes, Codec.Out encoded) {
        sendFrame(type, bytes, encoded, null);
    }

    private void sendFrame(byte type, byte[] bytes, Codec.Out encoded, Codec.Out timing) {
        sendLock.lock();
        try {
            ItemBatch batch = items;
            if (batch != null) batch.writePending();
            if (timing != null) Wire.writeUnflushed(out, Wire.TIMING, NO_BYTES, timing);
            if (encoded != null) Wire.writeUnflushed(out, type, NO_BYTES, encoded);
            else Wire.writeUnflushed(out, type, bytes, bytes.length, bytes, 0);
            out.flush();
        } catch (IOException parentGone) {
            if (hosted) throw new HostedExit(0);
            Runtime.getRuntime().halt(0);
        } finally {
            sendLock.unlock();
        }
    }

    private static final byte[] NO_BYTES = new byte[0];

    /** The reports of finished chunk items (made when the first chunk runs). */
    private volatile ItemBatch items;

    private ModuleInstance module(String key) {
        return modules.computeIfAbsent(key, k -> new ModuleInstance("__main__", k));
    }

    /**
     * Reads and runs frames until SHUTDOWN or the end of input. A frame it cannot read fails its
     * task when its task id can be read; otherwise (a bad type, header or program) the worker
     * stops with an IOException, so the pool fails the task it sent and replaces the worker,
     * never waiting for an answer that will not come.
     */
    private void serve() throws IOException {
        send(Wire.READY, new byte[0]);
        while (true) {
            Wire.Frame frame = Wire.read(in);
            if (frame == null || frame.type() == Wire.SHUTDOWN) return;
            try {
                switch (frame.type()) {
                    case Wire.SOURCE -> compile(frame.payload());
                    case Wire.TASK -> runTask(frame.payload(), false);
                    case Wire.INIT -> runTask(frame.payload(), true);
                    default -> throw new IOException("unexpected frame type " + frame.type());
                }
            } catch (Codec.MalformedFrame bad) {
                throw new IOException("unreadable frame (type " + frame.type() + "): " + bad.getMessage());
            }
        }
    }

    private void compile(byte[] payload) {
        Codec.In r = new Codec.In(payload);
        String key = r.readString();
        String name = r.readString();
        try {
            List<Stmt> program = ProgramCodec.decode(new Codec.In(r.readBytes()));
            runner.compileParsed(new Source(name, ""), program, module(key), false);
        } catch (CompileError e) {
            System.err.println("skein worker: cannot compile " + name + ":\n" + e.render());
        } catch (RuntimeException e) {
            // A program it cannot read: the tasks that need it could not run, so the worker stops.
            throw new Codec.MalformedFrame("cannot read the program " + name + ": " + e.getMessage());
        }
    }

    /**
     * Task payload: task id (int: the pool's id of the task), kind (byte: {@link Wire#TASK_CALL},
     * {@link Wire#TASK_CHUNK}, or {@link Wire#TASK_CHUNK_EACH_ITEM} — a chunk with a timeout,
     * which runs per item), first item (int; a chunk
     * resent after a crash starts past the items already done), then the encoded callee,
     * argument list, keyword names (list or none) — for a chunk, a list of argument lists —
     * and the globals section.
     */
    private void runTask(byte[] payload, boolean init) {
        Codec.In header = new Codec.In(payload);
        int id = header.readInt();
        byte kind = header.readByte();
        boolean timed = (kind & Wire.TASK_TIMED) != 0;
        kind &= ~Wire.TASK_TIMED;
        int first = header.readInt();
        ThreadState ts = new ThreadState(interp);
        if (hosted) ts.watchHostInterrupt();
        ValueCodec.TaskEnvelope task;
        try {
            if (kind != Wire.TASK_CALL && kind != Wire.TASK_CHUNK && kind != Wire.TASK_CHUNK_EACH_ITEM || first < 0) {
                throw Errors.value("not a Skein task encoding: kind " + kind + ", first item " + first);
            }
            task = ValueCodec.decodeTask(interp, payload, 9, this::module, initOwned);
        } catch (SkeinError bad) {
            fail(id, init, Errors.value("the worker could not read the task: " + bad.value().message()).value());
            return;
        } catch (RuntimeException bad) {   // input no encoder writes: the task fails, the worker goes on
            fail(id, init, Errors.value("the worker could not read the task: it is malformed").value());
            return;
        }
        Object callee = task.callee();
        if (init && callee instanceof dev.skein.interp.Function fn) {
            // The globals init assigns belong to this worker from now on: tasks do not overwrite them.
            for (String g : fn.code().globalsRead()) initOwned.add(fn.module().file() + "\0" + g);
        }
        if (kind == Wire.TASK_CHUNK || kind == Wire.TASK_CHUNK_EACH_ITEM) {
            runChunk(ts, id, callee, task.args(), first, kind == Wire.TASK_CHUNK_EACH_ITEM, timed);
            return;
        }
        Object[] args = task.args();
        String[] kwNames = task.kwNames();
        Codec.Out reply = new Codec.Out();
        reply.writeInt(id);
        long start = TraceClock.now();
        try {
            Object v = call(ts, callee, args, kwNames);
            writeResult(reply, v);
            if (timed) sendOutcome(Wire.RESULT, reply, id, start);
            else send(Wire.RESULT, reply);
        } catch (SkeinError e) {
            reply.truncate(4);
            writeError(reply, e.value());
            if (timed) sendOutcome(Wire.FAILURE, reply, id, start);
            else send(init ? Wire.INIT_FAILED : Wire.FAILURE, reply);
        }
    }

    /**
     * Runs a chunk's items from {@code first} on, each reporting its own value or error; the
     * reports travel batched ({@link ItemBatch}) unless {@code eager}, and a RESULT frame ends
     * the chunk.
     */
    private void runChunk(ThreadState ts, int id, Object callee, Object[] items, int first, boolean eager, boolean timed) {
        long start = TraceClock.now();
        ItemBatch batch = this.items;
        if (batch == null) this.items = batch = new ItemBatch(out, sendLock);
        Codec.Out rec = new Codec.Out(1 << 12);
        try {
            for (int i = first; i < items.length; i++) {
                ItemBatch.begin(rec, true);
                try {
                    if (!(items[i] instanceof SkeinList argList)) throw Errors.value("the worker could not read the item's arguments");
                    Object v = call(ts, callee, argList.snapshot(), null);
                    writeResult(rec, v);
                } catch (SkeinError e) {
                    ItemBatch.begin(rec, false);
                    writeError(rec, e.value());
                }
                rec = batch.add(id, i, rec, i + 1 < items.length);
                if (eager && i + 1 < items.length) batch.flushNow();   // the pool restarts the item's clock at once
            }
        } catch (IOException parentGone) {
            if (hosted) throw new HostedExit(0);
            Runtime.getRuntime().halt(0);
        }
        Codec.Out done = new Codec.Out(16);
        done.writeInt(id);
        writeResult(done, null);
        if (timed) sendOutcome(Wire.RESULT, done, id, start);
        else send(Wire.RESULT, done);
    }
    private Object call(ThreadState ts, Object callee, Object[] args, String[] kwNames) {
        try {
            return Values.call(ts, callee, args, kwNames);
        } catch (ExitRequest exit) {
            sendLock.lock();   // the items finished before this one are reported first
            try {
                ItemBatch batch = items;
                if (batch != null) batch.writePending();
                out.flush();
            } catch (IOException ignored) {
                // exiting anyway
            } finally {
                sendLock.unlock();
            }
            if (hosted) throw new HostedExit(exit.code());
            Runtime.getRuntime().halt(exit.code());
            return null;
        } catch (StackOverflowError deep) {
            throw Errors.of(ErrorKind.RECURSION, "maximum recursion depth exceeded in the worker");
        }
    }

    private void fail(int id, boolean init, ErrorValue e) {
        Codec.Out reply = new Codec.Out();
        reply.writeInt(id);
        writeError(reply, e);
        send(init ? Wire.INIT_FAILED : Wire.FAILURE, reply);
    }

    /**
     * Appends the encoded result, checked like arguments are: a non-portable result raises
     * PortabilityError (and leaves {@code out} as it was).
     */
    private void writeResult(Codec.Out out, Object v) {
        if (ValueEncoder.writePlain(out, v)) return;
        int mark = out.size();
        try {
            new ValueEncoder(interp, "in the worker", out).value(v, "the task's result");
        } catch (RuntimeException e) {
            out.truncate(mark);
            throw e;
        }
    }

    /** Appends the encoded error (without its cause, if the cause cannot cross). */
    private void writeError(Codec.Out out, ErrorValue e) {
        int mark = out.size();
        try {
            new ValueEncoder(interp, null, out).value(e, "error");
        } catch (SkeinError unportableCause) {
            out.truncate(mark);
            new ValueEncoder(interp, null, out).value(new ErrorValue(e.kind(), e.message(), null), "error");
        }
    }
}
