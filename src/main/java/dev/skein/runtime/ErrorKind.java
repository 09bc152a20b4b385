package dev.skein.runtime;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An error kind such as ValueError. Kinds form a tree rooted at {@code Error}; {@code catch K}
 * catches K and every kind below it. A kind is callable: {@code ValueError("bad")} makes an
 * error value. Kinds are immutable, so the built-in ones are shared constants.
 */
public final class ErrorKind implements Callable {
    public static final ErrorKind ERROR = new ErrorKind("Error", null);
    public static final ErrorKind TYPE = new ErrorKind("TypeError", ERROR);
    public static final ErrorKind VALUE = new ErrorKind("ValueError", ERROR);
    public static final ErrorKind NAME = new ErrorKind("NameError", ERROR);
    public static final ErrorKind INDEX = new ErrorKind("IndexError", ERROR);
    public static final ErrorKind KEY = new ErrorKind("KeyError", ERROR);
    public static final ErrorKind ATTRIBUTE = new ErrorKind("AttributeError", ERROR);
    public static final ErrorKind ZERO_DIVISION = new ErrorKind("ZeroDivisionError", ERROR);
    public static final ErrorKind OVERFLOW = new ErrorKind("OverflowError", ERROR);
    public static final ErrorKind RECURSION = new ErrorKind("RecursionError", ERROR);
    public static final ErrorKind MEMORY = new ErrorKind("MemoryError", ERROR);
    public static final ErrorKind IO = new ErrorKind("IOError", ERROR);
    public static final ErrorKind TIMEOUT = new ErrorKind("TimeoutError", ERROR);
    public static final ErrorKind CANCELLED = new ErrorKind("CancelledError", ERROR);
    /** The engine's step budget is used up (a limit error: it unwinds past every catch). */
    public static final ErrorKind STEP_LIMIT = new ErrorKind("StepLimitError", ERROR);
    public static final ErrorKind DEADLOCK = new ErrorKind("DeadlockError", ERROR);
    public static final ErrorKind PORTABILITY = new ErrorKind("PortabilityError", ERROR);
    public static final ErrorKind WORKER_CRASHED = new ErrorKind("WorkerCrashedError", ERROR);
    public static final ErrorKind POOL_CLOSED = new ErrorKind("PoolClosedError", ERROR);
    public static final ErrorKind PERMISSION = new ErrorKind("PermissionError", ERROR);
    public static final ErrorKind STOP_ITERATION = new ErrorKind("StopIteration", ERROR);
    public static final ErrorKind ASSERTION = new ErrorKind("AssertionError", ERROR);
    public static final ErrorKind IMPORT = new ErrorKind("ImportError", ERROR);
    public static final ErrorKind SYNTAX = new ErrorKind("SyntaxError", ERROR);
    public static final ErrorKind JSON = new ErrorKind("JSONError", VALUE);
    public static final ErrorKind HTTP = new ErrorKind("HTTPError", IO);

    /** Every built-in kind by name, in declaration order (read-only). */
    public static final Map<String, ErrorKind> BUILTIN;

    static {
        Map<String, ErrorKind> m = new LinkedHashMap<>();
        for (ErrorKind k : new ErrorKind[] {ERROR, TYPE, VALUE, NAME, INDEX, KEY, ATTRIBUTE, ZERO_DIVISION,
                OVERFLOW, RECURSION, MEMORY, IO, TIMEOUT, CANCELLED, STEP_LIMIT, DEADLOCK, PORTABILITY, WORKER_CRASHED,
                POOL_CLOSED, PERMISSION, STOP_ITERATION, ASSERTION, IMPORT, SYNTAX, JSON, HTTP}) {
            m.put(k.name, k);
        }
        BUILTIN = java.util.Collections.unmodifiableMap(m);
    }

    private final String name;
    private final ErrorKind parent;

    public ErrorKind(String name, ErrorKind parent) {
        this.name = name;
        this.parent = parent;
    }

    @Override public String name() { return name; }

    public ErrorKind parent() { return parent; }

    /** True when this kind is {@code other} or lies below it. */
    public boolean isA(ErrorKind other) {
        for (ErrorKind k = this; k != null; k = k.parent) if (k == other) return true;
        return false;
    }

    @Override public Object call(ThreadState ts, Object[] args, String[] kwNames) {
        int nkw = kwNames == null ? 0 : kwNames.length;
        int npos = args.length - nkw;
        String message = npos == 0 ? "" : (args[0] instanceof String s ? s : Convert.str(args[0]));
        ErrorValue cause = null;
        for (int k = 0; k < nkw; k++) {
            if (kwNames[k].equals("cause") && args[npos + k] instanceof ErrorValue ev) cause = ev;
            else if (!kwNames[k].equals("cause")) throw Errors.type(name + "() got an unexpected keyword argument '" + kwNames[k] + "'");
        }
        if (npos > 1) throw Errors.type(name + "() takes at most 1 positional argument");
        return new ErrorValue(this, message, cause);
    }

    @Override public String toString() { return "<error kind " + name + ">"; }
}
