package dev.skein.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * Signatures are HMAC-SHA256 over operation, session length, session and payload. A signer keeps
 * one keyed Mac per thread: a signature must not depend on what that Mac signed before, nor on
 * the thread, and a verification that fails must not spoil the next one.
 */
class TaskSignerTest {
    private static final byte[] KEY = "a-key-of-twenty-four-byte".getBytes(StandardCharsets.UTF_8);

    private static byte[] expected(byte op, String session, byte[] payload) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
        byte[] s = session.getBytes(StandardCharsets.UTF_8);
        mac.update(op);
        mac.update(new byte[] {0, 0, 0, (byte) s.length});
        mac.update(s);
        mac.update(payload);
        return mac.doFinal();
    }

    @Test void aSignatureIsTheSameWhateverWasSignedBeforeAndOnWhicheverThread() throws Exception {
        TaskSigner signer = new TaskSigner(KEY);
        byte[] small = {1, 2, 3};
        byte[] big = new byte[1 << 20];
        big[12345] = 7;
        assertArrayEquals(expected((byte) 2, "s/1", small), signer.sign((byte) 2, "s/1", small));
        assertArrayEquals(expected((byte) 2, "s/2", big), signer.sign((byte) 2, "s/2", big));
        assertArrayEquals(expected((byte) 2, "s/1", small), signer.sign((byte) 2, "s/1", small));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<byte[]>> sigs = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                byte[] payload = {(byte) i, (byte) (i >> 3)};
                String session = "s/" + (i % 7);
                sigs.add(pool.submit(() -> signer.sign((byte) 1, session, payload)));
            }
            for (int i = 0; i < 200; i++) {
                assertArrayEquals(expected((byte) 1, "s/" + (i % 7), new byte[] {(byte) i, (byte) (i >> 3)}), sigs.get(i).get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test void aForgedTaskDoesNotSpoilTheNextVerification() {
        TaskSigner signer = new TaskSigner(KEY);
        TaskSigner other = new TaskSigner("another-key-0123456789ab".getBytes(StandardCharsets.UTF_8));
        ClusterTask forged = new ClusterTask(ClusterTask.FEED, "s", new byte[] {1}, other);
        ClusterTask good = new ClusterTask(ClusterTask.FEED, "s", new byte[] {1}, signer);
        assertFalse(signer.verifies(forged));
        assertTrue(signer.verifies(good));
        assertFalse(signer.verifies(forged));
        assertTrue(signer.verifies(good));
    }
}
