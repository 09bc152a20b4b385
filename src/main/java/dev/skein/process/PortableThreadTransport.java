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
    PortableThreadTransport(Interpreter interp) {
        super(interp, "threads(portable)");
    }

    @Override public Object prepare(ThreadState ts, Object callee, Object[] args, String[] kwNames, List<Object[]> batch, String site) {
        ValueEncoder enc = new ValueEncoder(ts.interp(), site);
        enc.value(callee, "the function");
        if (batch != null) enc.batch(batch);
        else enc.arguments(args, kwNames, "");
        enc.writeGlobals();
        return null;
    }

    /** The result goes through the same check it would in a worker. */
    @Override public Object runTask(ThreadState ts, Object callee, Object[] args, String[] kwNames) {
        Object result = super.runTask(ts, callee, args, kwNames);
        new ValueEncoder(ts.interp(), "in the task").value(result, "the task's result");
        return result;
    }
}
