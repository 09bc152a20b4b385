package dev.skein.process;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Skein's own binary encoding of portable values (never Java serialization): a version byte,
 * then tagged values. Shared references and cycles are written once and referred to by index.
 * Reading is bounded everywhere: lengths are checked against the bytes left and nesting depth
 * is limited, so a malformed or truncated frame fails cleanly and can never run code.
 */
final class Codec {
    private Codec() {}

    static final byte VERSION = 1;
    static final int MAX_DEPTH = 10_000;

    static final byte NONE = 0, TRUE = 1, FALSE = 2, INT = 3, BIGINT = 4, FLOAT = 5, STR = 6, BYTES = 7,
            LIST = 8, DICT = 9, SET = 10, RECORD = 11, ERROR = 12, ERROR_KIND = 13, FUNCTION = 14, CELL = 15,
            BUILTIN = 16, STD_MODULE = 17, RANGE = 18, BACKREF = 19, SCRIPT_MODULE = 20, MISSING = 21,
            BOUND_METHOD = 22, RECORD_TYPE = 23, RECORD_TYPE_VALUE = 24;

    /** A frame the reader could not accept: too short, bad tag, over a limit. */
    static final class MalformedFrame extends RuntimeException {
        MalformedFrame(String message) { super(message, null, false, false); }
    }

    /** A growable byte buffer with big-endian primitives. */
    static final class Out {
        private byte[] buf = new byte[256];
        private int size;

        void ensure(int n) {
            if (size + n > buf.length) buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + n));
        }

        void writeByte(int b) {
            ensure(1);
            buf[size++] = (byte) b;
        }

        void writeInt(int v) {
            ensure(4);
            buf[size++] = (byte) (v >>> 24);
            buf[size++] = (byte) (v >>> 16);
            buf[size++] = (byte) (v >>> 8);
            buf[size++] = (byte) v;
        }

        void writeLong(long v) {
            writeInt((int) (v >>> 32));
            writeInt((int) v);
        }

        void writeDouble(double d) { writeLong(Double.doubleToRawLongBits(d)); }

        void writeBytes(byte[] b) {
            writeInt(b.length);
            ensure(b.length);
            System.arraycopy(b, 0, buf, size, b.length);
            size += b.length;
        }

        void writeString(String s) { writeBytes(s.getBytes(StandardCharsets.UTF_8)); }

        byte[] toArray() { return Arrays.copyOf(buf, size); }
    }

    /** A bounds-checked reader over one frame's payload. */
    static final class In {
        private final byte[] buf;
        private int pos;

        In(byte[] buf) { this.buf = buf; }

        int remaining() { return buf.length - pos; }

        private void need(int n) {
            if (n < 0 || remaining() < n) throw new MalformedFrame("truncated frame (needed " + n + " more bytes, " + remaining() + " left)");
        }

        byte readByte() {
            need(1);
            return buf[pos++];
        }

        int readInt() {
            need(4);
            int v = ((buf[pos] & 0xff) << 24) | ((buf[pos + 1] & 0xff) << 16) | ((buf[pos + 2] & 0xff) << 8) | (buf[pos + 3] & 0xff);
            pos += 4;
            return v;
        }

        long readLong() { return ((long) readInt() << 32) | (readInt() & 0xffffffffL); }

        double readDouble() { return Double.longBitsToDouble(readLong()); }

        /** A length that must fit in what is left (each element takes at least {@code minBytesEach}). */
        int readLength(int minBytesEach) {
            int n = readInt();
            if (n < 0 || (long) n * minBytesEach > remaining()) throw new MalformedFrame("impossible length " + n);
            return n;
        }

        byte[] readBytes() {
            int n = readLength(1);
            byte[] out = Arrays.copyOfRange(buf, pos, pos + n);
            pos += n;
            return out;
        }

        String readString() { return new String(readBytes(), StandardCharsets.UTF_8); }

        void expectEnd() {
            if (remaining() != 0) throw new MalformedFrame(remaining() + " unexpected bytes at the end of a frame");
        }
    }
}
