package dev.skein.cluster;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.core.HazelcastInstance;
import dev.skein.concurrent.Pool;
import dev.skein.concurrent.PoolKinds;
import dev.skein.process.ProcessTransport;
import dev.skein.runtime.Callable;
import dev.skein.runtime.Capability;
import dev.skein.runtime.Containers;
import dev.skein.runtime.Convert;
import dev.skein.runtime.Errors;
import dev.skein.runtime.Interpreter;
import dev.skein.runtime.Missing;
import dev.skein.runtime.ThreadState;
import dev.skein.runtime.Values;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/**
 * Registers {@code cluster(NAME, join=[…], members=N, threads_per_member=N, retries=K, …)}: a
 * pool whose workers are hosted by the members of a Hazelcast cluster. It is a process pool
 * whose worker processes are {@link MemberProcess}es: tasks are encoded, checked, retried and
 * reported exactly as for {@code processes(n)}.
 */
public final class ClusterPools {
    private ClusterPools() {}

    public static final String NAME = "cluster";
    public static final String SIGNATURE = "name, *, join=?, members=?, threads_per_member=?, retries=?, max_tasks=?, init=?, init_args=?";
    /** How long a script waits to reach a cluster before it says it cannot (documented in docs/scaling-out.md). */
    static final int CONNECT_SECONDS = 10;

    /** Registers {@code cluster(…)}. */
    public static Interpreter.Builder install(Interpreter.Builder b) { return install(b, null, null); }

    /**
     * Registers {@code cluster(…)} for an embedding host: {@code cluster(NAME)} with neither
     * {@code join} nor {@code members} then runs on the host's own {@code instance}, whose members
     * were prepared with {@link ClusterMember#configure} and the same {@code key}.
     */
    public static Interpreter.Builder install(Interpreter.Builder b, HazelcastInstance instance, byte[] key) {
        PoolKinds.register(b, NAME, SIGNATURE, factory(instance, key));
        return b;
    }

    /** The pool kind {@link #install} registers, for a builder that registers kinds itself (the embedding one). */
    public static PoolKinds.Factory factory(HazelcastInstance instance, byte[] key) {
        if (instance != null && (key == null || key.length < 16)) throw new IllegalArgumentException("a cluster key needs at least 16 bytes");
        byte[] k = key == null ? null : key.clone();
        return (ts, a) -> create(ts, a, instance, k);
    }

    private static Pool create(ThreadState ts, Object[] a, HazelcastInstance host, byte[] hostKey) {
        ts.interp().require(Capability.PROCESSES);
        if (!(a[0] instanceof String name) || name.isBlank()) throw Errors.type("cluster() needs the cluster's name as a non-empty string");
        List<String> join = Missing.is(a[1]) || a[1] == null ? List.of() : addresses(a[1]);
        int members = PoolKinds.count(a[2], NAME, "members", 1, 0);
        int perMember = PoolKinds.count(a[3], NAME, "threads_per_member", 1, Runtime.getRuntime().availableProcessors());
        int retries = PoolKinds.count(a[4], NAME, "retries", 0, 0);
        int maxTasks = PoolKinds.count(a[5], NAME, "max_tasks", 1, 0);
        Object init = Missing.is(a[6]) ? null : a[6];
        if (init != null && !(init instanceof Callable)) throw Errors.type("cluster() init must be a function, not " + Values.typeName(init));
        Object[] initArgs = Missing.is(a[7]) || a[7] == null ? new Object[0] : Containers.toArray(a[7]);
        if (!join.isEmpty() && members > 0) throw Errors.value("cluster() takes join=[…] (members running elsewhere) or members=N (started here), not both");
        ClusterLink link;
        int dataMembers;
        if (members > 0) {
            link = embedded(name, members, perMember);
            dataMembers = members;
        } else if (!join.isEmpty()) {
            link = joined(name, join);
            dataMembers = link.dataMembers();
        } else if (host != null) {
            link = new ClusterLink(name, host, hostKey, List.of());
            dataMembers = link.dataMembers();
        } else {
            throw Errors.value("cluster(\"" + name + "\") needs join=[\"host:port\", …] (members started with skein worker) or members=N (started in this process)");
        }
        if (dataMembers == 0) {
            link.close();
            throw Errors.of(dev.skein.runtime.ErrorKind.WORKER_CRASHED, "cluster '" + name + "' has no member that runs tasks");
        }
        return ProcessTransport.remotePool(ts, NAME, dataMembers * perMember, maxTasks, init, initArgs, retries, link);
    }

    private static List<String> addresses(Object arg) {
        List<String> out = new ArrayList<>();
        for (Object o : Containers.toArray(arg)) {
            if (!(o instanceof String s) || !s.matches("[^\\s:]+:\\d{1,5}")) {
                throw Errors.value("cluster() join addresses are \"host:port\" strings, got " + Convert.repr(o));
            }
            out.add(s);
        }
        return out;
    }

    /** Starts {@code n} members on loopback ports of their own; the first one is the pool's way in. */
    private static ClusterLink embedded(String name, int n, int threads) {
        byte[] key = ClusterKey.random();
        // A name of its own: two scripts (or test runs) trying the same name never merge.
        String unique = name + "-" + java.util.UUID.randomUUID();
        List<ClusterMember> started = new ArrayList<>();
        try {
            List<Integer> ports = freePorts(n);
            List<String> all = ports.stream().map(p -> "127.0.0.1:" + p).toList();
            // The first member is told of no other: it elects itself at once instead of probing the
            // ports of members not yet started (about 1 s); the others join it.
            for (int p : ports) {
                List<String> join = started.isEmpty() ? List.of("127.0.0.1:" + p) : all;
                started.add(ClusterMember.start(unique, "127.0.0.1", p, join, threads, key, System.err::println));
            }
            ClusterLink.awaitMembers(started.get(0).instance(), n, 10_000);
        } catch (IOException | RuntimeException e) {
            started.forEach(ClusterMember::terminate);
            throw Errors.of(dev.skein.runtime.ErrorKind.WORKER_CRASHED, "cluster '" + name + "' could not start its " + n + " members: " + e.getMessage());
        } catch (InterruptedException e) {
            started.forEach(ClusterMember::terminate);
            Thread.currentThread().interrupt();
            throw Errors.of(dev.skein.runtime.ErrorKind.CANCELLED, "interrupted while cluster '" + name + "' started");
        }
        List<AutoCloseable> owned = new ArrayList<>();
        for (ClusterMember m : started) owned.add(m::terminate);
        return new ClusterLink(name, started.get(0).instance(), key, owned);
    }

    /** {@code n} loopback ports free at the time of asking (held together, so they differ). */
    public static List<Integer> freePorts(int n) throws IOException {
        List<ServerSocket> held = new ArrayList<>();
        try {
            List<Integer> ports = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
                held.add(s);
                ports.add(s.getLocalPort());
            }
            return ports;
        } finally {
            for (ServerSocket s : held) s.close();
        }
    }

    /** Connects a client to running members; their key comes from SKEIN_CLUSTER_KEY. */
    private static ClusterLink joined(String name, List<String> join) {
        byte[] key;
        try {
            key = ClusterKey.from(System.getenv(ClusterKey.ENV), null);
        } catch (IOException e) {
            throw Errors.value("cluster '" + name + "': " + e.getMessage());
        }
        if (key == null) throw Errors.value("cluster '" + name + "' needs the cluster's key in the environment variable " + ClusterKey.ENV + " (the members' --key-file or " + ClusterKey.ENV + ")");
        HazelcastInstance client;
        try {
            client = HazelcastClient.newHazelcastClient(ClusterConfigs.client(name, join, CONNECT_SECONDS));
        } catch (RuntimeException e) {
            throw Errors.of(dev.skein.runtime.ErrorKind.WORKER_CRASHED, "cluster '" + name + "': no member answered at " + String.join(", ", join) + " within " + CONNECT_SECONDS + " s");
        }
        return new ClusterLink(name, client, key, List.of(client::shutdown));
    }
}
