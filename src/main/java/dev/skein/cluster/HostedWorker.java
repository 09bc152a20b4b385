package dev.skein.cluster;

import dev.skein.process.WorkerMain;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One process-pool worker living inside a member: {@link WorkerMain#serveHosted} on its own
 * thread, over in-memory pipes. {@link #exchange} hands it frames and returns what it wrote
 * until it waits for input again — for a task, its prints, item reports and result.
 */
final class HostedWorker {
    /** Reply status: the worker waits for more frames. */
    static final byte ALIVE = 0;
    /** Reply status: the worker ended; an int exit code follows (-1: it was shut down). */
    static final byte ENDED = 1;
    /** Reply status: the worker still runs what it was given; ask again (with more frames, or none) for the rest of its output. */
    static final byte BUSY = 2;

    private static final long STACK_BYTES = 256L << 20;

    private final ChunkPipe input = new ChunkPipe();
    private final ReentrantLock outputLock = new ReentrantLock();
    private final Output output = new Output();
    private volatile boolean ended;
    /** Stopped: it writes nothing more, so it ends at its next frame rather than run a task queued behind. */
    private volatile boolean killed;
    private volatile int exitCode;
    private final Thread thread;
    volatile long lastUsedNanos = System.nanoTime();
    /** In an exchange (running a task): never ended for being idle. */
    volatile boolean busy;

    HostedWorker(String name, String[] configArgs) {
        thread = new Thread(null, () -> {
            int code;
            try {
                code = WorkerMain.serveHosted(input, new Sink(), configArgs);
            } catch (IOException | RuntimeException broken) {
                code = 65;
            }
            exitCode = code;
            ended = true;
            input.readerGone();
        }, "skein-hosted-" + name, STACK_BYTES);
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Gives it {@code frames} (may be empty) and waits until it has done with all it holds, or
     * has written something; returns status and output. Answering as soon as there is output lets
     * results travel back while the worker runs the tasks queued behind (see {@link #BUSY}).
     */
    byte[] exchange(byte[] frames) throws InterruptedException {
        lastUsedNanos = System.nanoTime();
        busy = true;
        try {
            input.add(frames);
            boolean idle = input.awaitIdleOr(this::hasOutput);
            boolean over = ended;   // read first: once ended, all its output is there
            outputLock.lock();
            try {
                // Status and output in one array, the output copied once (a 10 MB result is copied once here).
                int head = over ? 5 : 1;
                byte[] reply = new byte[head + output.size()];
                reply[0] = over ? ENDED : idle ? ALIVE : BUSY;
                if (over) {
                    int code = exitCode;
                    reply[1] = (byte) (code >>> 24);
                    reply[2] = (byte) (code >>> 16);
                    reply[3] = (byte) (code >>> 8);
                    reply[4] = (byte) code;
                }
                output.copyTo(reply, head);
                output.reset();
                return reply;
            } finally {
                outputLock.unlock();
            }
        } finally {
            lastUsedNanos = System.nanoTime();
            busy = false;
        }
    }

    private boolean hasOutput() {
        outputLock.lock();
        try {
            return output.size() > 0;
        } finally {
            outputLock.unlock();
        }
    }

    /** Stops it: the running task is interrupted, tasks queued behind it are dropped, and it ends when it next reads. */
    void kill() {
        killed = true;
        input.closeNow();
        thread.interrupt();
    }

    /** The worker's output, kept until the exchange that caused it returns it. */
    private final class Sink extends OutputStream {
        @Override public void write(int b) throws IOException {
            if (killed) throw new IOException("the worker was stopped");
            outputLock.lock();
            try {
                output.write(b);
            } finally {
                outputLock.unlock();
            }
            input.poke();
        }

        @Override public void write(byte[] b, int off, int len) throws IOException {
            if (killed) throw new IOException("the worker was stopped");
            outputLock.lock();
            try {
                output.write(b, off, len);
            } finally {
                outputLock.unlock();
            }
            input.poke();
        }
    }

    /** A growing buffer whose contents are copied out once, straight into a reply. */
    private static final class Output extends ByteArrayOutputStream {
        void copyTo(byte[] dst, int offset) { System.arraycopy(buf, 0, dst, offset, count); }
    }
}
