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

    private static final long STACK_BYTES = 256L << 20;

    private final ChunkPipe input = new ChunkPipe();
    private final ReentrantLock outputLock = new ReentrantLock();
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private volatile boolean ended;
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

    /** Gives it {@code frames} (may be empty) and waits until it has done with them; returns status and output. */
    byte[] exchange(byte[] frames) throws InterruptedException {
        lastUsedNanos = System.nanoTime();
        busy = true;
        try {
            input.add(frames);
            input.awaitIdle();
            byte[] out;
            outputLock.lock();
            try {
                out = output.toByteArray();
                output.reset();
            } finally {
                outputLock.unlock();
            }
            boolean over = ended;
            ByteArrayOutputStream reply = new ByteArrayOutputStream(out.length + 5);
            reply.write(over ? ENDED : ALIVE);
            if (over) {
                int code = exitCode;
                reply.write(code >>> 24);
                reply.write(code >>> 16);
                reply.write(code >>> 8);
                reply.write(code);
            }
            reply.write(out, 0, out.length);
            return reply.toByteArray();
        } finally {
            lastUsedNanos = System.nanoTime();
            busy = false;
        }
    }

    /** Stops it: the running task is interrupted, and it ends when it next reads. */
    void kill() {
        input.close();
        thread.interrupt();
    }

    /** The worker's output, kept until the exchange that caused it returns it. */
    private final class Sink extends OutputStream {
        @Override public void write(int b) {
            outputLock.lock();
            try {
                output.write(b);
            } finally {
                outputLock.unlock();
            }
        }

        @Override public void write(byte[] b, int off, int len) {
            outputLock.lock();
            try {
                output.write(b, off, len);
            } finally {
                outputLock.unlock();
            }
        }
    }
}
