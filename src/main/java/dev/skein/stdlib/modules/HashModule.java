package dev.skein.stdlib.modules;

import dev.skein.runtime.Bytes;
import dev.skein.runtime.Convert;
import dev.skein.runtime.Errors;
import dev.skein.runtime.Interpreter;
import dev.skein.runtime.NativeModule;
import dev.skein.runtime.Values;

import java.security.MessageDigest;

/**
 * {@code import hash}: hashlib's digests ({@code hash.sha256(b"x").hexdigest()}), {@code new},
 * {@code pbkdf2_hmac} (same bytes as Python's), {@code hmac} and {@code compare_digest}. Data
 * may be bytes or str (encoded as UTF-8).
 */
public final class HashModule {
    private HashModule() {}

    public static NativeModule create(Interpreter interp) {
        NativeModule m = new NativeModule("hash");
        for (DigestKind k : DigestKind.values()) {
            m.def(k.pythonName, "data=?", (ts, a) -> newHash(k, a[0]));
        }
        m.def("new", "name, data=?", (ts, a) -> newHash(DigestKind.byName(Args.str(a[0], "name")), a[1]));
        m.def("pbkdf2_hmac", "hash_name, password, salt, iterations, dklen=?", (ts, a) -> {
            DigestKind kind = DigestKind.byName(Args.str(a[0], "hash_name"));
            byte[] password = Args.bytesOrStr(a[1], "password");
            byte[] salt = Args.bytesOrStr(a[2], "salt");
            long iterations = Convert.toLong(a[3], "iterations");
            long dklen = Args.absent(a[4]) ? kind.digestSize() : Convert.toLong(a[4], "dklen");
            return Bytes.wrap(Pbkdf2.derive(ts, kind, password, salt, iterations, dklen));
        });
        m.def("hmac", "key, msg, name=?", (ts, a) -> {
            DigestKind kind = Args.absent(a[2]) ? DigestKind.SHA256 : DigestKind.byName(Args.str(a[2], "name"));
            return Bytes.wrap(new Hmac(kind, Args.bytesOrStr(a[0], "key")).mac(Args.bytesOrStr(a[1], "msg")));
        });
        m.def("compare_digest", "a, b", (ts, a) -> {
            if ((a[0] instanceof String) != (a[1] instanceof String)) {
                throw Errors.type("unsupported operand types(s) or combination of types: '"
                        + Values.typeName(a[0]) + "' and '" + Values.typeName(a[1]) + "'");
            }
            return MessageDigest.isEqual(Args.bytesOrStr(a[0], "a"), Args.bytesOrStr(a[1], "b"));
        });
        return m;
    }

    private static HashObject newHash(DigestKind kind, Object data) {
        HashObject h = new HashObject(kind, kind.newDigest());
        if (!Args.absent(data)) h.update(Args.bytesOrStr(data, "data"));
        return h;
    }
}
