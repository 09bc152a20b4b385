package dev.skein.process;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;

/**
 * The framing of the private pipe between a pool and its worker processes: each frame is a
 * 4-byte length, a 1-byte type and a payload. Lengths are bounded, so a corrupt length can never
 * make either side allocate without limit.
 */
final class Wire {
    private Wire() {}

    /** Largest frame either side accepts (a task's arguments or result). */
    static final int MAX_FRAME = 512 << 20;
    /** Frames up to this length are read into a buffer allocated at once; longer ones as their bytes arrive. */
    static final int TRUST_LENGTH = 16 << 20;

    // parent → worker
    static final byte SOURCE = 1;     // module key, source name, parsed program (ProgramCodec): compile (never run) it
    static final byte TASK = 2;       // task id, kind (below), first item, encoded task
    static final byte INIT = 3;       // encoded init function + args, run once
    static final byte SHUTDOWN = 4;
    static final byte CONSTANTS = 5;  // the host's constants (HostConstants): the first frame, when the config says so
    // worker → parent
    static final byte READY = 10;
    static final byte RESULT = 11;    // task id, encoded value
    static final byte FAILURE = 12;   // task id, encoded error
    // ITEM reports a run of consecutive finished items of a chunk (batched: the worker sends them
    // when the chunk ends, when a few milliseconds passed, or before any other frame): task id,
    // first item index, count, then per item an ok flag (1 value, 0 error), the length of its
    // encoding and the encoding itself (version byte, value or error; each item on its own).
    static final byte ITEM = 13;
    static final byte PRINT = 14;     // stream (1 out, 2 err), text (a codec string: length, UTF-8 or WTF-8)
    static final byte INIT_FAILED = 15;
    // TIMING precedes the RESULT or FAILURE of a task sent TASK_TIMED (a call or a whole chunk): task id, then when
    // it started and ended in the worker, two longs of epoch nanoseconds (TraceClock): the
    // parent's timeline shows the worker's own times on the common clock.
    static final byte TIMING = 16;

    // the kinds of a TASK
    static final byte TASK_CALL = 0;             // one call
    static final byte TASK_CHUNK = 1;            // a chunk of a map: items reported in batches
    static final byte TASK_CHUNK_EACH_ITEM = 2;  // a chunk with a timeout: each item reported at once (its clock runs per item)
    /** Added to a TASK's kind while the parent records a timeline: the worker sends TIMING before the outcome. */
    static final byte TASK_TIMED = 0x40;

    record Frame(byte type, byte[] payload) {}

    /** Writes a frame whose payload is {@code head} then all of {@code body}; does not flush. */
    static void writeUnflushed(DataOutputStream out, byte type, byte[] head, Codec.Out body) throws IOException {
        long len = (long) head.length + body.size();
        if (len > MAX_FRAME) throw new IOException("frame too large: " + len + " bytes");
        out.writeInt((int) len);
        out.writeByte(type);
        out.write(head);
        body.writeTo(out);
    }

    static void write(DataOutputStream out, byte type, byte[] payload) throws IOException {
        writeUnflushed(out, type, payload, payload.length, payload, 0);
        out.flush();
    }

    /**
     * Writes a frame whose payload is {@code head[0, headLength)} followed by
     * {@code body[0, bodyLength)}, without first copying the two together, and does not flush
     * (several frames can leave in one write).
     */
    static void writeUnflushed(DataOutputStream out, byte type, byte[] head, int headLength, byte[] body, int bodyLength) throws IOException {
        long len = (long) headLength + bodyLength;
        if (len > MAX_FRAME) throw new IOException("frame too large: " + len + " bytes");
        out.writeInt((int) len);
        out.writeByte(type);
        out.write(head, 0, headLength);
        out.write(body, 0, bodyLength);
    }

    /** Reads one frame; null at a clean end of stream. */
    static Frame read(DataInputStream in) throws IOException {
        int len;
        try {
            len = in.readInt();
        } catch (EOFException end) {
            return null;
        }
        if (len < 0 || len > MAX_FRAME) throw new IOException("malformed frame: length " + len);
        byte type = in.readByte();
        byte[] payload;
        if (len <= TRUST_LENGTH) {
            payload = new byte[len];
            in.readFully(payload);
        } else {
            // Read as the bytes come: a damaged length must not allocate hundreds of MiB for a short stream.
            payload = in.readNBytes(len);
            if (payload.length < len) throw new EOFException("frame cut short: " + payload.length + " of " + len + " bytes");
        }
        return new Frame(type, payload);
    }
}
