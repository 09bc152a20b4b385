package dev.skein.process;

import dev.skein.concurrent.Task;
import dev.skein.concurrent.Worker;
import dev.skein.concurrent.WorkerEvents;
import dev.skein.interp.ModuleInstance;
import dev.skein.runtime.Seconds;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The parent's side of one worker JVM: starts it from the running installation (same java, same
 * classpath), sends frames, and reads its replies and its stderr on two daemon threads. As a
 * {@link Worker} of its pool's scheduler it is ready once the JVM (and the pool's init) is up.
 */
final class WorkerProcess implements Worker {
    /** What the transport hears from a worker. */
    interface Listener {
        void frame(WorkerProcess w, Wire.Frame frame);

        void died(WorkerProcess w);
    }

    private static final int STDERR_LINES_KEPT = 12;
    /**
     * The reader thread decodes replies, recursively: its own stack, large enough for the
     * deepest value the codec allows whatever the host JVM's default (-Xss) is.
     */
    private static final long READER_STACK = 64L << 20;

    private final Process process;
    private final DataOutputStream toWorker;
    private final ReentrantLock sendLock = new ReentrantLock();
    private final ArrayDeque<String> lastStderr = new ArrayDeque<>();
    private final ReentrantLock stderrLock = new ReentrantLock();
    /** How many sources of each module this worker has compiled (guarded by the scheduler's lock). */
    final Map<ModuleInstance, Integer> sourcesSent = new HashMap<>();
    /** The tasks sent to it and not finished, the one it runs first (added by the scheduler's thread, taken by the reader thread). */
    final java.util.concurrent.ConcurrentLinkedDeque<Task> sent = new java.util.concurrent.ConcurrentLinkedDeque<>();
    /** Where its pool's scheduler hears of it (set by {@link #attach}). */
    volatile WorkerEvents events;
    private volatile ProcessTransport transport;
    /** Running the pool's init function (between READY and the init's result). */
    volatile boolean initializing;
    /** The JVM said READY (read by the start watchdog too). */
    private volatile boolean jvmReady;
    private double startTimeout;
    /** Set when the worker was stopped for not becoming ready in time. */
    private volatile double notReadyAfter;
    volatile boolean killedOnPurpose;
    private volatile Thread stderrReader;

    private WorkerProcess(Process process) {
        this.process = process;
        this.toWorker = new DataOutputStream(new BufferedOutputStream(process.getOutputStream(), 1 << 16));
    }

    /** A worker reached through a given process's pipes (a {@link RemoteWorkers.RemoteProcess}). */
    static WorkerProcess of(Process process, double startTimeout) {
        WorkerProcess w = new WorkerProcess(process);
        w.startTimeout = startTimeout;
        return w;
    }

    static WorkerProcess start(WorkerConfig config, boolean useCache) throws IOException {
        return start(WorkerJvm.command(WorkerMain.class.getName(), config.toArgs(), useCache), WorkerJvm.startTimeoutSeconds());
    }

    /**
     * Runs {@code command} as a worker; it is heard from once {@link #attach attached}. One that
     * is not ready within {@code startTimeout} seconds (a hung JVM start) is stopped and reported
     * dead, so no pool waits for it unbounded.
     */
    static WorkerProcess start(java.util.List<String> command, double startTimeout) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(OwnSession.wrap(command));   // Ctrl-C at the terminal is not for workers
        pb.redirectError(ProcessBuilder.Redirect.PIPE);
        WorkerProcess w = new WorkerProcess(pb.start());
        w.startTimeout = startTimeout;
        return w;
    }

    /** Starts hearing from the worker: its frames go to {@code transport}, which tells {@code events}. */
    void attach(ProcessTransport transport, WorkerEvents events) {
        this.transport = transport;
        this.events = events;
        readReplies(transport);
        readStderr();
        watchStart(startTimeout);
    }

    /** The JVM said READY. */
    void jvmIsReady() { jvmReady = true; }

    boolean jvmReady() { return jvmReady; }

    // ------------------------------------------------------------------ as a Worker

    @Override public boolean readyAtStart() { return false; }

    @Override public void run(Task task) throws IOException { transport.send(this, task); }

    /** A cancelled or timed-out task: the worker is ended (and replaced). */
    @Override public void stop(Task task) { kill(); }

    @Override public void retire() {
        killedOnPurpose = true;
        shutdownGently();
    }

    @Override public String describe() {
        return process instanceof RemoteWorkers.RemoteProcess r ? r.describe() : "worker process " + pid();
    }

    @Override public String lastOutput() { return lastStderrLines(); }
    private void watchStart(double seconds) {
        Thread.ofVirtual().name("skein-worker-" + process.pid() + "-start").start(() -> {
            try {
                if (process.waitFor((long) (seconds * 1e9), java.util.concurrent.TimeUnit.NANOSECONDS) || jvmReady) return;
            } catch (InterruptedException e) {
                return;
            }
            notReadyAfter = seconds;
            process.destroyForcibly();
        });
    }

    long pid() { return process.pid(); }

    boolean isAlive() { return process.isAlive(); }

    void send(byte type, byte[] payload) throws IOException {
        sendLock.lock();
        try {
            Wire.write(toWorker, type, payload);
        } finally {
            sendLock.unlock();
        }
    }

    /** Sends a frame whose payload is {@code head} then {@code body}, not copied together. */
    void send(byte type, byte[] head, Codec.Out body) throws IOException {
        sendLock.lock();
        try {
            Wire.writeUnflushed(toWorker, type, head, body);
            toWorker.flush();
        } finally {
            sendLock.unlock();
        }
    }

    /** Stops the worker now (cancel, timeout, shutdown): the reader thread then reports its death. */
    void kill() {
        killedOnPurpose = true;
        process.destroyForcibly();
    }

    /** Asks the worker to exit after its current frame; it also exits when the pipe closes. */
    void shutdownGently() {
        try {
            send(Wire.SHUTDOWN, new byte[0]);
            toWorker.close();
        } catch (IOException alreadyGone) {
            // nothing to do
        }
    }

    /** How it ended: "exit code 3", "signal 9 (SIGKILL)" or "not ready within 60 s, stopped". */
    @Override public String exitDescription() {
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (notReadyAfter > 0) return "not ready within " + Seconds.show(notReadyAfter) + ", stopped";
        if (process instanceof RemoteWorkers.RemoteProcess r) return r.exitDescription();
        int code = process.exitValue();
        if (code > 128 && code < 160) {
            int sig = code - 128;
            return "signal " + sig + signalName(sig);
        }
        return "exit code " + code;
    }

    private static String signalName(int sig) {
        return switch (sig) {
            case 9 -> " (SIGKILL)";
            case 15 -> " (SIGTERM)";
            case 6 -> " (SIGABRT)";
            case 11 -> " (SIGSEGV)";
            case 2 -> " (SIGINT)";
            default -> "";
        };
    }

    /** Its last lines on stderr; once it has exited, all of them (the reader is given a moment to finish). */
    String lastStderrLines() {
        if (!process.isAlive() && stderrReader != null) {
            try {
                stderrReader.join(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        stderrLock.lock();
        try {
            return String.join("\n", lastStderr);
        } finally {
            stderrLock.unlock();
        }
    }

    private void readReplies(Listener listener) {
        Thread t = new Thread(null, () -> {
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(process.getInputStream(), 1 << 16))) {
                while (true) {
                    Wire.Frame f = Wire.read(in);
                    if (f == null) break;
                    listener.frame(this, f);
                }
            } catch (IOException broken) {
                process.destroyForcibly();
            } catch (RuntimeException bug) {
                process.destroyForcibly();
                internalError("reading from", bug);
            }
            try {
                listener.died(this);
            } catch (RuntimeException bug) {
                internalError("replacing", bug);
            }
        }, "skein-worker-" + process.pid() + "-reader", READER_STACK);
        t.setDaemon(true);
        t.start();
    }

    /** A bug of ours on this thread: said in one line (never a Java trace), the pool carries on. */
    private void internalError(String doing, RuntimeException bug) {
        System.err.println("skein: internal error " + doing + " worker process " + pid() + ": " + bug
                + " (please report it with the script that caused it)");
    }

    private void readStderr() {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    stderrLock.lock();
                    try {
                        lastStderr.addLast(line);
                        if (lastStderr.size() > STDERR_LINES_KEPT) lastStderr.removeFirst();
                    } finally {
                        stderrLock.unlock();
                    }
                }
            } catch (IOException ignored) {
                // the worker is gone; its lines so far are kept
            }
        }, "skein-worker-" + process.pid() + "-stderr");
        t.setDaemon(true);
        stderrReader = t;
        t.start();
    }
}
