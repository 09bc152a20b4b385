package dev.skein.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import dev.skein.cluster.ClusterMember;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A host that already runs a Hazelcast member hands it to the engine: {@code cluster(NAME)} pools run on it. */
@Timeout(120)
class EmbedClusterTest {
    @Test void aHostsOwnInstanceRunsTheClusterPool() throws Exception {
        byte[] key = "host-key-0123456789abcdef".getBytes(StandardCharsets.UTF_8);
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Config c = new Config().setClusterName("host-" + System.nanoTime());
        c.setProperty("hazelcast.phone.home.enabled", "false");
        c.setProperty("hazelcast.logging.type", "none");
        c.getNetworkConfig().setPort(port).setPortAutoIncrement(false).getInterfaces().setEnabled(true).addInterface("127.0.0.1");
        c.getNetworkConfig().getJoin().getMulticastConfig().setEnabled(false);
        c.getNetworkConfig().getJoin().getAutoDetectionConfig().setEnabled(false);
        c.getNetworkConfig().getJoin().getTcpIpConfig().setEnabled(true).addMember("127.0.0.1:" + port);
        HazelcastInstance hz = Hazelcast.newHazelcastInstance(ClusterMember.configure(c, 2, key));
        try (SkeinEngine engine = SkeinEngine.builder().allowProcesses().clusterPools(hz, key).build()) {
            assertEquals(4L, engine.eval("fn sq(x) { return x * x }\nlet c = cluster(\"host\")\nawait (submit sq(2) to c)"));
            SkeinException e = assertThrows(SkeinException.class, () -> engine.eval("fn id(x) { return x }\nlet c = cluster(\"host\")\nawait (submit id(lock()) to c)"));
            assertTrue(e.getMessage().contains("PortabilityError"), e.getMessage());
        } finally {
            assertTrue(hz.getLifecycleService().isRunning(), "the host's instance is the host's: the engine does not end it");
            hz.shutdown();
        }
        try (SkeinEngine plain = SkeinEngine.builder().allowProcesses().build()) {
            assertTrue(assertThrows(SkeinException.class, () -> plain.eval("cluster(\"x\", members=1)")).getMessage().contains("NameError"));
        }
    }
}
