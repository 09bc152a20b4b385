package dev.skein;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.skein.cli.Main;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.opentest4j.AssertionFailedError;

/**
 * Runs every golden script ({@code src/test/resources/golden/**.skein}), every example
 * ({@code examples/*.skein}) and, as a separate factory, every conformance script
 * ({@code src/test/resources/conformance/**.skein}, ports of other implementations' test suites)
 * in-process through {@link Main#run} and checks its stdout, stderr and
 * exit code against the expectation comments written inside the script:
 *
 * <ul>
 *   <li>{@code # expect: TEXT}: the next stdout line, verbatim (trailing spaces trimmed). All
 *       {@code expect} and {@code expect-re} lines, in file order, form the complete stdout.
 *   <li>{@code # expect-re: REGEX}: a stdout line that the regex matches entirely.
 *   <li>{@code # error: TEXT}: stderr contains TEXT (several allowed).
 *   <li>{@code # exit: N}: the exit code. Default: 0 without {@code # error:} lines, otherwise any
 *       non-zero code. A script expected to exit 0 without {@code # error:} lines must leave
 *       stderr empty.
 *   <li>{@code # args: a b c}: script arguments after the path; {@code {tmp}} stands for a fresh
 *       temporary directory that is deleted afterwards.
 *   <li>{@code # stdin: TEXT}: one line of standard input (several allowed).
 *   <li>{@code # server: files}: the test starts a local HTTP server ({@link GoldenFileServer})
 *       on 127.0.0.1 for the script's run; {@code {server}} in {@code # args:} stands for its base
 *       URL ({@code http://127.0.0.1:PORT}).
 * </ul>
 *
 * Files below a folder named {@code lib} are helpers imported by other scripts, not tests.
 * Scripts run one after another, each with its own time limit.
 */
class GoldenScriptTest {
    private static final Duration TIME_LIMIT = Duration.ofSeconds(60);
    private static final Pattern DIRECTIVE =
            Pattern.compile("#\\s*(expect-re|expect|error|exit|args|stdin|server):(.*)$");

    @TestFactory
    Stream<DynamicTest> goldenScripts() throws IOException {
        return goldenTests(true, "");
    }

    /**
     * The golden scripts and examples again with the bytecode compiler off ({@code --no-compile},
     * the engine's own switch), so every script's functions run both compiled (above, the
     * default) and on the node tree, with the same expected output, errors and traces.
     */
    @TestFactory
    Stream<DynamicTest> goldenScriptsOnTheTree() throws IOException {
        return goldenTests(false, " (tree)");
    }

    private static Stream<DynamicTest> goldenTests(boolean compile, String suffix) throws IOException {
        Path base = baseDir();
        List<DynamicTest> tests = new ArrayList<>();
        for (Path script : goldenFiles(base)) {
            String name = displayName(base, script);
            tests.add(DynamicTest.dynamicTest(name + suffix, script.toUri(), () -> run(name, script, compile)));
        }
        return tests.stream();
    }

    /** Every golden script and example, in order. */
    static List<Path> goldenFiles(Path base) throws IOException {
        List<Path> all = new ArrayList<>(scripts(base.resolve("src/test/resources/golden"), true));
        all.addAll(scripts(base.resolve("examples"), false));
        return all;
    }

    /** A golden script's name relative to the golden folder, an example's as {@code examples/NAME}. */
    static String displayName(Path base, Path script) {
        Path golden = base.resolve("src/test/resources/golden");
        Path relative = script.startsWith(golden) ? golden.relativize(script) : Path.of("examples").resolve(script.getFileName());
        return relative.toString().replace('\\', '/');
    }

    /** Ports of other implementations' test suites (e.g. CPython's concurrent.futures tests). */
    @TestFactory
    Stream<DynamicTest> conformanceScripts() throws IOException {
        Path base = baseDir();
        Path conformance = base.resolve("src/test/resources/conformance");
        return conformanceFiles(conformance).stream()
                .map(s -> test("conformance/" + conformance.relativize(s).toString().replace('\\', '/'), s));
    }

    /** Every conformance script below {@code conformance}, in order. */
    static List<Path> conformanceFiles(Path conformance) throws IOException {
        return scripts(conformance, true);
    }

    /** The Maven basedir: Surefire sets {@code basedir}; otherwise the working directory. */
    static Path baseDir() {
        String b = System.getProperty("basedir");
        return Path.of(b != null ? b : System.getProperty("user.dir")).toAbsolutePath().normalize();
    }

    private static List<Path> scripts(Path root, boolean recursive) throws IOException {
        if (!Files.isDirectory(root)) return List.of();
        try (Stream<Path> s = recursive ? Files.walk(root) : Files.list(root)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".skein"))
                    .filter(Files::isRegularFile)
                    .filter(p -> !isHelper(root.relativize(p)))
                    .sorted(Comparator.comparing(p -> root.relativize(p).toString()))
                    .toList();
        }
    }

    /** Scripts in a {@code lib} folder are imported by tests, not run as tests. */
    private static boolean isHelper(Path relative) {
        for (int i = 0; i < relative.getNameCount() - 1; i++) {
            if (relative.getName(i).toString().equals("lib")) return true;
        }
        return false;
    }

    private static DynamicTest test(String name, Path script) {
        return DynamicTest.dynamicTest(name, script.toUri(), () -> run(name, script, true));
    }

    // ------------------------------------------------------------------ expectations

    /** What one script promises about its run. */
    private record Expectation(List<String> stdout, List<Boolean> isRegex, List<String> errors,
                               Integer exit, List<String> args, List<String> stdin, String server) {}

    static Expectation parse(List<String> lines) {
        List<String> stdout = new ArrayList<>();
        List<Boolean> isRegex = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        List<String> args = new ArrayList<>();
        List<String> stdin = new ArrayList<>();
        Integer exit = null;
        String server = null;
        for (String line : lines) {
            Matcher m = DIRECTIVE.matcher(line);
            if (!m.find()) continue;
            String kind = m.group(1);
            String raw = m.group(2);
            String value = (raw.startsWith(" ") ? raw.substring(1) : raw).stripTrailing();
            switch (kind) {
                case "expect" -> { stdout.add(value); isRegex.add(false); }
                case "expect-re" -> { stdout.add(value.strip()); isRegex.add(true); }
                case "error" -> errors.add(value.strip());
                case "exit" -> exit = Integer.parseInt(value.strip());
                case "args" -> { for (String a : value.strip().split("\\s+")) if (!a.isEmpty()) args.add(a); }
                case "stdin" -> stdin.add(value);
                case "server" -> server = value.strip();
                default -> throw new IllegalStateException(kind);
            }
        }
        return new Expectation(stdout, isRegex, errors, exit, args, stdin, server);
    }

    // ------------------------------------------------------------------ running

    /** Runs one script in-process as the CLI would ({@code --no-compile} unless {@code compile}) and checks it. */
    static void run(String name, Path script, boolean compile) throws IOException {
        Expectation exp = parse(Files.readAllLines(script, StandardCharsets.UTF_8));
        Path tmp = null;
        GoldenFileServer server = exp.server() == null ? null : GoldenFileServer.start(exp.server());
        List<String> argv = new ArrayList<>();
        if (!compile) argv.add("--no-compile");
        // The path as typed on a command line in the repository root, so messages show it.
        argv.add(relativePath(script));
        for (String a : exp.args()) {
            if (a.contains("{tmp}")) {
                if (tmp == null) tmp = Files.createTempDirectory("skein-golden");
                a = a.replace("{tmp}", tmp.toString());
            }
            if (server != null) a = a.replace("{server}", server.baseUrl());
            argv.add(a);
        }
        StringBuilder in = new StringBuilder();
        for (String s : exp.stdin()) in.append(s).append('\n');

        ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);
        Throwable crash = null;
        int code = -1;
        try {
            code = assertTimeoutPreemptively(TIME_LIMIT, () -> Main.run(argv.toArray(String[]::new),
                    new ByteArrayInputStream(in.toString().getBytes(StandardCharsets.UTF_8)), out, err),
                    () -> name + " did not finish within " + TIME_LIMIT.toSeconds() + " s\n"
                            + "--- stdout so far ---\n" + outBytes.toString(StandardCharsets.UTF_8)
                            + "--- stderr so far ---\n" + errBytes.toString(StandardCharsets.UTF_8));
        } catch (AssertionFailedError timeout) {
            throw timeout;
        } catch (Throwable t) {
            crash = t;
        } finally {
            if (server != null) server.close();
            if (tmp != null) deleteTree(tmp);
        }
        out.flush();
        err.flush();
        check(name, exp, code, crash, normalize(outBytes.toString(StandardCharsets.UTF_8)),
                normalize(errBytes.toString(StandardCharsets.UTF_8)));
    }

    /** The script's path relative to the working directory when it lies below it. */
    private static String relativePath(Path script) {
        Path cwd = Path.of(System.getProperty("user.dir")).toAbsolutePath().normalize();
        Path abs = script.toAbsolutePath().normalize();
        return (abs.startsWith(cwd) ? cwd.relativize(abs) : abs).toString();
    }

    private static String normalize(String s) {
        return s.replace("\r\n", "\n");
    }

    private static void check(String name, Expectation exp, int code, Throwable crash,
                              String stdout, String stderr) {
        List<String> problems = new ArrayList<>();
        if (crash != null) {
            StringWriter sw = new StringWriter();
            crash.printStackTrace(new PrintWriter(sw));
            problems.add("Main.run threw a Java exception (must never happen):\n" + sw);
        }

        // stdout: the expectation rendered with each matching regex replaced by its actual line,
        // so an IDE diff shows only the real differences.
        List<String> actualLines = splitLines(stdout);
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < exp.stdout().size(); i++) {
            String want = exp.stdout().get(i);
            if (exp.isRegex().get(i)) {
                String got = i < actualLines.size() ? actualLines.get(i) : null;
                boolean ok = got != null && Pattern.compile(want).matcher(got).matches();
                expected.append(ok ? got : "/" + want + "/");
            } else {
                expected.append(want);
            }
            expected.append('\n');
        }
        String expectedStdout = expected.toString();
        if (!expectedStdout.equals(stdout)) {
            problems.add("stdout differs" + firstDifference(expectedStdout, stdout));
        }

        if (exp.exit() != null) {
            if (code != exp.exit()) problems.add("exit code: expected " + exp.exit() + ", got " + code);
        } else if (exp.errors().isEmpty()) {
            if (code != 0) problems.add("exit code: expected 0, got " + code);
        } else if (code == 0) {
            problems.add("exit code: expected non-zero (an error is expected), got 0");
        }

        for (String e : exp.errors()) {
            if (!stderr.contains(e)) problems.add("stderr does not contain: " + e);
        }
        boolean cleanRunExpected = exp.errors().isEmpty() && (exp.exit() == null || exp.exit() == 0);
        if (cleanRunExpected && !stderr.isEmpty()) problems.add("stderr should be empty");

        if (problems.isEmpty()) return;
        String message = name + ":\n  - " + String.join("\n  - ", problems)
                + "\n--- expected stdout ---\n" + expectedStdout
                + "--- actual stdout ---\n" + stdout
                + (stdout.isEmpty() || stdout.endsWith("\n") ? "" : "\\ no newline at end\n")
                + "--- actual stderr ---\n" + stderr
                + "--- exit code " + code + " ---";
        throw new AssertionFailedError(message, expectedStdout, stdout);
    }

    private static List<String> splitLines(String s) {
        List<String> lines = new ArrayList<>(List.of(s.split("\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) lines.remove(lines.size() - 1);
        return lines;
    }

    private static String firstDifference(String expected, String actual) {
        List<String> e = splitLines(expected);
        List<String> a = splitLines(actual);
        for (int i = 0; i < Math.max(e.size(), a.size()); i++) {
            String x = i < e.size() ? e.get(i) : "<no line>";
            String y = i < a.size() ? a.get(i) : "<no line>";
            if (!x.equals(y)) return " at line " + (i + 1) + ": expected [" + x + "] but was [" + y + "]";
        }
        return actual.endsWith("\n") || actual.isEmpty() ? "" : " (no newline at the end of stdout)";
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
