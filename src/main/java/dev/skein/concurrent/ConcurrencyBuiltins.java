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
     * A pool constructor's count argument: {@code none} or left out gives {@code absent}; anything
     * given must be an int of at least {@code min} — every constructor refuses alike.
     */
    private static int count(Object arg, String pool, String name, int min, int absent) {
        if (Missing.is(arg) || arg == null) return absent;
        String what = pool + "(" + name + ")";
        int n = Convert.toInt(arg, what);
        if (n < min) throw Errors.value(what + " needs " + name + " >= " + min + ", got " + n);
        return n;
    }

    public static void install(Interpreter.Builder b) {
        b.builtin("threads", new Builtin("threads", "n=?, *, portable=?", (ts, a) -> {
            int n = count(a[0], "threads", "n", 1, Runtime.getRuntime().availableProcessors());
            PoolRegistry reg = PoolRegistry.of(ts.interp());
            boolean portable = !Missing.is(a[1]) && Values.truthy(a[1]);
            return portable ? new dev.skein.process.PortableThreadPool(reg, n) : new ThreadPool(reg, n);
        }));
        b.builtin("processes", new Builtin("processes", "n=?, *, max_tasks=?, init=?, init_args=?, retries=?", (ts, a) -> {
            ts.interp().require(dev.skein.runtime.Capability.PROCESSES);
            int n = count(a[0], "processes", "n", 1, Runtime.getRuntime().availableProcessors());
            int maxTasks = count(a[1], "processes", "max_tasks", 1, 0);
            Object init = Missing.is(a[2]) ? null : a[2];
            Object[] initArgs = Missing.is(a[3]) || a[3] == null ? new Object[0] : Containers.toArray(a[3]);
            int retries = count(a[4], "processes", "retries", 0, 0);
            return new dev.skein.process.ProcessPool(ts, n, maxTasks, init, initArgs, retries);
        }));
        b.builtin("virtual", new Builtin("virtual", "*, limit=?", (ts, a) ->
                new VirtualPool(PoolRegistry.of(ts.interp()), count(a[0], "virtual", "limit", 1, VirtualPool.UNLIMITED))));
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
            return new Progress(ts, a[0], label, total);
        }));
    }
}
