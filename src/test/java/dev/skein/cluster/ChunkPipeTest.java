package dev.skein.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The in-memory pipe between a member's replies and the pool's reader, and a member's hosted worker and its input. */
class ChunkPipeTest {
    @Test void aReplyIsReadFromAfterItsStatusWithoutACopy() throws IOException {
        ChunkPipe pipe = new ChunkPipe();
        pipe.add(new byte[] {9, 9, 9, 1, 2, 3}, 3);   // a reply: status bytes, then frames
        pipe.add(new byte[] {4, 5});
        pipe.add(new byte[] {7, 6}, 1);
        pipe.add(new byte[] {8}, 1);                   // nothing after the status: nothing to read
        pipe.close();
        byte[] got = new byte[10];
        int n = 0;
        for (int r; (r = pipe.read(got, n, got.length - n)) > 0; ) n += r;
        assertEquals(6, n);
        assertArrayEquals(new byte[] {1, 2, 3, 4, 5, 6}, java.util.Arrays.copyOf(got, n));
        assertEquals(-1, pipe.read());
    }

    @Test void smallReadsWalkThroughAnOffsetChunk() throws IOException {
        ChunkPipe pipe = new ChunkPipe();
        pipe.add(new byte[] {0, 0, 10, 11, 12}, 2);
        pipe.add(new byte[] {13}, 0);
        pipe.close();
        assertEquals(10, pipe.read());
        assertEquals(11, pipe.read());
        assertEquals(12, pipe.read());
        assertEquals(13, pipe.read());
        assertEquals(-1, pipe.read());
    }

    @Test void whatIsAddedAfterAStopIsDropped() throws IOException {
        ChunkPipe pipe = new ChunkPipe();
        pipe.add(new byte[] {1, 2, 3}, 1);
        pipe.closeNow();
        assertFalse(pipe.add(new byte[] {4}, 0));
        assertEquals(-1, pipe.read());
    }
}
