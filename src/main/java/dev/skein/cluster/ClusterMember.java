package dev.skein.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * A Hazelcast member that runs Skein tasks: {@code skein worker --cluster …} in its own JVM, or
 * one of the members {@code cluster(NAME, members=N)} starts inside a script's JVM.
 */
public final class ClusterMember implements AutoCloseable {
    private final HazelcastInstance hz;
    private final MemberSessions sessions;

    private ClusterMember(HazelcastInstance hz, MemberSessions sessions) {
        this.hz = hz;
        this.sessions = sessions;
    }

    /**
     * Starts a member of {@code cluster} bound to {@code host:port}, joining the members at
     * {@code join} ("host:port"), running at most {@code threads} tasks at once, trusting tasks
     * signed with {@code key}; refusals are told to {@code log}.
     */
    public static ClusterMember start(String cluster, String host, int port, List<String> join, int threads, byte[] key, Consumer<String> log) {
        MemberSessions sessions = new MemberSessions(new TaskSigner(key), log);
        Config c = ClusterConfigs.member(cluster, host, port, join, threads);
        c.getUserContext().put(MemberSessions.USER_CONTEXT_KEY, sessions);
        return new ClusterMember(Hazelcast.newHazelcastInstance(c), sessions);
    }

    /**
     * Prepares a host's own member {@link Config} for Skein tasks: Skein's task type, the Java
     * serialization filter, the executors, and a task runner trusting {@code key}.
     */
    public static Config configure(Config c, int threads, byte[] key) {
        ClusterConfigs.prepare(c, threads);
        c.getUserContext().put(MemberSessions.USER_CONTEXT_KEY, new MemberSessions(new TaskSigner(key), System.err::println));
        return c;
    }

    public HazelcastInstance instance() { return hz; }

    /** "127.0.0.1:5801". */
    public String address() {
        return hostPort(hz.getCluster().getLocalMember());
    }

    /** The members it sees, itself included: "127.0.0.1:5801, 127.0.0.1:5802". */
    public String members() {
        return hz.getCluster().getMembers().stream().map(ClusterMember::hostPort).collect(Collectors.joining(", "));
    }

    static String hostPort(Member m) {
        return m.getAddress().getHost() + ":" + m.getAddress().getPort();
    }

    /** Hosted workers alive now (tests). */
    public int hostedWorkers() { return sessions.size(); }

    /** Ends at once, without a graceful leave (members a script started for itself: they hold no data). */
    void terminate() {
        sessions.closeAll();
        hz.getLifecycleService().terminate();
    }

    /** Leaves the cluster: its hosted workers end first. */
    @Override public void close() {
        sessions.closeAll();
        hz.shutdown();
    }
}
