package dev.skein.process;

import dev.skein.concurrent.ThreadTransport;
import dev.skein.runtime.Interpreter;
import dev.skein.runtime.ThreadState;
import java.util.List;

/**
 * {@code threads(n, portable=true)}: thread pool workers that check every task exactly as a
 * process pool would, so a script can be rehearsed on threads before it moves to processes.
 */
final class PortableThreadTransport extends ThreadTransport {
    PortableThreadTransport(Interpreter interp, dev.skein.concurrent.WorkerInit init) {
        super(interp, "threads(portable)", init);
    }

    @Override public Object prepare(ThreadState ts, Object callee, Object[] args, String[] kwNames, List<Object[]> batch, long firstItem, String site) {
        ValueEncoder.task(ts.interp(), callee, args, kwNames, batch, firstItem, site);
        return null;
    }

    /** The result goes through the same check it would in a worker. */
    @Override public Object runTask(ThreadState ts, Object callee, Object[] args, String[] kwNames) {
        Object result = super.runTask(ts, callee, args, kwNames);
        new ValueEncoder(ts.interp(), "in the task").value(result, "the task's result");
        return result;
    }
}
