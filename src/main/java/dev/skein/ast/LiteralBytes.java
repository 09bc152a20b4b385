package dev.skein.ast;

import java.util.Arrays;

/**
 * The value of a {@code b"…"} literal in the syntax tree: its bytes, compared by content. The
 * tree knows nothing of runtime values; the compiler turns this into a bytes value.
 */
public record LiteralBytes(byte[] bytes) {
    public LiteralBytes {
        bytes = bytes.clone();
    }

    @Override public byte[] bytes() { return bytes.clone(); }

    @Override public boolean equals(Object o) {
        return o instanceof LiteralBytes other && Arrays.equals(bytes, other.bytes);
    }

    @Override public int hashCode() { return Arrays.hashCode(bytes); }

    @Override public String toString() { return "b" + Arrays.toString(bytes); }
}
