package dev.skein.cluster;

import com.hazelcast.core.HazelcastInstance;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A member's hosted workers, one per worker slot of each submitting pool, and the gate every
 * task passes: tasks whose signature does not verify with the member's key are refused and
 * logged, and the member carries on. Workers idle for {@link #IDLE_LIMIT_NANOS} (their pool's
 * process died without closing them) are ended.
 */
final class MemberSessions {
    static final String USER_CONTEXT_KEY = "dev.skein.cluster.sessions";
    private static final long IDLE_LIMIT_NANOS = TimeUnit.MINUTES.toNanos(10);

    private final TaskSigner signer;
    private final Consumer<String> log;
    private final ConcurrentMap<String, HostedWorker> workers = new ConcurrentHashMap<>();

    MemberSessions(TaskSigner signer, Consumer<String> log) {
        this.signer = signer;
        this.log = log;
    }

    static MemberSessions of(HazelcastInstance hz) {
        if (hz == null || !(hz.getUserContext().get(USER_CONTEXT_KEY) instanceof MemberSessions s)) {
            throw new IllegalStateException("this member runs no Skein tasks (it was not started by skein worker or cluster())");
        }
        return s;
    }

    /** Refusals go back as a plain JDK exception (allowed by the serialization filter), never one of ours. */
    byte[] handle(ClusterTask task) {
        if (!signer.verifies(task)) {
            log.accept("skein worker: refused a task for session " + printable(task.session) + ": "
                    + (task.mac == null || task.mac.length == 0 ? "it is not signed" : "its signature does not match this cluster's key"));
            throw new SecurityException("the task was refused: its signature does not match the member's cluster key");
        }
        endIdle();
        try {
            return switch (task.op) {
                case ClusterTask.OPEN -> open(task.session, task.payload);
                case ClusterTask.FEED -> feed(task.session, task.payload);
                case ClusterTask.KILL -> kill(task.session);
                default -> throw new IllegalArgumentException("unknown operation " + task.op);
            };
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            HostedWorker w = workers.remove(task.session);
            if (w != null) w.kill();
            throw new IllegalStateException("the member is shutting down");
        }
    }

    private byte[] open(String session, byte[] payload) throws InterruptedException {
        String joined = new String(payload, StandardCharsets.UTF_8);
        String[] args = joined.isEmpty() ? new String[0] : joined.split("\0", -1);
        HostedWorker w = new HostedWorker(session, args);
        HostedWorker old = workers.put(session, w);
        if (old != null) old.kill();
        return reply(session, w, new byte[0]);
    }

    private byte[] feed(String session, byte[] frames) throws InterruptedException {
        HostedWorker w = workers.get(session);
        if (w == null) return new byte[] {HostedWorker.ENDED, 0, 0, 0, 70};   // unknown here (the member restarted?): EX_SOFTWARE
        return reply(session, w, frames);
    }

    private byte[] reply(String session, HostedWorker w, byte[] frames) throws InterruptedException {
        byte[] out = w.exchange(frames);
        if (out[0] == HostedWorker.ENDED) workers.remove(session, w);
        return out;
    }

    private byte[] kill(String session) {
        HostedWorker w = workers.remove(session);
        if (w != null) w.kill();
        return new byte[0];
    }

    private void endIdle() {
        long now = System.nanoTime();
        for (Map.Entry<String, HostedWorker> e : workers.entrySet()) {
            if (!e.getValue().busy && now - e.getValue().lastUsedNanos > IDLE_LIMIT_NANOS && workers.remove(e.getKey(), e.getValue())) e.getValue().kill();
        }
    }

    /** Ends every hosted worker (the member is leaving). */
    void closeAll() {
        for (String s : workers.keySet()) kill(s);
    }

    /** How many hosted workers the member has (tests). */
    int size() { return workers.size(); }

    private static String printable(String s) {
        if (s == null) return "(none)";
        String t = s.length() > 80 ? s.substring(0, 80) + "..." : s;
        return t.replaceAll("[^\\x20-\\x7e]", "?");
    }
}
