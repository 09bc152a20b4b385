package dev.skein.process;

import java.util.Arrays;
import java.util.Random;

/**
 * Damages frames as a bug or a bad byte would, for the frame fuzzers: bits flipped, the payload
 * cut short, bytes inserted or dropped, a 4-byte window (a length, a count, an id) overwritten,
 * the type changed, or random bytes instead of the payload.
 */
final class FrameMutator {
    private final Random random;

    FrameMutator(long seed) { this.random = new Random(seed); }

    Random random() { return random; }

    /** A damaged copy of {@code frame} (never the same object). */
    Wire.Frame mutate(Wire.Frame frame) {
        byte type = frame.type();
        byte[] p = frame.payload();
        switch (random.nextInt(7)) {
            case 0 -> type = (byte) random.nextInt(20);
            default -> p = mutate(p);
        }
        return new Wire.Frame(type, p);
    }

    /** A damaged copy of {@code bytes}. */
    byte[] mutate(byte[] bytes) {
        byte[] b = bytes.clone();
        switch (random.nextInt(6)) {
            case 0 -> {   // flip one to three bits
                if (b.length == 0) return randomBytes(8);
                for (int k = 1 + random.nextInt(3); k > 0; k--) b[random.nextInt(b.length)] ^= (byte) (1 << random.nextInt(8));
            }
            case 1 -> b = Arrays.copyOf(b, b.length == 0 ? 0 : random.nextInt(b.length));   // truncated
            case 2 -> {   // a window of four bytes overwritten: lengths, counts, ids, tags
                if (b.length < 4) return randomBytes(4);
                int at = random.nextInt(b.length - 3);
                int v = switch (random.nextInt(4)) {
                    case 0 -> -1;
                    case 1 -> Integer.MAX_VALUE;
                    case 2 -> random.nextInt(64);
                    default -> random.nextInt();
                };
                for (int k = 0; k < 4; k++) b[at + k] = (byte) (v >>> (24 - 8 * k));
            }
            case 3 -> {   // a byte inserted
                int at = random.nextInt(b.length + 1);
                byte[] c = new byte[b.length + 1];
                System.arraycopy(b, 0, c, 0, at);
                c[at] = (byte) random.nextInt(256);
                System.arraycopy(b, at, c, at + 1, b.length - at);
                b = c;
            }
            case 4 -> {   // a byte dropped
                if (b.length == 0) return randomBytes(3);
                int at = random.nextInt(b.length);
                byte[] c = new byte[b.length - 1];
                System.arraycopy(b, 0, c, 0, at);
                System.arraycopy(b, at + 1, c, at, b.length - at - 1);
                b = c;
            }
            default -> b = randomBytes(random.nextInt(64));
        }
        return b;
    }

    byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }
}
