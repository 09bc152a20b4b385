package dev.skein.runtime;

import java.util.concurrent.atomic.AtomicBoolean;

/** Runs a writer against two readers that repeat a read until the writer is done. */
final class Racing {
    private Racing() {}

    static void writerAndTwoReaders(Runnable writer, Runnable readOnce) throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        Thread w = new Thread(() -> {
            try { writer.run(); } finally { stop.set(true); }
        });
        Runnable reader = () -> { while (!stop.get()) readOnce.run(); };
        Thread r1 = new Thread(reader), r2 = new Thread(reader);
        w.start();
        r1.start();
        r2.start();
        w.join();
        r1.join();
        r2.join();
    }
}
