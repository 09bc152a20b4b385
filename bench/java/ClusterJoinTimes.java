import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;

/**
 * How long the script's side takes to join a running member: as a client or as a lite member
 * (issue 15 asks which to use). One data member is started first; then, REPS times each, a
 * client connects and a lite member joins, timed until it sees the member. Run with
 * `java -cp target/skein.jar bench/java/ClusterJoinTimes.java [reps]` (JDK 22+ source launch).
 */
public class ClusterJoinTimes {
    static Config member(String name, int port, boolean lite) {
        Config c = new Config().setClusterName(name).setLiteMember(lite);
        c.setProperty("hazelcast.phone.home.enabled", "false");
        c.setProperty("hazelcast.logging.type", "none");
        c.setProperty("hazelcast.wait.seconds.before.join", "0");
        c.setProperty("hazelcast.max.wait.seconds.before.join", "2");
        c.getJetConfig().setEnabled(false);
        var n = c.getNetworkConfig();
        n.setPort(port).setPortAutoIncrement(true).setPortCount(20);
        n.getInterfaces().setEnabled(true).addInterface("127.0.0.1");
        n.getJoin().getMulticastConfig().setEnabled(false);
        n.getJoin().getAutoDetectionConfig().setEnabled(false);
        n.getJoin().getTcpIpConfig().setEnabled(true).addMember("127.0.0.1:" + port);
        return c;
    }

    public static void main(String[] args) {
        int reps = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        String name = "join-times-" + System.nanoTime();
        int port = 5961;
        HazelcastInstance data = Hazelcast.newHazelcastInstance(member(name, port, false));
        try {
            for (int i = 0; i < reps; i++) {
                long t = System.nanoTime();
                ClientConfig cc = new ClientConfig().setClusterName(name);
                cc.setProperty("hazelcast.phone.home.enabled", "false");
                cc.setProperty("hazelcast.logging.type", "none");
                cc.getNetworkConfig().addAddress("127.0.0.1:" + port);
                HazelcastInstance client = HazelcastClient.newHazelcastClient(cc);
                double clientS = (System.nanoTime() - t) / 1e9;
                client.shutdown();
                t = System.nanoTime();
                HazelcastInstance lite = Hazelcast.newHazelcastInstance(member(name, port, true));
                double liteS = (System.nanoTime() - t) / 1e9;
                lite.getLifecycleService().terminate();
                System.out.printf("client_connect_s=%.3f lite_member_join_s=%.3f%n", clientS, liteS);
            }
        } finally {
            data.getLifecycleService().terminate();
        }
    }
}
