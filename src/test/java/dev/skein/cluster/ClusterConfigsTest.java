package dev.skein.cluster;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.client.config.ClientConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a script's client is configured with: the pieces its start time depends on. */
class ClusterConfigsTest {
    @Test void aClientCollectsNoMetricsAndRoutesToMembersByName() {
        ClientConfig c = ClusterConfigs.client("demo", List.of("127.0.0.1:5801"), 10);
        // Starting metrics collection was a third of a client's start; nothing reads them.
        assertFalse(c.getMetricsConfig().isEnabled());
        assertTrue(c.getNetworkConfig().isSmartRouting());
        assertTrue(c.getProperty("hazelcast.phone.home.enabled").equals("false"));
    }
}
