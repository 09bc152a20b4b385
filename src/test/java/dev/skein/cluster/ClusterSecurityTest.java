package dev.skein.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A real member and a real client: tasks signed with another key, or not signed, are refused
 * and logged, promptly (no 120 s hang through the serialization filter), and the member stays up
 * and runs properly signed tasks.
 */
@Timeout(120)
class ClusterSecurityTest {
    private static final byte[] KEY = "the-right-key-0123456789".getBytes(StandardCharsets.UTF_8);
    private static final List<String> log = new CopyOnWriteArrayList<>();
    private static ClusterMember member;
    private static HazelcastInstance client;

    @BeforeAll static void start() throws Exception {
        int port = ClusterWorkersTest.freePorts(1).get(0);
        String name = "security-" + System.nanoTime();
        member = ClusterMember.start(name, "127.0.0.1", port, List.of(), 2, KEY, log::add);
        client = HazelcastClient.newHazelcastClient(ClusterConfigs.client(name, List.of("127.0.0.1:" + port), 10));
    }

    @AfterAll static void stop() {
        if (client != null) client.shutdown();
        if (member != null) member.close();
    }

    private static byte[] send(ClusterTask t) throws Exception {
        Member m = client.getCluster().getMembers().iterator().next();
        return client.getExecutorService(ClusterConfigs.EXECUTOR).submitToMember(t, m).get(30, TimeUnit.SECONDS);
    }

    @Test void forgedAndUnsignedTasksAreRefusedAndTheMemberStaysUp() throws Exception {
        TaskSigner wrong = new TaskSigner("a-forged-key-0123456789".getBytes(StandardCharsets.UTF_8));
        long t0 = System.nanoTime();
        ExecutionException forged = assertThrows(ExecutionException.class, () -> send(new ClusterTask(ClusterTask.OPEN, "s1", new byte[0], wrong)));
        assertInstanceOf(SecurityException.class, forged.getCause());
        assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(20), "the refusal came back promptly");

        ClusterTask unsigned = new ClusterTask(ClusterTask.OPEN, "s2", new byte[0], wrong);
        unsigned.mac = new byte[0];
        assertInstanceOf(SecurityException.class, assertThrows(ExecutionException.class, () -> send(unsigned)).getCause());

        // A signed task whose bytes were changed afterwards fails too.
        ClusterTask tampered = new ClusterTask(ClusterTask.OPEN, "s3", new byte[0], new TaskSigner(KEY));
        tampered.payload = "20000".getBytes(StandardCharsets.UTF_8);
        assertInstanceOf(SecurityException.class, assertThrows(ExecutionException.class, () -> send(tampered)).getCause());

        assertEquals(3, log.size(), log.toString());
        assertTrue(log.get(0).contains("refused") && log.get(0).contains("signature does not match"), log.get(0));
        assertTrue(log.get(1).contains("not signed"), log.get(1));
        assertEquals(0, member.hostedWorkers(), "nothing was started for a refused task");

        // The member is up and runs a properly signed task: its hosted worker says READY.
        byte[] reply = send(new ClusterTask(ClusterTask.OPEN, "s4", new byte[0], new TaskSigner(KEY)));
        assertTrue(reply[0] == HostedWorker.ALIVE || reply[0] == HostedWorker.BUSY, "running, not ended: " + reply[0]);
        assertEquals(1, member.hostedWorkers());
        send(new ClusterTask(ClusterTask.KILL, "s4", new byte[0], new TaskSigner(KEY)));
        assertEquals(0, member.hostedWorkers());
    }
}
