package dev.skein.concurrent;

import dev.skein.runtime.Builtin;
import dev.skein.runtime.Containers;
import dev.skein.runtime.Convert;
import dev.skein.runtime.Errors;
import dev.skein.runtime.Interpreter;
import dev.skein.runtime.Missing;
import dev.skein.runtime.Seconds;
import dev.skein.runtime.Values;

/** The builtins of the concurrency layer: pools, completed/wait, sync primitives, progress. */
public final class ConcurrencyBuiltins {
    private ConcurrencyBuiltins() {}

    /**
     * {@code threads(n, portable=…, init=…, init_args=…)}. A portable pool checks each task as a
     * process pool would, so it comes from the layer that knows the process boundary
     * ({@code portable}); without that layer, {@code portable=true} is refused.
     */
    public static void installThreads(Interpreter.Builder b, PortablePools portable) {
        PoolKinds.register(b, "threads", "n=?, *, portable=?, init=?, init_args=?", (ts, a) -> {
            int n = PoolKinds.count(a[0], "threads", "n", 1, Runtime.getRuntime().availableProcessors());
            WorkerInit init = WorkerInit.of("threads", a[2], a[3]);
            PoolRegistry reg = PoolRegistry.of(ts.interp());
            if (Missing.is(a[1]) || !Values.truthy(a[1])) return new Pool(reg, "threads", n, new ThreadTransport(ts.interp(), "threads", init));
            if (portable == null) throw Errors.value("threads(portable=true) needs process pools, which this engine does not have");
            return portable.create(reg, n, init);
        });
    }

    /** Makes thread pools that check their tasks for portability. */
    @FunctionalInterface
    public interface PortablePools {
        Pool create(PoolRegistry registry, int size, WorkerInit init);
    }

    /** The pools of this layer (threads, virtual threads), then the rest of its builtins. */
    public static void install(Interpreter.Builder b) {
        installThreads(b, null);
        // virtual(): no limit (size 0: a worker for every task).
        PoolKinds.register(b, "virtual", "*, limit=?, init=?, init_args=?", (ts, a) -> {
            if (ts.interp().memoryLimit() > 0) {
                // The JVM keeps no allocation count for virtual threads, so the limit could not hold.
                throw Errors.of(dev.skein.runtime.ErrorKind.ERROR, "virtual() is not available under the engine's memory limit"
                        + " (the JVM does not count what virtual threads allocate); use threads(n)");
            }
            return new Pool(PoolRegistry.of(ts.interp()), "virtual",
                    PoolKinds.count(a[0], "virtual", "limit", 1, 0), ExecutorTransport.virtualThreads(ts.interp(), WorkerInit.of("virtual", a[1], a[2])));
        });
        b.builtin("completed", new Builtin("completed", "futures, *, timeout=?", (ts, a) ->
                Completion.completed(ts, a[0], Seconds.optional(a[1]))));
        b.builtin("wait", new Builtin("wait", "futures, *, timeout=?, return_when=?", (ts, a) -> {
            String when = Missing.is(a[2]) ? "all" : Convert.str(a[2]);
            return Completion.waitFor(ts, a[0], Seconds.optional(a[1]), when);
        }));
        b.builtin("lock", new Builtin("lock", "", (ts, a) -> new SkeinLock()));
        b.builtin("queue", new Builtin("queue", "max=?", (ts, a) -> new SkeinQueue(Missing.is(a[0]) ? 0 : Convert.toInt(a[0], "max"))));
        b.builtin("event", new Builtin("event", "", (ts, a) -> new SkeinEvent()));
        b.builtin("atomic", new Builtin("atomic", "value=?", (ts, a) -> new SkeinAtomic(Missing.is(a[0]) ? (Object) 0L : a[0])));
        b.builtin("progress", new Builtin("progress", "iterable, *, label=?, total=?", (ts, a) -> {
            String label = Missing.is(a[1]) ? "" : a[1] instanceof String s ? s : Convert.str(a[1]);
            Long total = Missing.is(a[2]) || a[2] == null ? null : Convert.toLong(a[2], "total");
            if (total != null && total < 0) throw Errors.value("progress(total) needs total >= 0, got " + total);
            return new Progress(ts, a[0], label, total);
        }));
    }
}
