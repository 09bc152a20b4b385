package dev.skein.embed;

import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark row of host-object calls (bench/host_calls.sh): nanoseconds per
 * {@code acct.tick()} in a Skein loop, warm, on compiled code and on the node tree, beside the
 * same loop empty and the same loop calling a host function. Not a test: timings are printed.
 */
public final class HostCallBench {
    private HostCallBench() {}

    public static void main(String[] args) {
        long n = args.length > 0 ? Long.parseLong(args[0]) : 5_000_000L;
        for (boolean compile : new boolean[] {true, false}) {
            try (SkeinEngine engine = SkeinEngine.builder().compile(compile).hostAccess(HostAccess.PUBLIC)
                    .function("host_tick", call -> 1L).build(); SkeinSession s = engine.newSession()) {
                s.set("acct", new HostFixtures.Account());
                s.set("o", new HostFixtures.Overloads());
                s.eval("<bench>", """
                        import time
                        fn empty(n) { let t = time.perf_counter(); for i in range(n) { }; return time.perf_counter() - t }
                        fn method(n) { let t = time.perf_counter(); for i in range(n) { acct.tick() }; return time.perf_counter() - t }
                        fn overload(n) { let t = time.perf_counter(); for i in range(n) { o.pick(i) }; return time.perf_counter() - t }
                        fn getter(n) { let t = time.perf_counter(); for i in range(n) { acct.balance }; return time.perf_counter() - t }
                        fn function(n) { let t = time.perf_counter(); for i in range(n) { host_tick() }; return time.perf_counter() - t }
                        """);
                for (String f : List.of("empty", "method", "overload", "getter", "function")) s.eval("<warm>", f + "(" + n / 5 + ")");
                List<String> row = new ArrayList<>();
                double empty = best(s, "empty", n);
                for (String f : List.of("method", "overload", "getter", "function")) {
                    double ns = (best(s, f, n) - empty) * 1e9 / n;
                    row.add(String.format("%s %.1f ns", f, ns));
                }
                System.out.printf("host calls (%s, n=%d, minus the empty loop %.1f ns/iter): %s%n",
                        compile ? "compiled" : "tree", n, empty * 1e9 / n, String.join(", ", row));
            }
        }
    }

    private static double best(SkeinSession s, String f, long n) {
        double best = Double.MAX_VALUE;
        for (int i = 0; i < 3; i++) best = Math.min(best, ((Number) s.eval("<bench>", f + "(" + n + ")")).doubleValue());
        return best;
    }
}
