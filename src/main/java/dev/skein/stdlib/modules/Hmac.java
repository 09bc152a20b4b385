package dev.skein.stdlib.modules;

import java.security.DigestException;
import java.security.MessageDigest;

/**
 * HMAC (RFC 2104) on one reused MessageDigest. Feeding the padded key block again for every
 * message measured faster than cloning precomputed keyed states (clones allocate and copy the
 * digest's work arrays; the JDK's SHA compression itself is an intrinsic) and faster than
 * {@code javax.crypto.Mac}, whose per-call bookkeeping dominates short messages like PBKDF2's.
 * One instance is used by one thread.
 */
final class Hmac {
    private final MessageDigest md;
    private final byte[] ipad;
    private final byte[] opad;
    private final int length;

    Hmac(DigestKind kind, byte[] key) {
        md = kind.newDigest();
        if (key.length > kind.blockSize) key = md.digest(key);
        ipad = new byte[kind.blockSize];
        opad = new byte[kind.blockSize];
        for (int i = 0; i < kind.blockSize; i++) {
            byte k = i < key.length ? key[i] : 0;
            ipad[i] = (byte) (k ^ 0x36);
            opad[i] = (byte) (k ^ 0x5c);
        }
        length = md.getDigestLength();
    }

    int length() { return length; }

    /** HMAC of the concatenation of {@code parts}. */
    byte[] mac(byte[]... parts) {
        md.update(ipad);
        for (byte[] p : parts) md.update(p);
        byte[] inner = md.digest();
        md.update(opad);
        md.update(inner);
        return md.digest();
    }

    /** HMAC of {@code msg} written into {@code out} (which may be {@code msg}), using {@code tmp}. */
    void macInto(byte[] msg, byte[] out, byte[] tmp) {
        try {
            md.update(ipad);
            md.update(msg, 0, length);
            md.digest(tmp, 0, length);
            md.update(opad);
            md.update(tmp, 0, length);
            md.digest(out, 0, length);
        } catch (DigestException e) {
            throw new IllegalStateException("output buffer matches the digest length", e);
        }
    }
}
