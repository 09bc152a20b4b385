import dev.skein.syntax.CompileError;
import dev.skein.syntax.SkeinParsing;
import dev.skein.syntax.Source;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Times parsing (source text to checked AST) of sources of about 1 MB in many shapes: flat,
 * long, nested past the nesting limit. Each shape is parsed in a thread with a large stack,
 * after one warm-up parse of a small program; the time is the parsing thread's CPU time (and wall). Usage (see parse_shapes.sh):
 * java -cp skein.jar ParseShapes.java [BYTES] [SHAPE…]
 */
public class ParseShapes {
    /** Each shape: a unit repeated (or nested) until the text reaches the size. */
    static Map<String, IntFunction<String>> shapes() {
        Map<String, IntFunction<String>> m = new LinkedHashMap<>();
        m.put("statements", n -> repeat("let x = 1 + 2 * 3\n", n));
        m.put("functions", n -> repeat("fn f(a, b = 2, *rest) {\n    if a > b { return [a, b] } else { return {\"a\": a} }\n}\n", n));
        m.put("long_list", n -> "let x = [" + repeat("1, ", n) + "]\n");
        m.put("long_dict", n -> { StringBuilder b = new StringBuilder("let x = {"); for (int i = 0; b.length() < n; i++) b.append(i).append(": ").append(i).append(", "); return b.append("}\n").toString(); });
        m.put("long_set", n -> "let x = {" + repeat("1, ", n) + "}\n");
        m.put("long_call", n -> "print(" + repeat("1, ", n) + ")\n");
        m.put("long_sum", n -> "let x = 1" + repeat(" + 1", n) + "\n");
        m.put("long_compare", n -> "let x = 1" + repeat(" < 1", n) + "\n");
        m.put("long_and", n -> "let x = true" + repeat(" and true", n) + "\n");
        m.put("long_string_concat", n -> "let x = " + repeat("\"ab\" ", n) + "\n");
        m.put("long_attr", n -> "let x = a" + repeat(".b", n) + "\n");
        m.put("long_index", n -> "let x = a" + repeat("[0]", n) + "\n");
        m.put("long_calls", n -> "let x = f" + repeat("()", n) + "\n");
        m.put("long_elif", n -> "if x == 0 { 1 }" + repeat(" else if x == 1 { 2 }", n) + " else { 3 }\n");
        m.put("lists_of_dicts", n -> "let x = [" + repeat("{\"a\": [1, {2, 3}], \"b\": {\"c\": (4)}}, ", n) + "]\n");
        m.put("comprehensions", n -> repeat("let x = {k: [v for v in range(k) if v % 2] for k in range(9)}\n", n));
        m.put("slices", n -> repeat("let x = a[1:2][::3][b[c[1:]]:][:]\n", n));
        m.put("fstrings", n -> repeat("print(f\"{a!r:>{w}} and {b[1:2]} and {c}\")\n", n));
        m.put("lambdas", n -> repeat("let f = fn(x) => fn(y) => x if y else fn(z) { return z }\n", n));
        m.put("dict_sets_mixed_nl", n -> repeat("let d = {\n  1: 2,\n  3: {4, 5},\n}\n", n));
        m.put("nested_parens", n -> nest("(", "1", ")", n));
        m.put("nested_lists", n -> nest("[", "1", "]", n));
        m.put("nested_dicts", n -> nest("{1: ", "1", "}", n));
        m.put("nested_sets", n -> nest("{", "1", "}", n));
        m.put("nested_calls", n -> nest("f(", "1", ")", n));
        m.put("nested_index", n -> nest("a[", "1", "]", n));
        m.put("nested_slices", n -> nest("a[1:", "1", "]", n));
        m.put("nested_blocks", n -> { int k = n / 9; return "if x { ".repeat(k) + "1" + " }".repeat(k) + "\n"; });
        m.put("nested_lambdas", n -> "let f = " + repeat("fn(x) => ", n) + "1\n");
        m.put("unary_minus", n -> "let x = " + repeat("-", n) + "1\n");
        m.put("not_chain", n -> "let x = " + repeat("not ", n) + "true\n");
        m.put("power_chain", n -> "let x = 1" + repeat(" ** 1", n) + "\n");
        m.put("cond_chain", n -> "let x = 1" + repeat(" if a else 2", n) + "\n");
        m.put("await_chain", n -> "let x = " + repeat("await ", n) + "f\n");
        m.put("open_parens", n -> repeat("(", n));
        m.put("open_braces", n -> repeat("{", n));
        m.put("close_parens", n -> repeat(")", n));
        m.put("error_every_line", n -> repeat("let = 1\nx = = 2\n", n));
        m.put("random_tokens", n -> { java.util.Random r = new java.util.Random(14); String[] t = {"(", ")", "[", "]", "{", "}", "x", "1", "+", "-", ":", ",", "\n", "if", "else", "fn", "=>", "for", "in", "not", "=", "."};
            StringBuilder b = new StringBuilder(); while (b.length() < n) b.append(t[r.nextInt(t.length)]).append(' '); return b.toString(); });
        return m;
    }

    static String repeat(String unit, int bytes) { return unit.repeat(Math.max(1, bytes / unit.length())); }

    static String nest(String open, String inner, String close, int bytes) {
        int n = Math.max(1, bytes / (open.length() + close.length()));
        return "let x = " + open.repeat(n) + inner + close.repeat(n) + "\n";
    }

    public static void main(String[] args) throws Exception {
        int bytes = args.length > 0 ? Integer.parseInt(args[0]) : 1 << 20;
        Map<String, IntFunction<String>> all = shapes();
        if (args.length > 1) all.keySet().retainAll(java.util.List.of(args).subList(1, args.length));
        parse("warm-up", "let x = [1, {2: 3}, (4)]\nfn f(a) { return a if a else -a }\n");
        for (var e : all.entrySet()) {
            String text = e.getValue().apply(bytes);
            String[] outcome = new String[1];
            long[] ns = new long[2];
            Thread t = new Thread(null, () -> {
                long t0 = System.nanoTime(), c0 = CPU.getCurrentThreadCpuTime();
                outcome[0] = parse(e.getKey(), text);
                ns[0] = System.nanoTime() - t0;
                ns[1] = CPU.getCurrentThreadCpuTime() - c0;
            }, "parse", 1L << 30);
            t.setDaemon(true);
            t.start();
            t.join(LIMIT_MS);
            if (t.isAlive()) System.out.printf("%-20s %8d bytes %8s    still parsing after %d s: given up%n", e.getKey(), text.length(), ">" + LIMIT_MS / 1000 + " s", LIMIT_MS / 1000);
            else System.out.printf("%-20s %8d bytes %7.3f s cpu %7.3f s wall  %s%n", e.getKey(), text.length(), ns[1] / 1e9, ns[0] / 1e9, outcome[0]);
            System.out.flush();
        }
        System.exit(0);   // a shape given up on may still be parsing
    }

    /** CPU time of the parsing thread: the machine may be shared, wall time then says little. */
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    private static final long LIMIT_MS = Long.getLong("limit.ms", 60_000);

    static String parse(String name, String text) {
        try {
            return SkeinParsing.parseProgram(new Source(name + ".skein", text)).size() + " statements";
        } catch (CompileError ce) {
            var d = ce.diagnostics().get(0);
            String m = d.line() + ":" + d.column() + " " + d.kind() + ": " + d.message();
            return (m.length() > 90 ? m.substring(0, 90) + "…" : m) + (ce.diagnostics().size() > 1 ? " (+" + (ce.diagnostics().size() - 1) + ")" : "");
        } catch (Throwable t) {
            return "JAVA " + t;
        }
    }
}
