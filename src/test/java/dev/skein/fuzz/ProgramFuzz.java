package dev.skein.fuzz;

import dev.skein.embed.SkeinEngine;
import dev.skein.embed.SkeinException;
import java.io.Writer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs one fuzzed program the way a host would, in a fresh embedded engine with a time limit,
 * on a thread with a 1 MB stack (the smallest Skein runs code on), and says what went wrong if
 * anything did: a Java exception reaching the host, an error without a position, a run past its
 * limit. Skein errors of any kind are fine: most fuzzed programs are wrong.
 *
 * <p>{@code main} is the long run (bench/fuzz_programs.sh): {@code ProgramFuzz [COUNT] [SEED]}.
 */
public final class ProgramFuzz {
    /**
     * The engine's time limit. A run may use this plus {@link #SLACK} of its thread's CPU time
     * (parsing, which no limit covers, start-up, close); wall time only bounds it at {@link #HANG},
     * since on a shared machine (load 20–36 on 2 cores while this was written) a run that used
     * 0.3 s of CPU took 4–10 s; half of it bounds a run that waits rather than computes.
     */
    static final Duration LIMIT = Duration.ofMillis(500);
    static final Duration SLACK = Duration.ofSeconds(5);
    static final Duration HANG = Duration.ofSeconds(60);
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    private ProgramFuzz() {}

    /** Null when the program behaved; otherwise what it did wrong. */
    public static String problem(String program) {
        AtomicReference<Object> out = new AtomicReference<>();
        long[] cpuNanos = new long[1];
        Thread t = new Thread(null, () -> {
            long c0 = CPU.getCurrentThreadCpuTime();
            out.set(run(program));
            cpuNanos[0] = CPU.getCurrentThreadCpuTime() - c0;
        }, "fuzz", 1L << 20);
        long start = System.nanoTime();
        t.start();
        try {
            t.join(HANG.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
        if (t.isAlive()) {
            t.interrupt();
            return "still running " + HANG.toSeconds() + " s after it started (its limit: " + LIMIT.toMillis() + " ms)";
        }
        Duration took = Duration.ofNanos(cpuNanos[0]);
        Object result = out.get();
        if (result instanceof SkeinException e) {
            // The time limit may fire before any statement runs (while a loaded machine parses): no position then.
            boolean limitBeforeRunning = e.isTimeout() && e.trace().isEmpty();
            if ((e.line() < 1 || e.column() < 1) && !limitBeforeRunning) return "a " + e.kind() + " without a position: " + e.getMessage();
            if (e.getMessage().contains("\tat java.") || e.getMessage().contains("Exception:")) return "a Java trace in the report: " + e.getMessage();
        } else if (result instanceof Throwable x) {
            java.io.StringWriter trace = new java.io.StringWriter();
            x.printStackTrace(new java.io.PrintWriter(trace));
            String s = trace.toString();
            return "Java " + (s.length() > 3000 ? s.substring(0, 3000) + "…" : s);
        }
        if (took.compareTo(LIMIT.plus(SLACK)) > 0) return "took " + took.toMillis() + " ms of CPU (its limit: " + LIMIT.toMillis() + " ms)";
        long wall = System.nanoTime() - start;
        if (wall > HANG.toNanos() / 2) return "took " + wall / 1_000_000 + " ms (its limit: " + LIMIT.toMillis() + " ms)";   // waiting, not computing
        return null;
    }

    /** The program's result, or what it threw. */
    private static Object run(String program) {
        try (SkeinEngine engine = SkeinEngine.builder().timeLimit(LIMIT)
                .stdout(Writer.nullWriter()).stderr(Writer.nullWriter()).build()) {
            Object value = engine.eval("fuzz.skein", program);
            return value == null ? "none" : "value";   // converting the value to Java is part of the run
        } catch (Throwable t) {
            return t;
        }
    }

    /** The long run: COUNT programs (default 100,000), the kinds in turn, from SEED (default 14). */
    public static void main(String[] args) {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 14;
        ProgramGenerator.Kind[] kinds = ProgramGenerator.Kind.values();
        Map<ProgramGenerator.Kind, int[]> tally = new EnumMap<>(ProgramGenerator.Kind.class);
        for (ProgramGenerator.Kind k : kinds) tally.put(k, new int[2]);
        long start = System.nanoTime();
        int failures = 0;
        for (int i = 0; i < count; i++) {
            ProgramGenerator.Kind kind = kinds[i % kinds.length];
            String program = new ProgramGenerator(seed * 1_000_003L + i).program(kind);
            String problem = problem(program);
            tally.get(kind)[0]++;
            if (problem != null) {
                failures++;
                tally.get(kind)[1]++;
                System.out.println("FAILURE #" + i + " (" + kind + ", seed " + (seed * 1_000_003L + i) + "): " + problem);
                System.out.println("--- program (first 2,000 characters) ---\n" + program.substring(0, Math.min(2000, program.length())) + "\n---");
            }
            if ((i + 1) % 1000 == 0) {
                System.out.printf("%d programs, %d failures, %.0f s%n", i + 1, failures, (System.nanoTime() - start) / 1e9);
                System.out.flush();
            }
        }
        System.out.printf("programs tried: %d, failures: %d, %.0f s%n", count, failures, (System.nanoTime() - start) / 1e9);
        tally.forEach((k, v) -> System.out.printf("  %-9s %7d tried, %d failures%n", k, v[0], v[1]));
        System.exit(failures == 0 ? 0 : 1);
    }
}
