package dev.skein.cluster;

import com.hazelcast.cluster.Member;
import dev.skein.process.RemoteWorkers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The pool's side of one hosted worker on a member, seen as a worker process: the frames the
 * pool writes (one flush, one batch of whole frames) travel in order as {@link ClusterTask}s,
 * one call at a time carrying every batch written meanwhile, and each reply's frames are what
 * the pool reads. While the worker is busy (it has tasks queued behind the one it runs) the next
 * call goes at once, with no frames if there are none, to fetch its further output. A member that leaves, refuses
 * a task or cannot be reached ends the worker, which the pool's scheduler then treats as a
 * crashed worker: its task is re-sent to another member while retries last.
 */
final class MemberProcess extends RemoteWorkers.RemoteProcess {
    private static final byte[] POISON = new byte[0];

    private final ClusterLink link;
    final Member member;
    private final String session;
    private final long slot;
    private final LinkedBlockingQueue<byte[]> outbox = new LinkedBlockingQueue<>();
    private final ChunkPipe fromWorker = new ChunkPipe();
    private final ReentrantLock lock = new ReentrantLock();
    private final CountDownLatch end = new CountDownLatch(1);
    private volatile boolean ended;
    private volatile int exitCode;
    private volatile String howItEnded = "running";
    private final OutputStream toWorker = new Outgoing();

    MemberProcess(ClusterLink link, Member member, String session, long slot, byte[] openArgs) {
        this.link = link;
        this.member = member;
        this.session = session;
        this.slot = slot;
        Thread.ofVirtual().name("skein-cluster-" + session).start(() -> converse(openArgs));
    }

    /** Opens the hosted worker, then sends the batches of frames in turn and delivers the replies. */
    private void converse(byte[] openArgs) {
        byte op = ClusterTask.OPEN;
        byte[] payload = openArgs;
        try {
            while (!ended) {
                byte[] reply = link.call(member, new ClusterTask(op, session, payload, link.signer()), op == ClusterTask.OPEN);
                boolean busy = reply.length > 0 && reply[0] == HostedWorker.BUSY;
                deliver(reply);
                if (ended) return;
                payload = pending(busy);
                if (payload == POISON) return;
                op = ClusterTask.FEED;
            }
        } catch (InterruptedException e) {
            finish(-1, "stopped");
        } catch (ExecutionException e) {
            finish(-1, link.failure(member, e.getCause()));
        } catch (RuntimeException e) {
            finish(-1, link.failure(member, e));
        }
    }

    /** Every batch written since the last call, in order (waiting for one unless the worker is busy); POISON once ended. */
    private byte[] pending(boolean busy) throws InterruptedException {
        java.util.List<byte[]> batches = new java.util.ArrayList<>();
        if (!busy) batches.add(outbox.take());
        outbox.drainTo(batches);
        if (batches.contains(POISON)) return POISON;
        if (batches.size() == 1) return batches.get(0);
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] b : batches) all.writeBytes(b);
        return all.toByteArray();
    }

    /** A reply: status (alive, busy, or ended with an exit code), then the worker's frames. */
    private void deliver(byte[] reply) {
        if (reply.length == 0) {
            finish(-1, "cluster member " + ClusterMember.hostPort(member) + " sent an empty reply");
            return;
        }
        int from = 1;
        int code = 0;
        if (reply[0] == HostedWorker.ENDED) {
            code = ((reply[1] & 0xff) << 24) | ((reply[2] & 0xff) << 16) | ((reply[3] & 0xff) << 8) | (reply[4] & 0xff);
            from = 5;
        }
        if (reply.length > from) {
            // Dropped if it was stopped meanwhile (cancel, timeout): what the interrupted task said is not its outcome.
            if (!fromWorker.add(reply, from)) return;
        }
        if (reply[0] == HostedWorker.ENDED) {
            finish(code < 0 ? 0 : code, code < 0 ? "shut down" : "exit code " + code + " on cluster member " + ClusterMember.hostPort(member));
        }
    }

    /** Its member is gone (or the link to the cluster): it ends as a crashed worker. */
    void lost(String why) { finish(-1, why); }

    private void finish(int code, String how) {
        lock.lock();
        try {
            if (ended) return;
            exitCode = code;
            howItEnded = how;
            ended = true;
        } finally {
            lock.unlock();
        }
        fromWorker.close();
        outbox.offer(POISON);
        link.ended(this);
        end.countDown();
    }

    // ------------------------------------------------------------------ as a Process

    @Override public String describe() { return "worker " + slot + " on cluster member " + ClusterMember.hostPort(member); }

    @Override public String exitDescription() { return howItEnded; }

    @Override public long pid() { return slot; }

    @Override public OutputStream getOutputStream() { return toWorker; }

    @Override public InputStream getInputStream() { return fromWorker; }

    @Override public InputStream getErrorStream() { return InputStream.nullInputStream(); }

    @Override public int waitFor() throws InterruptedException {
        end.await();
        return exitCode;
    }

    @Override public boolean waitFor(long timeout, TimeUnit unit) throws InterruptedException {
        return end.await(timeout, unit);
    }

    @Override public int exitValue() {
        if (!ended) throw new IllegalThreadStateException("the worker is running");
        return exitCode;
    }

    @Override public boolean isAlive() { return !ended; }

    /** Stops it now: the member interrupts its task (on the control executor, never queued behind tasks). */
    @Override public void destroy() { stop(); }

    /** Like {@link #destroy}, returning the kill's future (null if nothing was sent). */
    java.util.concurrent.Future<byte[]> stop() {
        if (ended) return null;
        java.util.concurrent.Future<byte[]> kill = link.kill(member, session);
        finish(137, "stopped");
        return kill;
    }

    /** What the pool writes: a flush sends the frames written since the last one. */
    private final class Outgoing extends OutputStream {
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

        @Override public void write(int b) { pending.write(b); }

        @Override public void write(byte[] b, int off, int len) { pending.write(b, off, len); }

        @Override public void flush() throws IOException {
            if (ended) throw new IOException("the worker has ended");
            if (pending.size() == 0) return;
            outbox.offer(pending.toByteArray());
            pending.reset();
        }

        @Override public void close() throws IOException { flush(); }
    }
}
