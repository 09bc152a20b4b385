package dev.skein.concurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skein.runtime.Interpreter;
import dev.skein.runtime.SkeinDict;
import dev.skein.runtime.ThreadState;
import dev.skein.stdlib.Stdlib;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The scheduler under load from several submitting threads at once, with cancellations racing
 * the workers: every future ends (done, failed or cancelled), nothing hangs, and the pool's
 * counts add up. Seeded, so a failure can be replayed.
 */
class SchedulerStressTest {
    private final Interpreter interp = Stdlib.install(Interpreter.builder()).build();

    private void hammer(Function<PoolRegistry, Pool> make) throws Exception {
        PoolRegistry reg = PoolRegistry.of(interp);
        Pool pool = make.apply(reg);
        Object abs = interp.builtins().get("abs");
        ConcurrentLinkedQueue<Future> all = new ConcurrentLinkedQueue<>();
        List<Thread> submitters = new ArrayList<>();
        for (int s = 0; s < 4; s++) {
            long seed = 42 + s;
            Thread t = new Thread(() -> {
                Random rnd = new Random(seed);
                ThreadState ts = new ThreadState(interp);
                for (int i = 0; i < 500; i++) {
                    Future f = pool.submit(ts, abs, new Object[] {(long) -i}, null, null, "stress");
                    all.add(f);
                    if (rnd.nextInt(4) == 0) f.cancel();
                }
            }, "submitter-" + s);
            submitters.add(t);
            t.start();
        }
        for (Thread t : submitters) t.join();
        ThreadState ts = new ThreadState(interp);
        for (Future f : all) assertTrue(Waiting.awaitDone(ts, f, 20.0), "a task never ended: " + f);
        pool.shutdown(ts, true, false);
        SkeinDict stats = pool.stats();
        assertEquals(2000L, stats.get("submitted"));
        assertEquals(2000L, (Long) stats.get("completed") + (Long) stats.get("failed") + (Long) stats.get("cancelled"), stats.toString());
        assertEquals(0L, stats.get("failed"));
    }

    @Test void threads() {
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> hammer(reg -> new Pool(reg, "threads", 2, new ThreadTransport(interp, "threads"))));
    }

    @Test void virtualThreadsWithALimit() {
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> hammer(reg -> new Pool(reg, "virtual", 3, ExecutorTransport.virtualThreads(interp))));
    }

    @Test void virtualThreadsWithoutALimit() {
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> hammer(reg -> new Pool(reg, "virtual", 0, ExecutorTransport.virtualThreads(interp))));
    }
}
