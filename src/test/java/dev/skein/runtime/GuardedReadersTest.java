package dev.skein.runtime;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Readers of one container do not get in each other's way (the cause of the compiled stress
 * run's crawl: each reader's locked read moved the version on, so every other reader's
 * optimistic read failed and all of them queued on the lock one element at a time), and
 * neither readers nor writers are kept out for ever by the other side.
 */
class GuardedReadersTest {
    /** Guarded with nothing inside, to hold its locks from a test. */
    private static final class Probe extends Guarded {
        void read() { readLock(); }
        void endRead() { readUnlock(); }
        void write() { lock(); }
        void endWrite() { unlock(); }
    }

    @Test void readsUnderTheLockLeaveTheVersionAlone() {
        SkeinList xs = SkeinList.of(1L, 2L, 3L);
        int stamp = xs.readStamp();
        xs.slice(new SliceValue(null, null, null));
        xs.snapshot();
        xs.indexOfPlain(3L, 0, 3);
        xs.countPlain(1L);
        xs.get(0);
        assertTrue(xs.unchangedSince(stamp), "a list read moved the version on");
        xs.append(4L);
        assertFalse(xs.unchangedSince(stamp));

        SkeinDict d = new SkeinDict();
        d.put(1L, "one");
        stamp = d.readStamp();
        d.containsKey(1L);
        d.size();
        d.keysSnapshot();
        d.entriesSnapshot();
        d.getOr(1.5, null);   // not an int or str key: read under the lock
        assertTrue(d.unchangedSince(stamp), "a dict read moved the version on");
        d.put(2L, "two");
        assertFalse(d.unchangedSince(stamp));

        SkeinSet s = SkeinSet.of(1L, 2L);
        stamp = s.readStamp();
        s.contains(1L);
        s.size();
        s.snapshot();
        assertTrue(s.unchangedSince(stamp), "a set read moved the version on");
        s.add(3L);
        assertFalse(s.unchangedSince(stamp));
    }

    @Test void twoReadersHoldTheLockAtOnceAndAWriterWaitsForBoth() throws Exception {
        Probe p = new Probe();
        p.read();
        CountDownLatch secondIn = new CountDownLatch(1);
        Thread second = new Thread(() -> {
            p.read();
            secondIn.countDown();
        });
        second.setDaemon(true);   // without the shared lock it would spin for ever
        second.start();
        assertTrue(secondIn.await(10, TimeUnit.SECONDS), "a second reader was kept out by the first");
        CountDownLatch writerIn = new CountDownLatch(1);
        Thread writer = new Thread(() -> {
            p.write();
            writerIn.countDown();
            p.endWrite();
        });
        writer.setDaemon(true);
        writer.start();
        assertFalse(writerIn.await(200, TimeUnit.MILLISECONDS), "a writer got in while readers read");
        p.endRead();
        p.endRead();   // the second reader's hold: the count is the lock's, not the thread's
        assertTrue(writerIn.await(10, TimeUnit.SECONDS), "the writer never got in after the readers left");
        writer.join();
        second.join();
    }

    @Test void aReaderMakesProgressWhileTwoThreadsWrite() throws Exception {
        SkeinList xs = new SkeinList();
        for (long i = 0; i < 1_000; i++) xs.append(i);
        runWhile(() -> {
            for (long i = 0; ; i++) {
                xs.append(i);
                xs.pop(0);
                if (Thread.currentThread().isInterrupted()) return;
            }
        }, 2, () -> {
            for (int round = 0; round < 2_000; round++) {
                long seen = 0;
                for (int i = 0; xs.getOr(i, Missing.MISSING) != Missing.MISSING; i++) seen++;
                assertTrue(seen >= 998, "read " + seen);
                xs.slice(new SliceValue(null, null, null));
            }
        });
    }

    @Test void aWriterMakesProgressWhileFourThreadsRead() throws Exception {
        SkeinList xs = new SkeinList();
        for (long i = 0; i < 10_000; i++) xs.append(i);
        runWhile(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                xs.slice(new SliceValue(null, null, null));
                xs.indexOfPlain(-1L, 0, Integer.MAX_VALUE);
            }
        }, 4, () -> {
            for (long i = 0; i < 20_000; i++) xs.append(i);
        });
    }

    /** Runs {@code background} on n threads while {@code work} runs, which must finish within 60 s. */
    private static void runWhile(Runnable background, int n, Runnable work) throws Exception {
        List<Thread> threads = new ArrayList<>();
        AtomicBoolean failed = new AtomicBoolean();
        for (int i = 0; i < n; i++) {
            Thread t = new Thread(() -> {
                try { background.run(); } catch (RuntimeException e) { failed.set(true); }
            });
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        try {
            assertTimeoutPreemptively(Duration.ofSeconds(60), work::run);
        } finally {
            for (Thread t : threads) t.interrupt();
            for (Thread t : threads) t.join(10_000);
        }
        assertFalse(failed.get(), "a background thread failed");
    }
}
