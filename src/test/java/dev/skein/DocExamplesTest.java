package dev.skein;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.skein.cli.Main;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The docs' examples are checked, not just shown: every fenced {@code ```skein} block in
 * {@code docs/*.md} and the README runs as a script, and its stdout must be exactly the text of
 * its {@code # →} comments, in order. A comment after code ({@code print(x)   # → 3}) and a
 * comment line of its own ({@code # → 3}) both stand for one line of output; a block without
 * any {@code # →} must run without output or error. When a {@code ```output} block follows the
 * code, it is the whole expected stdout instead (for examples that print many lines); a block
 * that must not run is fenced {@code ```skein norun}. A block whose first line is a comment naming a
 * file ({@code # errors.skein}) runs under that name, so its messages show it.
 */
class DocExamplesTest {
    private static final String ARROW = "# →";

    @TestFactory
    Stream<DynamicTest> docExamples() throws IOException {
        Path base = Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
        List<Path> docs = new ArrayList<>();
        try (Stream<Path> s = Files.list(base.resolve("docs"))) {
            s.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
        }
        docs.add(base.resolve("README.md"));
        List<DynamicTest> tests = new ArrayList<>();
        for (Path doc : docs) {
            List<String> lines = Files.readAllLines(doc, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                if (!lines.get(i).strip().equals("```skein")) continue;
                int start = i + 1;
                int end = start;
                while (end < lines.size() && !lines.get(end).strip().equals("```")) end++;
                List<String> block = lines.subList(start, end);
                String name = base.relativize(doc) + ":" + start;
                List<String> output = outputBlockAfter(lines, end);
                tests.add(DynamicTest.dynamicTest(name, () -> check(name, block, output)));
                i = end;
            }
        }
        return tests.stream();
    }

    /** The lines of a {@code ```output} block right after the code block closing at {@code close}, or null. */
    private static List<String> outputBlockAfter(List<String> lines, int close) {
        int at = close + 1;
        while (at < lines.size() && lines.get(at).isBlank()) at++;
        if (at >= lines.size() || !lines.get(at).strip().equals("```output")) return null;
        int end = at + 1;
        while (end < lines.size() && !lines.get(end).strip().equals("```")) end++;
        return lines.subList(at + 1, end);
    }

    private static void check(String name, List<String> block, List<String> output) throws IOException {
        StringBuilder expected = new StringBuilder();
        for (String line : output != null ? output : block) {
            if (output != null) {
                expected.append(line.stripTrailing()).append('\n');
                continue;
            }
            int at = line.indexOf(ARROW);
            if (at >= 0) expected.append(line.substring(at + ARROW.length()).strip()).append('\n');
        }
        String first = block.isEmpty() ? "" : block.get(0).strip();
        String fileName = first.matches("#\\s*[\\w-]+\\.skein") ? first.substring(1).strip() : "example.skein";
        Path dir = Files.createTempDirectory("skein-doc");
        Path script = dir.resolve(fileName);
        try {
            Files.writeString(script, String.join("\n", block) + "\n");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> Main.run(
                    new String[] {script.toString()}, new ByteArrayInputStream(new byte[0]),
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)));
            String stderr = err.toString(StandardCharsets.UTF_8);
            assertEquals(0, code, name + " failed:\n" + stderr);
            assertEquals("", stderr, name + " wrote to stderr");
            String stdout = out.toString(StandardCharsets.UTF_8).replace(script.toString(), fileName);
            assertEquals(expected.toString(), stripTrailingSpaces(stdout), name);
        } finally {
            Files.deleteIfExists(script);
            Files.deleteIfExists(dir);
        }
    }

    private static String stripTrailingSpaces(String s) {
        StringBuilder sb = new StringBuilder();
        for (String line : s.replace("\r\n", "\n").split("\n", -1)) sb.append(line.stripTrailing()).append('\n');
        sb.setLength(sb.length() - 1);
        return sb.toString();
    }
}
