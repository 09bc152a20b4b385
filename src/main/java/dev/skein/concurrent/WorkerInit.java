package dev.skein.concurrent;

import dev.skein.runtime.Callable;
import dev.skein.runtime.Containers;
import dev.skein.runtime.ErrorKind;
import dev.skein.runtime.ErrorValue;
import dev.skein.runtime.Errors;
import dev.skein.runtime.ExitRequest;
import dev.skein.runtime.Interpreter;
import dev.skein.runtime.Missing;
import dev.skein.runtime.SkeinError;
import dev.skein.runtime.ThreadState;
import dev.skein.runtime.Values;

/**
 * A thread or virtual pool's {@code init=} and {@code init_args=}: {@code init(*init_args)} runs
 * on each worker thread before its first task, as a process pool's runs in each worker process
 * before its first task. When it fails the pool breaks the same way: its tasks fail with
 * WorkerCrashedError (the init's own error as its cause) and the pool shuts down.
 */
public final class WorkerInit {
    /** Why a broken pool runs nothing: the process pool's words. */
    static final String BROKEN = "the pool's init function failed, so it runs no tasks";

    private final Object function;
    private final Object[] args;

    private WorkerInit(Object function, Object[] args) {
        this.function = function;
        this.args = args;
    }

    /** From a pool constructor's {@code init} and {@code init_args} arguments; null when there is no init. */
    public static WorkerInit of(String pool, Object init, Object initArgs) {
        if (Missing.is(init) || init == null) return null;
        if (!(init instanceof Callable)) throw Errors.type(pool + "() init must be a function, not " + Values.typeName(init));
        return new WorkerInit(init, Missing.is(initArgs) || initArgs == null ? new Object[0] : Containers.toArray(initArgs));
    }

    /** Runs it on the calling thread: null when it succeeded, else the error that breaks the pool. */
    ErrorValue run(Interpreter interp, String worker) {
        ErrorValue cause;
        try {
            Values.call(new ThreadState(interp), function, args.clone(), null);
            return null;
        } catch (SkeinError e) {
            cause = e.value();
        } catch (StackOverflowError deep) {
            cause = Errors.of(ErrorKind.RECURSION, "maximum recursion depth exceeded").value();
        } catch (ExitRequest exit) {
            cause = Errors.of(ErrorKind.ERROR, "os.exit(" + exit.code() + ") was called in the pool's init function").value();
        }
        ErrorValue err = Errors.of(ErrorKind.WORKER_CRASHED, "the pool's init function failed in " + worker + ": " + cause.headline()).value();
        err.setCause(cause);
        return err;
    }
}
