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

    // parent → worker
    static final byte SOURCE = 1;     // module key, source name, parsed program (ProgramCodec): compile (never run) it
    static final byte TASK = 2;       // task id, encoded task
    static final byte INIT = 3;       // encoded init function + args, run once
    static final byte SHUTDOWN = 4;
    // worker → parent
    static final byte READY = 10;
    static final byte RESULT = 11;    // task id, encoded value
    static final byte FAILURE = 12;   // task id, encoded error
    static final byte ITEM = 13;      // task id, item index, ok flag, encoded value or error (chunks)
    static final byte PRINT = 14;     // stream (1 out, 2 err), text
    static final byte INIT_FAILED = 15;

    record Frame(byte type, byte[] payload) {}

    static void write(DataOutputStream out, byte type, byte[] payload) throws IOException {
        out.writeInt(payload.length);
        out.writeByte(type);
        out.write(payload);
        out.flush();
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
        byte[] payload = new byte[len];
        in.readFully(payload);
        return new Frame(type, payload);
    }
}
