package dev.skein.cluster;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 over a task's operation, session and bytes, with the cluster's key. Hazelcast
 * Community has no authentication: the cluster name is not a secret, the key is what a member
 * trusts. A task without a valid signature is refused.
 */
final class TaskSigner {
    private final SecretKeySpec key;
    /**
     * One keyed Mac per thread that signs or verifies (a pool's sending threads, a member's
     * executor threads): looking up the provider and keying a new one cost more than the HMAC
     * of a small task. doFinal leaves it ready for the next message.
     */
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    TaskSigner(byte[] key) {
        if (key == null || key.length < 16) throw new IllegalArgumentException("a cluster key needs at least 16 bytes");
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available: " + e.getMessage());
        }
    }

    byte[] sign(byte op, String session, byte[] payload) {
        Mac mac = macs.get();
        mac.reset();
        mac.update(op);
        byte[] s = session == null ? new byte[0] : session.getBytes(StandardCharsets.UTF_8);
        mac.update(new byte[] {(byte) (s.length >>> 24), (byte) (s.length >>> 16), (byte) (s.length >>> 8), (byte) s.length});
        mac.update(s);
        if (payload != null) mac.update(payload);
        return mac.doFinal();
    }

    /** Whether {@code task} carries this key's signature (compared in constant time). */
    boolean verifies(ClusterTask task) {
        return task.mac != null && MessageDigest.isEqual(task.mac, sign(task.op, task.session, task.payload));
    }
}
