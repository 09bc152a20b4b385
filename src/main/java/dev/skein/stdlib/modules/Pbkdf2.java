package dev.skein.stdlib.modules;

import dev.skein.runtime.Errors;
import dev.skein.runtime.ThreadState;

/** PBKDF2-HMAC (RFC 8018), byte-for-byte what Python's hashlib.pbkdf2_hmac returns. */
final class Pbkdf2 {
    private Pbkdf2() {}

    /** How many HMAC rounds run between cancellation checks. */
    private static final int POLL_EVERY = 256;

    static byte[] derive(ThreadState ts, DigestKind kind, byte[] password, byte[] salt, long iterations, long dklen) {
        if (iterations < 1) throw Errors.value("iteration value must be greater than 0.");
        if (iterations > Integer.MAX_VALUE) throw Errors.overflow("iteration value is too great.");
        Hmac hmac = new Hmac(kind, password);
        int hlen = hmac.length();
        if (dklen < 1) throw Errors.value("key length must be greater than 0.");
        if (dklen > Integer.MAX_VALUE - 8) throw Errors.overflow("key length is too great.");
        byte[] out = new byte[(int) dklen];
        byte[] u = new byte[hlen];
        byte[] t = new byte[hlen];
        byte[] tmp = new byte[hlen];
        int blocks = (int) ((dklen + hlen - 1) / hlen);
        for (int block = 1; block <= blocks; block++) {
            byte[] index = {(byte) (block >>> 24), (byte) (block >>> 16), (byte) (block >>> 8), (byte) block};
            byte[] first = hmac.mac(salt, index);
            System.arraycopy(first, 0, u, 0, hlen);
            System.arraycopy(first, 0, t, 0, hlen);
            for (long i = 1; i < iterations; i++) {
                if (i % POLL_EVERY == 0) ts.poll();
                hmac.macInto(u, u, tmp);
                for (int k = 0; k < hlen; k++) t[k] ^= u[k];
            }
            int off = (block - 1) * hlen;
            System.arraycopy(t, 0, out, off, Math.min(hlen, out.length - off));
        }
        return out;
    }
}
