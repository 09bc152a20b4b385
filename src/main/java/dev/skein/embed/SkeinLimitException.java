package dev.skein.embed;

import java.util.List;

/**
 * What a host sees when one of the engine's limits stopped an entry: its time limit, its step
 * budget, its memory limit, or a cancellation ({@link SkeinSession#cancel()}, closing, a Java
 * interrupt of the host thread). A script cannot catch these, so they always reach the host;
 * errors the script raised, including a task's own timeout it did not catch, stay plain
 * {@link SkeinException}s.
 */
public final class SkeinLimitException extends SkeinException {
    /** Which limit stopped the entry. */
    public enum Limit { TIME, STEPS, MEMORY, CANCELLED }

    private final Limit limit;

    private SkeinLimitException(SkeinException e, Limit limit) {
        super(e.kind(), e.detail(), e.file(), e.line(), e.column(), e.traceEntries(), List.of(), e.errorValue(), e.report(), null, e.getCause());
        this.limit = limit;
    }

    /** Which limit stopped the entry. */
    public Limit limit() { return limit; }

    /** {@code e} as a limit exception, judged by its kind. */
    static SkeinLimitException of(SkeinException e) {
        Limit l = switch (e.kind()) {
            case "TimeoutError" -> Limit.TIME;
            case "StepLimitError" -> Limit.STEPS;
            case "MemoryError" -> Limit.MEMORY;
            default -> Limit.CANCELLED;
        };
        return new SkeinLimitException(e, l);
    }
}
