package dev.skein.concurrent;

/**
 * One row of a timeline: a thread (or a worker process, or a cluster member's worker) inside a
 * group (a pool, or the script's own threads). {@code pid}/{@code tid} are the timeline's numbers.
 */
public record TraceTrack(int pid, int tid, String group, String name) {}
