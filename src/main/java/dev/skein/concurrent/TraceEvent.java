package dev.skein.concurrent;

/** What a {@link Timeline} keeps of one moment or span, in epoch nanoseconds ({@link TraceClock}). */
sealed interface TraceEvent {
    /** A submit on {@code track}: the task {@code f} was queued. */
    record Submit(TraceTrack track, Future f, long start, long end) implements TraceEvent {}

    /** {@code f} ran on {@code track}; it had been submitted at {@code queued}. */
    record Run(TraceTrack track, Future f, long queued, long start, long end, String outcome) implements TraceEvent {}

    /** {@code track} waited for {@code f}, which ended on {@code taskTrack} at {@code taskEnd} (null: not seen running). */
    record Await(TraceTrack track, Future f, long start, long end, TraceTrack taskTrack, long taskEnd) implements TraceEvent {}

    /** A retry, timeout, cancellation or worker death. */
    record Instant(TraceTrack track, String name, Future f, String detail, long at) implements TraceEvent {}
}
