package dev.skein.syntax;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.atn.DecisionInfo;
import org.antlr.v4.runtime.atn.PredictionMode;

/**
 * Splits a cold parse into its stages, in a fresh JVM: the lexer's and the parser's class
 * initialisation (ATN deserialisation), lexing every token, parsing the token list (SLL), building
 * the AST, the nesting check; then the same stages warm (best of REPS). With "profile" as the
 * second argument it parses once more with ANTLR's profiler and prints the costliest decisions.
 * In package dev.skein.syntax to reach its package-private parts; compiled against skein.jar by
 * bench/parse_stages.sh.
 */
public class ParseStages {
    public static void main(String[] args) throws Exception {
        String text = Files.readString(Path.of(args[0]));
        String mode = args.length > 1 ? args[1] : "stages";
        int reps = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        Source source = new Source("gen.skein", text);
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long c0 = cpu.getCurrentThreadCpuTime(), t0 = System.nanoTime();
        Class.forName("dev.skein.syntax.SkeinLexer", true, ParseStages.class.getClassLoader());
        long t1 = System.nanoTime();
        Class.forName("dev.skein.syntax.SkeinParser", true, ParseStages.class.getClassLoader());
        long t2 = System.nanoTime();
        double[] cold = stages(source, text);
        long c1 = cpu.getCurrentThreadCpuTime();
        System.out.printf("cold: lexer_init %.1f  parser_init %.1f  lex %.1f  parse %.1f  ast %.1f  nesting %.1f  total %.1f ms (cpu %.1f)  tokens %d%n",
                (t1 - t0) / 1e6, (t2 - t1) / 1e6, cold[0], cold[1], cold[2], cold[3], (System.nanoTime() - t0) / 1e6, (c1 - c0) / 1e6, (long) cold[4]);
        double[] best = {1e9, 1e9, 1e9, 1e9};
        for (int i = 0; i < reps; i++) {
            double[] w = stages(source, text);
            for (int k = 0; k < 4; k++) best[k] = Math.min(best[k], w[k]);
        }
        System.out.printf("warm best of %d: lex %.1f  parse %.1f  ast %.1f  nesting %.1f ms%n", reps, best[0], best[1], best[2], best[3]);
        if (mode.equals("profile")) profile(source, text);
    }

    /** {lex, parse, ast, nesting ms, tokens}. */
    private static double[] stages(Source source, String text) {
        long a = System.nanoTime();
        CommonTokenStream tokens = new CommonTokenStream(new NewlineFilter(lexer(text)));
        tokens.fill();
        long b = System.nanoTime();
        LimitedParser parser = new LimitedParser(tokens, 0);
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        parser.removeErrorListeners();
        parser.setErrorHandler(new BailErrorStrategy());
        SkeinParser.ProgramContext tree = parser.program();
        long c = System.nanoTime();
        var program = new AstBuilder(source, 1, 0).program(tree);
        long d = System.nanoTime();
        NestingLimit.tooDeep(program, SkeinParsing.shallow(tree));
        long e = System.nanoTime();
        return new double[] {(b - a) / 1e6, (c - b) / 1e6, (d - c) / 1e6, (e - d) / 1e6, tokens.size()};
    }

    private static SkeinLexer lexer(String text) {
        SkeinLexer lexer = new SkeinLexer(CharStreams.fromString(text, "gen.skein"));
        lexer.removeErrorListeners();
        return lexer;
    }

    private static void profile(Source source, String text) {
        CommonTokenStream tokens = new CommonTokenStream(new NewlineFilter(lexer(text)));
        SkeinParser parser = new SkeinParser(tokens);
        parser.setProfile(true);
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        parser.removeErrorListeners();
        parser.setErrorHandler(new BailErrorStrategy());
        parser.program();
        DecisionInfo[] infos = parser.getParseInfo().getDecisionInfo();
        Arrays.sort(infos, Comparator.comparingLong((DecisionInfo d) -> -d.timeInPrediction));
        System.out.println("decision rule              invocations  time_ms  sll_total_look  sll_max_look  sll_atn_transitions  sll_dfa_transitions  ll_fallback  ll_max_look  ambiguities  errors");
        String[] rules = parser.getRuleNames();
        var atn = parser.getATN();
        long total = 0;
        for (DecisionInfo d : infos) total += d.timeInPrediction;
        for (int i = 0; i < Math.min(15, infos.length); i++) {
            DecisionInfo d = infos[i];
            String rule = rules[atn.getDecisionState(d.decision).ruleIndex];
            System.out.printf("%8d %-16s %11d %8.2f %15d %13d %20d %20d %12d %12d %12d %7d%n", d.decision, rule, d.invocations, d.timeInPrediction / 1e6,
                    d.SLL_TotalLook, d.SLL_MaxLook, d.SLL_ATNTransitions, d.SLL_DFATransitions, d.LL_Fallback, d.LL_MaxLook, d.ambiguities.size(), d.errors.size());
        }
        System.out.printf("prediction total %.1f ms over %d decisions%n", total / 1e6, infos.length);
    }
}
