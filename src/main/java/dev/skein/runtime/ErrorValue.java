package dev.skein.runtime;

import java.util.ArrayList;
import java.util.List;

/**
 * A Skein error value: what {@code throw} throws and {@code catch e} binds. It has a kind, a
 * message, an optional cause and the script frames it passed through (innermost first).
 */
public final class ErrorValue {
    private final ErrorKind kind;
    private final String message;
    private ErrorValue cause;
    /** The Java exception of a host function or host method this error stands for, for the host to see; never crosses a process. */
    private volatile Throwable javaCause;
    private final List<TraceEntry> trace = new ArrayList<>();
    private final java.util.concurrent.locks.ReentrantLock traceLock = new java.util.concurrent.locks.ReentrantLock();

    public ErrorValue(ErrorKind kind, String message, ErrorValue cause) {
        this.kind = kind;
        this.message = message;
        this.cause = cause;
    }

    /**
     * A copy to rethrow in another thread (at an {@code await}): same kind, message, cause and
     * trace so far, so the awaiting side can add its own frames without touching the original.
     */
    public ErrorValue copyForRethrow() {
        ErrorValue c = new ErrorValue(kind, message, cause);
        c.javaCause = javaCause;
        for (TraceEntry t : trace()) c.addTrace(t);
        return c;
    }

    public ErrorKind kind() { return kind; }

    public String message() { return message; }

    public ErrorValue cause() { return cause; }

    public void setCause(ErrorValue c) { if (c != this) this.cause = c; }

    public Throwable javaCause() { return javaCause; }

    public void setJavaCause(Throwable t) { this.javaCause = t; }

    /** Trace entries, innermost (where it was raised) first. */
    public List<TraceEntry> trace() {
        traceLock.lock();
        try { return List.copyOf(trace); } finally { traceLock.unlock(); }
    }

    public boolean hasTrace() {
        traceLock.lock();
        try { return !trace.isEmpty(); } finally { traceLock.unlock(); }
    }

    public void addTrace(TraceEntry e) {
        traceLock.lock();
        try { trace.add(e); } finally { traceLock.unlock(); }
    }

    /** {@code Kind: message}, the way the CLI prints an error's headline. */
    public String headline() {
        return message.isEmpty() ? kind.name() : kind.name() + ": " + message;
    }

    @Override public String toString() { return headline(); }
}
