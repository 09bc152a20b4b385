import dev.skein.interp.Code;
import dev.skein.interp.ModuleInstance;
import dev.skein.interp.Runner;
import dev.skein.process.ProcessPools;
import dev.skein.runtime.Interpreter;
import dev.skein.stdlib.Stdlib;
import dev.skein.syntax.SkeinParsing;
import dev.skein.syntax.Source;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Times compiling one script in this (fresh) JVM: parse, then resolve + node tree + bytecode
 * (Runner.compileParsed), the first time (cold, what a script run pays) and then REPS more
 * times in fresh interpreters (warm). Nothing runs. Usage (single-file launch, see compile_time.sh):
 * java -cp skein.jar CompileTime.java FILE on|eager|off [REPS] ("compiled_functions": those compiled by the time it loads)
 */
public class CompileTime {
    public static void main(String[] args) throws Exception {
        String text = Files.readString(Path.of(args[0]));
        boolean compile = !args[1].equals("off");   // on, or eager (with -Dskein.compile.after=-1)
        int reps = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        long jvmMs = ManagementFactory.getRuntimeMXBean().getUptime();
        double[] cold = once(text, compile, true);
        double best = Double.MAX_VALUE;
        for (int i = 0; i < reps; i++) best = Math.min(best, once(text, compile, false)[2]);
        System.out.printf("{\"compile\": \"%s\", \"lines\": %d, \"parse_ms\": %.1f, \"generate_ms\": %.1f, \"total_ms\": %.1f, "
                        + "\"parse_cpu_ms\": %.1f, \"generate_cpu_ms\": %.1f, "
                        + "\"compiled_functions\": %d, \"functions\": %d, \"warm_best_ms\": %s, \"jvm_uptime_before_ms\": %d}%n",
                args[1], text.split("\n").length, cold[0], cold[1], cold[2], cold[5], cold[6], (int) cold[3], (int) cold[4],
                reps > 0 ? String.format("%.1f", best) : "null", jvmMs);
    }

    /**
     * {parse ms, resolve+generate ms, total ms, compiled functions, functions, parse CPU ms,
     * resolve+generate CPU ms}: wall time, and this thread's CPU time, which a loaded machine
     * disturbs less (the JIT's own threads are not in it).
     */
    private static double[] once(String text, boolean compile, boolean count) throws Exception {
        Interpreter interp = ProcessPools.install(Stdlib.install(Interpreter.builder())).compile(compile).build();
        Runner runner = Runner.of(interp);
        ModuleInstance module = new ModuleInstance("__main__", "gen.skein");
        Source source = new Source("gen.skein", text);
        java.lang.management.ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long t0 = System.nanoTime(), c0 = cpu.getCurrentThreadCpuTime();
        var program = SkeinParsing.parseProgram(source);
        long t1 = System.nanoTime(), c1 = cpu.getCurrentThreadCpuTime();
        runner.compileParsed(source, program, module, false);
        long t2 = System.nanoTime(), c2 = cpu.getCurrentThreadCpuTime();
        int compiled = 0, functions = 0;
        if (count) {   // by key: globals are unset until the top level runs
            java.lang.reflect.Field f = Code.class.getDeclaredField("compiled");
            f.setAccessible(true);
            for (String key : keys(text)) {
                Code c = runner.code(key);
                if (c == null) continue;
                functions++;
                if (f.get(c) != null) compiled++;
            }
        }
        return new double[] {(t1 - t0) / 1e6, (t2 - t1) / 1e6, (t2 - t0) / 1e6, compiled, functions, (c1 - c0) / 1e6, (c2 - c1) / 1e6};
    }

    /** The keys (file:line:column) of the top-level functions: every "fn " at the start of a line. */
    private static java.util.List<String> keys(String text) {
        java.util.List<String> keys = new java.util.ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) if (lines[i].startsWith("fn ")) keys.add("gen.skein:" + (i + 1) + ":1");
        return keys;
    }
}
