package dev.skein.cli;

import dev.skein.cluster.ClusterKey;
import dev.skein.cluster.ClusterMember;
import dev.skein.cluster.ClusterPools;
import java.io.IOException;
import java.util.List;
import java.util.UUID;

/**
 * Trains the cluster pools' ahead-of-time cache, a second start-up cache beside skein's own:
 * {@code bin/skein} runs this with {@code -XX:AOTCacheOutput=target/skein-cluster.aot} (and a
 * random SKEIN_CLUSTER_KEY) the first time a script that creates a {@code cluster(} pool, or a
 * {@code skein worker}, runs after a build. It starts a member in this JVM and runs the workers'
 * training script on a cluster pool joined to it as a client, so the cache holds the Hazelcast
 * classes of both sides (about 3,800 that a first connect would otherwise load from the jar) and
 * the hosted workers' path. Only those runs start from it: JDK 25 loads every cached class at
 * start, which would make every plain script start slower and larger.
 */
public final class TrainClusterCache {
    private TrainClusterCache() {}

    public static void main(String[] args) throws IOException {
        byte[] key = ClusterKey.from(System.getenv(ClusterKey.ENV), null);
        if (key == null) {
            System.err.println("TrainClusterCache: needs a cluster key in " + ClusterKey.ENV);
            System.exit(2);
        }
        // Hazelcast's threads must not keep the JVM (whose exit writes the cache) alive.
        System.exit(train(key));
    }

    /** Runs the training on a member of its own, which it ends; the exit code (0: the script ran). */
    static int train(byte[] key) throws IOException {
        String name = "skein-training-" + UUID.randomUUID();
        ClusterMember member = ClusterMember.start(name, "127.0.0.1", ClusterPools.freePorts(1).get(0), List.of(), 1, key, System.err::println);
        try {
            TrainCaches.runTrainingScript(name, member.address());
            return 0;
        } catch (IOException failed) {
            System.err.println("TrainClusterCache: " + failed.getMessage());
            return 1;
        } finally {
            member.close();
        }
    }
}
