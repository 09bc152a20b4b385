package dev.skein.stdlib.modules;

import dev.skein.runtime.Errors;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

/** The hash algorithms the hash module offers, by their Python (hashlib) names. */
enum DigestKind {
    MD5("md5", "MD5", 64),
    SHA1("sha1", "SHA-1", 64),
    SHA224("sha224", "SHA-224", 64),
    SHA256("sha256", "SHA-256", 64),
    SHA384("sha384", "SHA-384", 128),
    SHA512("sha512", "SHA-512", 128),
    SHA512_224("sha512_224", "SHA-512/224", 128),
    SHA512_256("sha512_256", "SHA-512/256", 128),
    SHA3_224("sha3_224", "SHA3-224", 144),
    SHA3_256("sha3_256", "SHA3-256", 136),
    SHA3_384("sha3_384", "SHA3-384", 104),
    SHA3_512("sha3_512", "SHA3-512", 72);

    final String pythonName;
    final String javaName;
    final int blockSize;

    DigestKind(String pythonName, String javaName, int blockSize) {
        this.pythonName = pythonName;
        this.javaName = javaName;
        this.blockSize = blockSize;
    }

    /** A hash name as Python spells it ("sha256"), case and '-'/'_' insensitive; ValueError when unknown. */
    static DigestKind byName(String name) {
        String key = normalize(name);
        for (DigestKind k : values()) if (normalize(k.pythonName).equals(key)) return k;
        throw Errors.value("unsupported hash type " + name);
    }

    private static String normalize(String s) {
        return s.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
    }

    MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance(javaName);
        } catch (NoSuchAlgorithmException e) {
            throw Errors.value("unsupported hash type " + pythonName + " (not available in this Java runtime)");
        }
    }

    int digestSize() { return newDigest().getDigestLength(); }
}
