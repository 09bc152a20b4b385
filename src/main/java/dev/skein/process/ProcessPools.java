package dev.skein.process;

import dev.skein.concurrent.ConcurrencyBuiltins;
import dev.skein.concurrent.Pool;
import dev.skein.concurrent.PoolKinds;
import dev.skein.runtime.Capability;
import dev.skein.runtime.Containers;
import dev.skein.runtime.Interpreter;
import dev.skein.runtime.Missing;

/**
 * Registers the pools of the process layer in an engine being built: {@code processes(…)}, and
 * {@code threads(n, portable=true)}, which checks tasks as a process pool would.
 */
public final class ProcessPools {
    private ProcessPools() {}

    /** The builtins {@link #install} registers (for name checks that load nothing). */
    public static final java.util.Set<String> NAMES = java.util.Set.of("processes", "threads");

    public static Interpreter.Builder install(Interpreter.Builder b) {
        ConcurrencyBuiltins.installThreads(b, (reg, n, init) -> new Pool(reg, "threads(portable)", n, new PortableThreadTransport(reg.interp(), init)));
        PoolKinds.register(b, "processes", "n=?, *, max_tasks=?, init=?, init_args=?, retries=?", (ts, a) -> {
            ts.interp().require(Capability.PROCESSES);
            int n = PoolKinds.count(a[0], "processes", "n", 1, Runtime.getRuntime().availableProcessors());
            int maxTasks = PoolKinds.count(a[1], "processes", "max_tasks", 1, 0);
            Object init = Missing.is(a[2]) ? null : a[2];
            // Checked here, not in each worker: a pool that cannot start is one error at the call.
            if (init != null && !(init instanceof dev.skein.runtime.Callable)) {
                throw dev.skein.runtime.Errors.type("processes() init must be a function, not " + dev.skein.runtime.Values.typeName(init));
            }
            Object[] initArgs = Missing.is(a[3]) || a[3] == null ? new Object[0] : Containers.toArray(a[3]);
            int retries = PoolKinds.count(a[4], "processes", "retries", 0, 0);
            return ProcessTransport.pool(ts, n, maxTasks, init, initArgs, retries);
        });
        return b;
    }
}
