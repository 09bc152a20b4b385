package dev.skein.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import dev.skein.process.RemoteWorkers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A pool's way into a cluster: a Hazelcast client, one of the members a script started, or a
 * host's own instance. It places each worker slot on the data member with the fewest of this
 * pool's slots, never on one it has seen leave, and ends what it owns when the pool closes.
 */
final class ClusterLink implements RemoteWorkers {
    private final String name;
    private final HazelcastInstance hz;
    private final TaskSigner signer;
    private final List<AutoCloseable> owned;
    private final String sessionPrefix = UUID.randomUUID().toString();
    private final AtomicLong slots = new AtomicLong();
    private final Map<UUID, Integer> placed = new ConcurrentHashMap<>();
    private final Set<UUID> gone = ConcurrentHashMap.newKeySet();
    private final Set<MemberProcess> open = ConcurrentHashMap.newKeySet();

    ClusterLink(String name, HazelcastInstance hz, byte[] key, List<AutoCloseable> owned) {
        this.name = name;
        this.hz = hz;
        this.signer = new TaskSigner(key);
        this.owned = owned;
        // Safety nets beside each call's own failure: a member seen leaving, or the link cut off,
        // ends the workers placed there at once, so no await waits on a call that may never answer.
        membershipListener = hz.getCluster().addMembershipListener(new com.hazelcast.cluster.MembershipListener() {
            @Override public void memberAdded(com.hazelcast.cluster.MembershipEvent e) { }

            @Override public void memberRemoved(com.hazelcast.cluster.MembershipEvent e) {
                gone.add(e.getMember().getUuid());
                endOn(e.getMember().getUuid(), "cluster member " + ClusterMember.hostPort(e.getMember()) + " left the cluster");
            }
        });
        lifecycleListener = hz.getLifecycleService().addLifecycleListener(e -> {
            if (e.getState() == com.hazelcast.core.LifecycleEvent.LifecycleState.CLIENT_DISCONNECTED) endOn(null, "the connection to cluster '" + name + "' was lost");
        });
        Runtime.getRuntime().addShutdownHook(exitHook);
    }

    private final UUID membershipListener;
    private final UUID lifecycleListener;
    /** At JVM exit (Ctrl-C, exit()): the tasks still running on members are stopped before the link goes. */
    private final Thread exitHook = new Thread(this::closeOnce, "skein-cluster-exit");
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    /** Ends the open workers on {@code member} (every member: null). */
    private void endOn(UUID member, String why) {
        for (MemberProcess p : open) if (member == null || p.member.getUuid().equals(member)) p.lost(why);
    }

    TaskSigner signer() { return signer; }

    @Override public RemoteProcess start(List<String> workerArgs) throws IOException {
        Member target = null;
        int fewest = Integer.MAX_VALUE;
        try {
            for (Member m : hz.getCluster().getMembers()) {
                if (m.isLiteMember() || gone.contains(m.getUuid())) continue;
                int n = placed.getOrDefault(m.getUuid(), 0);
                if (n < fewest) {
                    fewest = n;
                    target = m;
                }
            }
        } catch (RuntimeException notConnected) {
            throw new IOException("cluster '" + name + "' cannot be reached: " + notConnected.getMessage());
        }
        if (target == null) throw new IOException("no member of cluster '" + name + "' is left to run tasks");
        placed.merge(target.getUuid(), 1, Integer::sum);
        byte[] args = String.join("\0", workerArgs).getBytes(StandardCharsets.UTF_8);
        MemberProcess p = new MemberProcess(this, target, sessionPrefix + "/" + slots.incrementAndGet(), slots.get(), args);
        open.add(p);
        return p;
    }

    /**
     * Runs one task on {@code member} and waits for its reply (on the caller's virtual thread).
     * {@code control}: a short one (opening a worker) that must not queue behind running tasks,
     * or a replacement worker could wait for a busy member past its start timeout.
     */
    byte[] call(Member member, ClusterTask task, boolean control) throws InterruptedException, ExecutionException {
        String executor = control ? ClusterConfigs.CONTROL_EXECUTOR : ClusterConfigs.EXECUTOR;
        Future<byte[]> f = hz.getExecutorService(executor).submitToMember(task, member);
        return f.get();
    }

    /** Stops a hosted worker, without waiting for the answer (null if it cannot be sent). */
    Future<byte[]> kill(Member member, String session) {
        if (gone.contains(member.getUuid())) return null;
        try {
            return hz.getExecutorService(ClusterConfigs.CONTROL_EXECUTOR).submitToMember(new ClusterTask(ClusterTask.KILL, session, new byte[0], signer), member);
        } catch (RuntimeException unreachable) {
            return null;   // the member is gone or the link is closing: its worker goes with it
        }
    }

    /** Why a call to {@code member} failed, in words; a member that left is never used again. */
    String failure(Member member, Throwable cause) {
        String where = "cluster member " + ClusterMember.hostPort(member);
        if (cause instanceof SecurityException refused) return "refused by " + where + ": " + refused.getMessage();
        String type = cause == null ? "" : cause.getClass().getSimpleName();
        if (type.contains("MemberLeft") || type.contains("TargetDisconnected") || type.contains("TargetNotMember")
                || type.contains("NotActive") || type.contains("Offline") || cause instanceof IOException) {
            gone.add(member.getUuid());
            return where + " left the cluster";
        }
        return "the call to " + where + " failed (" + type + ": " + (cause == null ? "" : cause.getMessage()) + ")";
    }

    void ended(MemberProcess p) {
        if (open.remove(p)) placed.merge(p.member.getUuid(), -1, Integer::sum);
    }

    /** The pool is done: workers still open are stopped, then what this link started is ended. */
    @Override public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(exitHook);
        } catch (IllegalStateException exiting) {
            // the JVM is exiting: the hook closes it
        }
        closeOnce();
    }

    private void closeOnce() {
        if (!closed.compareAndSet(false, true)) return;
        try {
            hz.getCluster().removeMembershipListener(membershipListener);
            hz.getLifecycleService().removeLifecycleListener(lifecycleListener);
        } catch (RuntimeException notRunning) {
            // the instance is already down
        }
        List<Future<byte[]>> kills = new ArrayList<>();
        for (MemberProcess p : new ArrayList<>(open)) kills.add(p.stop());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        for (Future<byte[]> k : kills) {
            if (k == null) continue;
            try {
                k.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (Exception late) {
                // a member that does not answer in time ends its idle workers itself
            }
        }
        for (AutoCloseable c : owned) {
            try {
                c.close();
            } catch (Exception ignored) {
                // leaving anyway
            }
        }
    }

    /** The members that run tasks (not lite members), as this link sees them now. */
    int dataMembers() {
        return (int) hz.getCluster().getMembers().stream().filter(m -> !m.isLiteMember()).count();
    }

    /** Waits (bounded) for the members to be known: a pool made right after they start sees them all. */
    static void awaitMembers(HazelcastInstance hz, int n, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (hz.getCluster().getMembers().stream().filter(m -> !m.isLiteMember()).count() < n && System.nanoTime() < deadline) Thread.sleep(20);
    }
}
