package dev.skein;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The long run behind {@code bench/soak_goldens.sh}, not a test: runs the golden scripts,
 * examples and conformance scripts whose names match a pattern ROUNDS times, exactly as
 * {@link GoldenScriptTest} runs them (goldens and examples on both engines, conformance scripts
 * compiled), and prints each failure (first lines of its report) and a count per script.
 * Timing-dependent scripts are meant to pass every round on a loaded machine.
 *
 * <p>Arguments: {@code [ROUNDS] [NAME-REGEX] [fresh]} (default 5 rounds, every script, all in
 * this JVM). With {@code fresh} each run gets a new JVM, whose cold JIT and first compiles of
 * the script's functions stretch every step the way a short CLI run is stretched.
 */
public final class GoldenSoak {
    private GoldenSoak() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 3 && args[0].equals("--one")) {
            String failure = runHere(args[1], Path.of(args[2]), !args[1].endsWith(" (tree)"));
            if (failure != null) System.out.println(failure);
            System.exit(failure == null ? 0 : 1);
        }
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Pattern names = Pattern.compile(args.length > 1 ? args[1] : ".*");
        boolean fresh = args.length > 2 && args[2].equals("fresh");
        Path base = GoldenScriptTest.baseDir();
        Map<String, Path> scripts = new LinkedHashMap<>();
        for (Path p : GoldenScriptTest.goldenFiles(base)) scripts.put(GoldenScriptTest.displayName(base, p), p);
        Path conformance = base.resolve("src/test/resources/conformance");
        for (Path p : GoldenScriptTest.conformanceFiles(conformance)) {
            scripts.put("conformance/" + conformance.relativize(p).toString().replace('\\', '/'), p);
        }
        scripts.keySet().removeIf(name -> !names.matcher(name).find());
        System.out.println(scripts.size() + " scripts x " + rounds + " rounds" + (fresh ? ", a new JVM each" : ""));
        Map<String, Integer> failed = new LinkedHashMap<>();
        int runs = 0;
        for (int round = 1; round <= rounds; round++) {
            long start = System.nanoTime();
            for (Map.Entry<String, Path> e : scripts.entrySet()) {
                boolean bothEngines = !e.getKey().startsWith("conformance/");
                for (String label : bothEngines ? List.of(e.getKey(), e.getKey() + " (tree)") : List.of(e.getKey())) {
                    runs++;
                    String failure = fresh ? runInNewJvm(label, e.getValue()) : runHere(label, e.getValue(), !label.endsWith(" (tree)"));
                    if (failure != null) {
                        failed.merge(label, 1, Integer::sum);
                        System.out.println("FAIL round " + round + ": " + label + "\n" + failure);
                    }
                }
            }
            System.out.printf("round %d done in %.1f s, %d failures so far%n", round,
                    (System.nanoTime() - start) / 1e9, failed.values().stream().mapToInt(i -> i).sum());
        }
        System.out.println("=== " + runs + " runs; failures per script:");
        failed.forEach((k, v) -> System.out.println(v + "  " + k));
        System.exit(failed.isEmpty() ? 0 : 1);
    }

    /** Runs one script in this JVM; its report's first lines if it failed, else null. */
    private static String runHere(String label, Path script, boolean compile) {
        try {
            GoldenScriptTest.run(label.replace(" (tree)", ""), script, compile);
            return null;
        } catch (Throwable t) {
            return firstLines(String.valueOf(t.getMessage()), 25);
        }
    }

    /** Runs one script through {@code --one} in a new JVM with this one's flags and class path. */
    private static String runInNewJvm(String label, Path script) throws Exception {
        List<String> command = new java.util.ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), GoldenSoak.class.getName(),
                "--one", label, script.toString()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return p.waitFor() == 0 ? null : firstLines(output, 25);
    }

    private static String firstLines(String report, int lines) {
        String[] all = report.split("\n");
        return "    " + String.join("\n    ", List.of(all).subList(0, Math.min(lines, all.length)));
    }
}
