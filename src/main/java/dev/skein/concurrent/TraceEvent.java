package dev.skein.concurrent;

/**
 * What a {@link Timeline} keeps of one moment or span, in epoch nanoseconds ({@link TraceClock}).
 * Events name tasks by a {@link Task} summary, never the future itself, so a trace holds no
 * task's values and finished futures stay garbage.
 */
sealed interface TraceEvent {
    /** What a trace shows of a task: its id, function, submit site and argument summary. */
    record TaskInfo(long id, String function, String site, String args) {}

    /** A submit on {@code track}: the task was queued. */
    record Submit(TraceTrack track, TaskInfo task, long start, long end) implements TraceEvent {}

    /** The task ran on {@code track}; it had been submitted at {@code queued}. {@code first}: its first run in this timeline. */
    record Run(TraceTrack track, TaskInfo task, long queued, long start, long end, String outcome, boolean first) implements TraceEvent {}

    /**
     * {@code track} waited for the task ({@code done}: until it was done, after a run recorded
     * in this timeline, not timed out or interrupted), whose last run ended on {@code taskTrack}
     * at {@code taskEnd} (null: no such run).
     */
    record Await(TraceTrack track, TaskInfo task, long start, long end, boolean done, TraceTrack taskTrack, long taskEnd) implements TraceEvent {}

    /** A retry, timeout, cancellation or worker death ({@code task} may be null). */
    record Instant(TraceTrack track, String name, TaskInfo task, String detail, long at) implements TraceEvent {}
}
