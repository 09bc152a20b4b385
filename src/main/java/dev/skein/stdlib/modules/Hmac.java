package dev.skein.stdlib.modules;

import java.security.DigestException;
import java.security.MessageDigest;

/**
 * HMAC (RFC 2104) from keyed digest states, as OpenSSL does it: the digests that have absorbed
 * the key's inner and outer pad blocks are kept, and every message starts from clones of them,
 * so a short message (PBKDF2's rounds) costs two block compressions instead of four. Cloning
 * copies only the small chaining state; the compressions are the JDK's SHA intrinsics. A digest
 * that cannot be cloned falls back to feeding the pad blocks again. One instance, one thread.
 */
final class Hmac {
    private final MessageDigest inner;   // has absorbed key ^ ipad
    private final MessageDigest outer;   // has absorbed key ^ opad
    private final boolean cloneable;
    private final byte[] ipad;
    private final byte[] opad;
    private final int length;

    Hmac(DigestKind kind, byte[] key) {
        inner = kind.newDigest();
        outer = kind.newDigest();
        if (key.length > kind.blockSize) key = inner.digest(key);
        ipad = new byte[kind.blockSize];
        opad = new byte[kind.blockSize];
        for (int i = 0; i < kind.blockSize; i++) {
            byte k = i < key.length ? key[i] : 0;
            ipad[i] = (byte) (k ^ 0x36);
            opad[i] = (byte) (k ^ 0x5c);
        }
        length = inner.getDigestLength();
        inner.update(ipad);
        outer.update(opad);
        cloneable = start(inner) != null;
        if (!cloneable) {   // the fallback feeds the pads per message
            inner.reset();
            outer.reset();
        }
    }

    int length() { return length; }

    /** A fresh digest in the keyed state {@code keyed}; null when it cannot be cloned. */
    private static MessageDigest start(MessageDigest keyed) {
        try {
            return (MessageDigest) keyed.clone();
        } catch (CloneNotSupportedException e) {
            return null;
        }
    }

    private MessageDigest innerDigest() {
        if (cloneable) return start(inner);
        inner.update(ipad);   // inner was reset by its last digest(): feed the pad again
        return inner;
    }

    private MessageDigest outerDigest() {
        if (cloneable) return start(outer);
        outer.update(opad);
        return outer;
    }

    /** HMAC of the concatenation of {@code parts}. */
    byte[] mac(byte[]... parts) {
        MessageDigest in = innerDigest();
        for (byte[] p : parts) in.update(p);
        MessageDigest out = outerDigest();
        out.update(in.digest());
        return out.digest();
    }

    /** HMAC of {@code msg} written into {@code out} (which may be {@code msg}), using {@code tmp}. */
    void macInto(byte[] msg, byte[] out, byte[] tmp) {
        try {
            MessageDigest in = innerDigest();
            in.update(msg, 0, length);
            in.digest(tmp, 0, length);
            MessageDigest o = outerDigest();
            o.update(tmp, 0, length);
            o.digest(out, 0, length);
        } catch (DigestException e) {
            throw new IllegalStateException("output buffer matches the digest length", e);
        }
    }
}
