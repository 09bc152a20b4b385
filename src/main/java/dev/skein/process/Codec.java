package dev.skein.process;

import dev.skein.runtime.Errors;
import dev.skein.runtime.LoneSurrogates;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * Skein's own binary encoding of portable values (never Java serialization): a version byte,
 * then tagged values. Shared references and cycles are written once and referred to by index.
 * Reading is bounded everywhere: lengths are checked against the bytes left and nesting depth
 * is limited, so a malformed or truncated frame fails cleanly and can never run code.
 */
final class Codec {
    private Codec() {}

    static final byte VERSION = 1;
    /** The deepest value the encoder writes (deeper is a PortabilityError). */
    static final int MAX_DEPTH = 10_000;
    /** Levels a message adds around its values (argument lists, chunk items), which the reader allows on top. */
    static final int ENVELOPE_DEPTH = 4;

    static final byte NONE = 0, TRUE = 1, FALSE = 2, INT = 3, BIGINT = 4, FLOAT = 5, STR = 6, BYTES = 7,
            LIST = 8, DICT = 9, SET = 10, RECORD = 11, ERROR = 12, ERROR_KIND = 13, FUNCTION = 14, CELL = 15,
            BUILTIN = 16, STD_MODULE = 17, RANGE = 18, BACKREF = 19, SCRIPT_MODULE = 20, MISSING = 21,
            BOUND_METHOD = 22, RECORD_TYPE = 23, RECORD_TYPE_VALUE = 24;

    /** The top bit of a string's length: the string is WTF-8, it holds a lone surrogate. */
    static final int WTF8 = 1 << 31;

    /** A frame the reader could not accept: too short, bad tag, over a limit. */
    static final class MalformedFrame extends RuntimeException {
        MalformedFrame(String message) { super(message, null, false, false); }
    }

    private static final VarHandle INT_BE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG_BE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    /**
     * A growable byte buffer with big-endian primitives. Frames are written straight from it
     * ({@link #writeTo}), and a large byte array that never changes (a bytes value's) is referred
     * to rather than copied in ({@link #writeShared}), so a big value is not copied to be sent.
     */
    static final class Out {
        /** Byte arrays at least this long are referred to by {@link #writeShared}, not copied. */
        static final int SHARE_AT_LEAST = 64 << 10;

        private byte[] buf;
        private int size;                 // bytes in buf
        private byte[][] shared;          // arrays referred to, in order
        private int[] sharedAt;           // where each goes: after buf[0, sharedAt[k])
        private int sharedCount;
        private long sharedBytes;

        Out() { this(256); }

        Out(int capacity) { buf = new byte[Math.max(capacity, 16)]; }

        void ensure(int n) {
            if (n > buf.length - size) grow(n);
        }

        /** Makes room for about {@code n} more bytes if that stays under the frame limit (a hint: never fails). */
        void reserve(long n) {
            if (n > buf.length - size && size() + n <= Wire.MAX_FRAME - 64) grow((int) n);
        }

        private void checkRoom(long n) {
            if (size() + n > Wire.MAX_FRAME - 64) {   // room for the frame's own header
                throw Errors.value("the value is too large to send to a worker process (over " + (Wire.MAX_FRAME >> 20) + " MiB encoded)");
            }
        }

        private void grow(int n) {
            checkRoom(n);
            buf = Arrays.copyOf(buf, (int) Math.min(Wire.MAX_FRAME, Math.max((long) buf.length * 2, (long) size + n)));
        }

        void writeByte(int b) {
            ensure(1);
            buf[size++] = (byte) b;
        }

        void writeInt(int v) {
            ensure(4);
            INT_BE.set(buf, size, v);
            size += 4;
        }

        void writeLong(long v) {
            ensure(8);
            LONG_BE.set(buf, size, v);
            size += 8;
        }

        /** A tag byte and a long: one bounds check (the hot path of lists of ints). */
        void writeTaggedLong(byte tag, long v) {
            ensure(9);
            buf[size] = tag;
            LONG_BE.set(buf, size + 1, v);
            size += 9;
        }

        void writeDouble(double d) { writeLong(Double.doubleToRawLongBits(d)); }

        void writeBytes(byte[] b) {
            ensure(4 + b.length);
            INT_BE.set(buf, size, b.length);
            System.arraycopy(b, 0, buf, size + 4, b.length);
            size += 4 + b.length;
        }

        /**
         * Like {@link #writeBytes}, but a large array is referred to, not copied: the caller
         * promises it never changes (a bytes value's array).
         */
        void writeShared(byte[] b) {
            if (b.length < SHARE_AT_LEAST) {
                writeBytes(b);
                return;
            }
            checkRoom(4L + b.length);
            writeInt(b.length);
            addShared(b);
        }

        /** Refers to {@code b} as the next bytes of the content. */
        private void addShared(byte[] b) {
            if (shared == null) {
                shared = new byte[4][];
                sharedAt = new int[4];
            } else if (sharedCount == shared.length) {
                shared = Arrays.copyOf(shared, sharedCount * 2);
                sharedAt = Arrays.copyOf(sharedAt, sharedCount * 2);
            }
            shared[sharedCount] = b;
            sharedAt[sharedCount++] = size;
            sharedBytes += b.length;
        }

        /** A string: its UTF-8, or its WTF-8 (lone surrogates kept) with the length's top bit set. */
        void writeString(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            if (!LoneSurrogates.maybeReplaced(b) || !LoneSurrogates.in(s)) {
                writeBytes(b);
                return;
            }
            b = Wtf8.encode(s);
            writeInt(b.length | WTF8);
            writeRaw(b, b.length);
        }

        /** Appends the first {@code n} bytes of {@code b}. */
        void writeRaw(byte[] b, int n) { writeRaw(b, 0, n); }

        /** Appends everything {@code other} holds (its shared arrays stay shared). */
        void append(Out other) {
            checkRoom(other.size());
            int from = 0;
            for (int k = 0; k < other.sharedCount; k++) {
                writeRaw(other.buf, from, other.sharedAt[k] - from);
                addShared(other.shared[k]);
                from = other.sharedAt[k];
            }
            writeRaw(other.buf, from, other.size - from);
        }

        private void writeRaw(byte[] b, int from, int n) {
            ensure(n);
            System.arraycopy(b, from, buf, size, n);
            size += n;
        }

        /** Overwrites an int written earlier (before any shared array: a header, a length). */
        void patchInt(int at, int v) {
            Objects.checkFromIndexSize(at, 4, sharedCount == 0 ? size : sharedAt[0]);
            INT_BE.set(buf, at, v);
        }

        /** The content's length, shared arrays included. */
        int size() { return (int) (size + sharedBytes); }

        /** Forgets the content (keeps the buffer), or cuts it back to an earlier {@link #size()}. */
        void truncate(int newSize) {
            Objects.checkIndex(newSize, size() + 1);
            while (sharedCount > 0 && sharedAt[sharedCount - 1] + sharedBytes - shared[sharedCount - 1].length >= newSize) {
                sharedBytes -= shared[--sharedCount].length;
                shared[sharedCount] = null;
            }
            int inline = (int) (newSize - sharedBytes);
            if (sharedCount > 0 && inline < sharedAt[sharedCount - 1]) throw new IllegalStateException("cannot cut into a shared array");
            size = inline;
        }

        /** The capacity of the buffer (to drop one that grew very large). */
        int capacity() { return buf.length; }

        /** Writes the content to {@code out}, shared arrays where they belong. */
        void writeTo(java.io.OutputStream out) throws java.io.IOException {
            int from = 0;
            for (int k = 0; k < sharedCount; k++) {
                out.write(buf, from, sharedAt[k] - from);
                out.write(shared[k]);
                from = sharedAt[k];
            }
            out.write(buf, from, size - from);
        }

        byte[] toArray() {
            if (sharedCount == 0) return Arrays.copyOf(buf, size);
            java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream(size());
            try {
                writeTo(all);
            } catch (java.io.IOException impossible) {
                throw new IllegalStateException(impossible);
            }
            return all.toByteArray();
        }
    }

    /** A bounds-checked reader over one frame's payload, or over a part of it. */
    static final class In {
        private final byte[] buf;
        private final int end;
        private int pos;

        In(byte[] buf) { this(buf, 0, buf.length); }

        /** Reads {@code buf[from, to)}; a range outside the array is a malformed frame. */
        In(byte[] buf, int from, int to) {
            if (from < 0 || to < from || to > buf.length) throw new MalformedFrame("truncated frame (range " + from + ".." + to + " of " + buf.length + " bytes)");
            this.buf = buf;
            this.pos = from;
            this.end = to;
        }

        int remaining() { return end - pos; }

        int position() { return pos; }

        private void need(int n) {
            if (n < 0 || remaining() < n) throw new MalformedFrame("truncated frame (needed " + n + " more bytes, " + remaining() + " left)");
        }

        byte readByte() {
            need(1);
            return buf[pos++];
        }

        int readInt() {
            need(4);
            int v = (int) INT_BE.get(buf, pos);
            pos += 4;
            return v;
        }

        long readLong() {
            need(8);
            long v = (long) LONG_BE.get(buf, pos);
            pos += 8;
            return v;
        }

        double readDouble() { return Double.longBitsToDouble(readLong()); }

        /** A length that must fit in what is left (each element takes at least {@code minBytesEach}). */
        int readLength(int minBytesEach) {
            int n = readInt();
            if (n < 0 || (long) n * minBytesEach > remaining()) throw new MalformedFrame("impossible length " + n);
            return n;
        }

        /** Skips {@code n} bytes, which must be there. */
        void skip(int n) {
            need(n);
            pos += n;
        }

        byte[] readBytes() {
            int n = readLength(1);
            byte[] out = Arrays.copyOfRange(buf, pos, pos + n);
            pos += n;
            return out;
        }

        String readString() {
            int n = readInt();
            boolean wtf8 = (n & WTF8) != 0;
            n &= ~WTF8;
            if ((long) n > remaining()) throw new MalformedFrame("impossible length " + n);
            String s = wtf8 ? Wtf8.decode(buf, pos, n) : new String(buf, pos, n, StandardCharsets.UTF_8);
            pos += n;
            return s;
        }

        void expectEnd() {
            if (remaining() != 0) throw new MalformedFrame(remaining() + " unexpected bytes at the end of a frame");
        }
    }
}
