package dev.skein.stdlib.modules;

import dev.skein.runtime.Builtin;
import dev.skein.runtime.Bytes;
import dev.skein.runtime.Callable;
import dev.skein.runtime.Missing;
import dev.skein.runtime.Signature;
import dev.skein.runtime.Values;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What {@code hash.sha256(data)} returns, like a hashlib object: methods {@code update(data)},
 * {@code digest()}, {@code hexdigest()}, {@code copy()}; attributes {@code name},
 * {@code digest_size}, {@code block_size}. Safe to share between threads.
 */
final class HashObject implements Values.MethodHost, Values.Attributes, Values.Named {
    private static final Signature UPDATE = new Signature("update", "data");
    private static final Signature DIGEST = new Signature("digest", "");
    private static final Signature HEXDIGEST = new Signature("hexdigest", "");
    private static final Signature COPY = new Signature("copy", "");

    private final DigestKind kind;
    private final MessageDigest md;
    private final ReentrantLock lock = new ReentrantLock();

    HashObject(DigestKind kind, MessageDigest md) {
        this.kind = kind;
        this.md = md;
    }

    void update(byte[] data) {
        lock.lock();
        try { md.update(data); } finally { lock.unlock(); }
    }

    /** The digest so far; the object stays usable (digest works on a copy of the state). */
    byte[] digest() {
        return copyState().digest();
    }

    private MessageDigest copyState() {
        lock.lock();
        try {
            return (MessageDigest) md.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's digests are cloneable", e);
        } finally { lock.unlock(); }
    }

    @Override public Callable method(String name) {
        return switch (name) {
            case "update" -> new Builtin(UPDATE, (ts, a) -> { update(Args.bytesOrStr(a[0], "data")); return null; });
            case "digest" -> new Builtin(DIGEST, (ts, a) -> Bytes.wrap(digest()));
            case "hexdigest" -> new Builtin(HEXDIGEST, (ts, a) -> HexFormat.of().formatHex(digest()));
            case "copy" -> new Builtin(COPY, (ts, a) -> new HashObject(kind, copyState()));
            default -> null;
        };
    }

    @Override public Object attribute(String name) {
        return switch (name) {
            case "name" -> kind.pythonName;
            case "digest_size" -> (long) md.getDigestLength();
            case "block_size" -> (long) kind.blockSize;
            default -> Missing.MISSING;
        };
    }

    @Override public String typeName() { return "hash"; }

    @Override public String toString() { return "<" + kind.pythonName + " hash object>"; }

    @Override public java.util.Collection<String> methodNames() { return java.util.List.of("copy", "digest", "hexdigest", "update"); }
}
