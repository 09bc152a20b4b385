package dev.skein.process;

import dev.skein.ast.Stmt;
import dev.skein.interp.ModuleInstance;
import dev.skein.interp.Runner;
import dev.skein.runtime.ErrorKind;
import dev.skein.runtime.ErrorValue;
import dev.skein.runtime.Errors;
import dev.skein.runtime.ExitRequest;
import dev.skein.runtime.Interpreter;
import dev.skein.runtime.Ops;
import dev.skein.runtime.OutputSink;
import dev.skein.runtime.SkeinError;
import dev.skein.runtime.SkeinList;
import dev.skein.runtime.ThreadState;
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
import java.nio.charset.StandardCharsets;
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

    private WorkerMain(DataInputStream in, DataOutputStream out, WorkerConfig config) {
        this.in = in;
        this.out = out;
        Interpreter.Builder b = Stdlib.install(Interpreter.builder())
                .stdout(printSink((byte) 1))
                .stderr(printSink((byte) 2))
                .recursionLimit(config.recursionLimit())
                .builtins(config.extensions()
                        ? dev.skein.embed.WorkerSupport.workerBuiltins(WorkerMain.class.getClassLoader(), config.hostFunctions())
                        : dev.skein.embed.WorkerSupport.workerBuiltins(config.hostFunctions()));
        config.grants().forEach(b::grant);
        if (config.grants().contains(dev.skein.runtime.Capability.ENVIRONMENT)) b.env(System.getenv());
        this.interp = b.build();
        this.runner = Runner.of(interp);
    }

    public static void main(String[] args) throws IOException {
        WorkerConfig config = WorkerConfig.fromArgs(args);
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16));
        System.setOut(System.err);  // nothing stray may ever reach the channel
        watchParent();
        new WorkerMain(new DataInputStream(new BufferedInputStream(System.in, 1 << 16)), out, config).serve();
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
                byte[] t = text.getBytes(StandardCharsets.UTF_8);
                byte[] payload = new byte[t.length + 1];
                payload[0] = stream;
                System.arraycopy(t, 0, payload, 1, t.length);
                send(Wire.PRINT, payload);
            }

            @Override public void flush() { }
        };
    }

    private void send(byte type, byte[] payload) {
        sendLock.lock();
        try {
            Wire.write(out, type, payload);
        } catch (IOException parentGone) {
            Runtime.getRuntime().halt(0);
        } finally {
            sendLock.unlock();
        }
    }

    private ModuleInstance module(String key) {
        return modules.computeIfAbsent(key, k -> new ModuleInstance("__main__", k));
    }

    private void serve() throws IOException {
        send(Wire.READY, new byte[0]);
        while (true) {
            Wire.Frame frame = Wire.read(in);
            if (frame == null || frame.type() == Wire.SHUTDOWN) {
                out.flush();
                Runtime.getRuntime().halt(0);   // no shutdown hooks to run in a worker
            }
            switch (frame.type()) {
                case Wire.SOURCE -> compile(frame.payload());
                case Wire.TASK -> runTask(frame.payload(), false);
                case Wire.INIT -> runTask(frame.payload(), true);
                default -> throw new IOException("unexpected frame type " + frame.type());
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
        } catch (Codec.MalformedFrame e) {
            System.err.println("skein worker: cannot read the program " + name + ": " + e.getMessage());
        }
    }

    /**
     * Task payload: task id (int), kind (byte: 0 call, 1 chunk), first item (int; a chunk
     * resent after a crash starts past the items already done), then the encoded callee,
     * argument list, keyword names (list or none) — for a chunk, a list of argument lists —
     * and the globals section.
     */
    private void runTask(byte[] payload, boolean init) {
        Codec.In header = new Codec.In(payload);
        int id = header.readInt();
        byte kind = header.readByte();
        int first = header.readInt();
        ThreadState ts = new ThreadState(interp);
        Object callee;
        Object argsValue;
        Object kw;
        try {
            ValueDecoder d = new ValueDecoder(payload, 9, interp, this::module);
            callee = d.read();
            argsValue = d.read();
            kw = d.read();
            d.readGlobalsInto(initOwned);
            if (init && callee instanceof dev.skein.interp.Function fn) {
                for (String g : fn.code().globalsRead()) initOwned.add(fn.module().file() + "\0" + g);
            }
            d.in().expectEnd();
        } catch (Codec.MalformedFrame | SkeinError bad) {
            fail(id, init, Errors.value("the worker could not read the task: " + bad.getMessage()).value());
            return;
        }
        if (kind == 1) {
            Object[] items = ((SkeinList) argsValue).snapshot();
            for (int i = first; i < items.length; i++) {
                Object[] args = ((SkeinList) items[i]).snapshot();
                Codec.Out item = new Codec.Out();
                item.writeInt(id);
                item.writeInt(i);
                try {
                    Object v = call(ts, callee, args, null);
                    byte[] enc = encodeResult(v);
                    item.writeByte(1);
                    send(Wire.ITEM, concat(item.toArray(), enc));
                } catch (SkeinError e) {
                    item.writeByte(0);
                    send(Wire.ITEM, concat(item.toArray(), encodeError(e.value())));
                }
            }
            Codec.Out done = new Codec.Out();
            done.writeInt(id);
            send(Wire.RESULT, concat(done.toArray(), encodeResult(null)));
            return;
        }
        Object[] args = ((SkeinList) argsValue).snapshot();
        String[] kwNames = null;
        if (kw instanceof SkeinList names) {
            Object[] ns = names.snapshot();
            kwNames = new String[ns.length];
            for (int i = 0; i < ns.length; i++) kwNames[i] = (String) ns[i];
        }
        Codec.Out head = new Codec.Out();
        head.writeInt(id);
        try {
            Object v = call(ts, callee, args, kwNames);
            send(Wire.RESULT, concat(head.toArray(), encodeResult(v)));
        } catch (SkeinError e) {
            send(init ? Wire.INIT_FAILED : Wire.FAILURE, concat(head.toArray(), encodeError(e.value())));
        }
    }

    private Object call(ThreadState ts, Object callee, Object[] args, String[] kwNames) {
        try {
            return Ops.call(ts, callee, args, kwNames);
        } catch (ExitRequest exit) {
            try { out.flush(); } catch (IOException ignored) { /* exiting anyway */ }
            Runtime.getRuntime().halt(exit.code());
            return null;
        } catch (StackOverflowError deep) {
            throw Errors.of(ErrorKind.RECURSION, "maximum recursion depth exceeded in the worker");
        }
    }

    private void fail(int id, boolean init, ErrorValue e) {
        Codec.Out head = new Codec.Out();
        head.writeInt(id);
        send(init ? Wire.INIT_FAILED : Wire.FAILURE, concat(head.toArray(), encodeError(e)));
    }

    /** The result, checked like arguments are: a non-portable result becomes a PortabilityError. */
    private byte[] encodeResult(Object v) {
        ValueEncoder enc = new ValueEncoder(interp, "in the worker");
        enc.value(v, "the task's result");
        return enc.bytes();
    }

    private byte[] encodeError(ErrorValue e) {
        ValueEncoder enc = new ValueEncoder(interp, null);
        try {
            enc.value(e, "error");
            return enc.bytes();
        } catch (SkeinError unportableCause) {
            ValueEncoder plain = new ValueEncoder(interp, null);
            plain.value(new ErrorValue(e.kind(), e.message(), null), "error");
            return plain.bytes();
        }
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
