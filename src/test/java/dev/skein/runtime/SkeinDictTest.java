package dev.skein.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The dict's reads without the lock. */
class SkeinDictTest {
    /**
     * Readers of keys that stay in the dict, racing a writer whose inserts and removals make the
     * table grow and be rebuilt, always get the key's value: a read that overlapped a write is
     * made again under the lock.
     */
    @Test void optimisticReadsNeverSeeAHalfWrittenTable() throws Exception {
        java.util.concurrent.atomic.AtomicReference<SkeinDict> current = new java.util.concurrent.atomic.AtomicReference<>(stable());
        AtomicLong bad = new AtomicLong();
        Racing.writerAndTwoReaders(() -> {
            for (int round = 0; round < 300; round++) {   // a fresh small table each round, grown 6 times under the readers
                SkeinDict d = stable();
                current.set(d);
                for (long k = 1_000; k < 4_000; k++) d.put(k, k);
                for (long k = 1_000; k < 4_000; k += 2) d.remove(k, null);
            }
        }, () -> {
            SkeinDict d = current.get();
            for (long k = 0; k < 64; k++) {
                if (!Long.valueOf(k * 2).equals(d.getOr(k, "absent"))) bad.incrementAndGet();
            }
            if (!"value".equals(d.getOr("name", "absent"))) bad.incrementAndGet();
            if (d.getOr(-1L, "absent") != "absent") bad.incrementAndGet();
        });
        assertEquals(0, bad.get());
    }

    private static SkeinDict stable() {
        SkeinDict d = new SkeinDict();
        for (long k = 0; k < 64; k++) d.put(k, k * 2);
        d.put("name", "value");
        return d;
    }
}
