package dev.skein.cluster;

import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.client.config.ClientConnectionStrategyConfig;
import com.hazelcast.config.Config;
import com.hazelcast.config.JavaSerializationFilterConfig;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.config.SerializationConfig;
import java.util.List;

/**
 * The Hazelcast configuration of Skein's members and clients: bound only where told, TCP-IP
 * join only (multicast and auto-detection off), no phone-home, Skein's one task type, and the
 * Java serialization filter on, allowing only Hazelcast's and the JDK's exception classes — an
 * empty allow-list makes every remote failure hang for 120 s (prior-art-cluster.md §3.4).
 */
final class ClusterConfigs {
    private ClusterConfigs() {}

    /** The executor tasks run on. */
    static final String EXECUTOR = "skein";
    /** Opening and killing workers travel on their own executor: they must never queue behind running tasks. */
    static final String CONTROL_EXECUTOR = "skein-control";

    static Config member(String cluster, String host, int port, List<String> join, int threads) {
        Config c = new Config().setClusterName(cluster).setInstanceName(cluster + "@" + host + ":" + port + "-" + System.nanoTime());
        common(c::setProperty);
        c.setProperty("hazelcast.socket.bind.any", "false");
        c.setProperty("hazelcast.wait.seconds.before.join", "0");
        c.setProperty("hazelcast.max.wait.seconds.before.join", "2");
        c.setProperty("hazelcast.graceful.shutdown.max.wait", "10");
        c.setProperty("hazelcast.heartbeat.interval.seconds", "1");
        c.setProperty("hazelcast.max.no.heartbeat.seconds", "10");
        NetworkConfig n = c.getNetworkConfig();
        n.setPort(port).setPortAutoIncrement(false);
        n.getInterfaces().setEnabled(true).addInterface(host);
        JoinConfig j = n.getJoin();
        j.getMulticastConfig().setEnabled(false);
        j.getAutoDetectionConfig().setEnabled(false);
        j.getTcpIpConfig().setEnabled(true).setConnectionTimeoutSeconds(2);
        j.getTcpIpConfig().addMember(host + ":" + port);
        for (String m : join) j.getTcpIpConfig().addMember(m);
        c.getJetConfig().setEnabled(false);
        prepare(c, threads);
        return c;
    }

    /** What any member running Skein tasks needs: the executors and the serialization rules. */
    static void prepare(Config c, int threads) {
        c.getExecutorConfig(EXECUTOR).setPoolSize(threads).setQueueCapacity(0).setStatisticsEnabled(false);
        c.getExecutorConfig(CONTROL_EXECUTOR).setPoolSize(4).setQueueCapacity(0).setStatisticsEnabled(false);
        serialization(c.getSerializationConfig());
    }

    /**
     * A client of the members at {@code addresses}. It gives up connecting after
     * {@code connectSeconds}, and while it is cut off its calls fail at once (reconnecting in
     * the background), so a pool whose members are all gone fails its tasks instead of waiting.
     */
    static ClientConfig client(String cluster, List<String> addresses, int connectSeconds) {
        ClientConfig c = new ClientConfig().setClusterName(cluster);
        common(c::setProperty);
        c.setProperty("hazelcast.client.invocation.timeout.seconds", String.valueOf(connectSeconds));
        // A member that stops answering without closing its connections (a frozen process, a
        // machine gone off the network) is given up after this, as members give each other up,
        // not after the client's default of 60 s: its tasks then fail over like a killed member's.
        c.setProperty("hazelcast.client.heartbeat.interval", "1000");
        c.setProperty("hazelcast.client.heartbeat.timeout", String.valueOf(connectSeconds * 1000L));
        // No metrics collection: nothing reads them, and starting it was a third of a client's
        // start (newHazelcastClient 163-176 ms with it, 95-114 ms without; the first proxy 15-57 ms
        // against 3-4 ms; 3 alternating runs, load 20). Smart routing stays: tasks go to members by name.
        c.getMetricsConfig().setEnabled(false);
        c.getNetworkConfig().setAddresses(new java.util.ArrayList<>(addresses)).setSmartRouting(true);
        c.getConnectionStrategyConfig().setReconnectMode(ClientConnectionStrategyConfig.ReconnectMode.ASYNC)
                .getConnectionRetryConfig().setClusterConnectTimeoutMillis(connectSeconds * 1000L)
                .setInitialBackoffMillis(100).setMaxBackoffMillis(1000);
        serialization(c.getSerializationConfig());
        return c;
    }

    private interface Properties {
        Object set(String name, String value);
    }

    private static void common(Properties p) {
        p.set("hazelcast.phone.home.enabled", "false");
        p.set("hazelcast.logging.type", "none");   // a script's stderr is its own; skein worker says what matters itself
        p.set("hazelcast.shutdownhook.enabled", "false");   // Skein ends its members and clients itself
    }

    private static void serialization(SerializationConfig s) {
        s.addDataSerializableFactory(ClusterTask.FACTORY_ID, new ClusterTask.Factory());
        JavaSerializationFilterConfig f = new JavaSerializationFilterConfig().setDefaultsDisabled(true);
        f.getWhitelist().addPrefixes("com.hazelcast.", "java.lang.", "java.util.concurrent.", "java.util.Collections$", "[Ljava.lang.StackTraceElement");
        s.setJavaSerializationFilterConfig(f);
    }
}
