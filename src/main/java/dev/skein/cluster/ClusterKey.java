package dev.skein.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;

/** Where a cluster's key comes from: SKEIN_CLUSTER_KEY, a key file, or (embedded members) fresh random bytes. */
public final class ClusterKey {
    private ClusterKey() {}

    public static final String ENV = "SKEIN_CLUSTER_KEY";

    /** The key of a key file (its text, trimmed), else of {@code SKEIN_CLUSTER_KEY}; null if neither. */
    public static byte[] from(String envValue, Path keyFile) throws IOException {
        String text = keyFile != null ? Files.readString(keyFile, StandardCharsets.UTF_8).strip() : envValue == null ? null : envValue.strip();
        if (text == null || text.isEmpty()) return null;
        byte[] key = text.getBytes(StandardCharsets.UTF_8);
        if (key.length < 16) throw new IOException("the cluster key must be at least 16 characters long");
        return key;
    }

    static byte[] random() {
        byte[] k = new byte[32];
        new SecureRandom().nextBytes(k);
        return k;
    }
}
