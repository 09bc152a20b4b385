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
 * Keeps the docs true: every {@code ```skein} block of README.md and docs/*.md runs as a script,
 * and what it prints must be what the block says beside its code: each {@code # → text} comment
 * is one line of expected standard output, in order (a block without one must print nothing);
 * or, when a {@code ```output} block follows the code, that block is its whole standard output.
 * A block that must not run (it waits for input, needs a network, shows a fragment) is fenced
 * {@code ```skein norun}.
 */
class DocsExamplesTest {
    static final String ARROW = "# → ";
    private static final Duration TIME_LIMIT = Duration.ofSeconds(60);

    record Block(Path file, int line, String code, List<String> expected) {
        String name() { return file + ":" + line; }
    }

    /** Where the blocks are written; a block opening with {@code # name.skein} gets that name, as its messages show it. */
    private static final String DIR = "target/docs-examples/";

    @TestFactory
    Stream<DynamicTest> everySkeinBlockPrintsWhatItSays() throws IOException {
        Path dir = Files.createDirectories(Path.of(DIR));
        List<Path> files = new ArrayList<>(List.of(Path.of("README.md")));
        try (Stream<Path> docs = Files.list(Path.of("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (Path f : files) {
            for (Block b : blocks(f)) tests.add(DynamicTest.dynamicTest(b.name(), () -> run(b, dir)));
        }
        return tests.stream();
    }

    static List<Block> blocks(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<Block> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).strip().equals("```skein")) continue;
            int start = i + 1;
            StringBuilder code = new StringBuilder();
            List<String> expected = new ArrayList<>();
            for (i = start; i < lines.size() && !lines.get(i).startsWith("```"); i++) {
                String l = lines.get(i);
                code.append(l).append('\n');
                int arrow = l.indexOf(ARROW);
                if (arrow >= 0) expected.add(l.substring(arrow + ARROW.length()));
                else if (l.endsWith("# →")) expected.add("");
            }
            int next = i + 1;
            while (next < lines.size() && lines.get(next).isBlank()) next++;
            if (next < lines.size() && lines.get(next).strip().equals("```output")) {   // the whole output, below the code
                expected.clear();
                for (i = next + 1; i < lines.size() && !lines.get(i).startsWith("```"); i++) expected.add(lines.get(i));
            }
            out.add(new Block(file, start, code.toString(), expected));
        }
        return out;
    }

    private static void run(Block b, Path dir) throws IOException {
        String first = b.code().lines().findFirst().orElse("");
        String name = first.matches("# [\\w.-]+\\.skein") ? first.substring(2) : b.file().getFileName() + "-" + b.line() + ".skein";
        Path script = dir.resolve(name);
        Files.writeString(script, b.code());
        ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);
        int code = assertTimeoutPreemptively(TIME_LIMIT, () -> Main.run(new String[] {DIR + name},
                new ByteArrayInputStream(new byte[0]), out, err));
        String printed = outBytes.toString(StandardCharsets.UTF_8).replace("\r\n", "\n").replace(DIR, "");   // as if run where it lies
        String expected = b.expected().isEmpty() ? "" : String.join("\n", b.expected()) + "\n";
        assertEquals(expected, printed, b.name() + " prints something else (stderr: " + errBytes.toString(StandardCharsets.UTF_8) + ")");
        assertEquals(0, code, b.name() + " failed: " + errBytes.toString(StandardCharsets.UTF_8));
    }
}
