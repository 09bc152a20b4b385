package dev.skein.concurrent;

import dev.skein.runtime.Builtin;
import dev.skein.runtime.Errors;
import dev.skein.runtime.Interpreter;
import dev.skein.runtime.Missing;
import dev.skein.runtime.Ops;

/** The builtins of the concurrency layer: pools, completed/wait, sync primitives, progress. */
public final class ConcurrencyBuiltins {
    private ConcurrencyBuiltins() {}

    public static void install(Interpreter.Builder b) {
        b.builtin("threads", new Builtin("threads", "n=?, *, portable=?", (ts, a) -> {
            int n = Missing.is(a[0]) || a[0] == null ? Runtime.getRuntime().availableProcessors() : Ops.toInt(a[0], "threads(n)");
            if (n < 1) throw Errors.value("threads(n) needs n >= 1, got " + n);
            PoolRegistry reg = PoolRegistry.of(ts.interp());
            boolean portable = !Missing.is(a[1]) && Ops.truthy(a[1]);
            return portable ? new dev.skein.process.PortableThreadPool(reg, n) : new ThreadPool(reg, n);
        }));
        b.builtin("processes", new Builtin("processes", "n=?, *, max_tasks=?, init=?, init_args=?, retries=?", (ts, a) -> {
            ts.interp().require(dev.skein.runtime.Capability.PROCESSES);
            int n = Missing.is(a[0]) || a[0] == null ? Runtime.getRuntime().availableProcessors() : Ops.toInt(a[0], "processes(n)");
            if (n < 1) throw Errors.value("processes(n) needs n >= 1, got " + n);
            int maxTasks = Missing.is(a[1]) || a[1] == null ? 0 : Ops.toInt(a[1], "max_tasks");
            Object init = Missing.is(a[2]) ? null : a[2];
            Object[] initArgs = Missing.is(a[3]) || a[3] == null ? new Object[0] : Ops.toArray(a[3]);
            int retries = Missing.is(a[4]) || a[4] == null ? 0 : Ops.toInt(a[4], "retries");
            return new dev.skein.process.ProcessPool(ts, n, maxTasks, init, initArgs, retries);
        }));
        b.builtin("virtual", new Builtin("virtual", "*, limit=?", (ts, a) -> {
            int limit = Missing.is(a[0]) || a[0] == null ? 0 : Ops.toInt(a[0], "limit");
            if (limit < 0) throw Errors.value("virtual(limit=…) needs a limit >= 1");
            return new VirtualPool(PoolRegistry.of(ts.interp()), limit);
        }));
        b.builtin("completed", new Builtin("completed", "futures, *, timeout=?", (ts, a) ->
                Completion.completed(ts, a[0], Seconds.optional(a[1]))));
        b.builtin("wait", new Builtin("wait", "futures, *, timeout=?, return_when=?", (ts, a) -> {
            String when = Missing.is(a[2]) ? "all" : Ops.str(a[2]);
            return Completion.waitFor(ts, a[0], Seconds.optional(a[1]), when);
        }));
        b.builtin("lock", new Builtin("lock", "", (ts, a) -> new SkeinLock()));
        b.builtin("queue", new Builtin("queue", "max=?", (ts, a) -> new SkeinQueue(Missing.is(a[0]) ? 0 : Ops.toInt(a[0], "max"))));
        b.builtin("event", new Builtin("event", "", (ts, a) -> new SkeinEvent()));
        b.builtin("atomic", new Builtin("atomic", "value=?", (ts, a) -> new SkeinAtomic(Missing.is(a[0]) ? (Object) 0L : a[0])));
        b.builtin("progress", new Builtin("progress", "iterable, *, label=?, total=?", (ts, a) -> {
            String label = Missing.is(a[1]) ? "" : a[1] instanceof String s ? s : Ops.str(a[1]);
            Long total = Missing.is(a[2]) || a[2] == null ? null : Ops.toLong(a[2], "total");
            return new Progress(ts, a[0], label, total);
        }));
    }
}
