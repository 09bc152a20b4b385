package dev.skein.syntax;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skein.DeepSourceTest;
import dev.skein.ast.Stmt;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The bound the nesting check relies on to skip short top-level statements
 * ({@link NestingLimit#SHALLOW_CHARS}): a statement of c source characters is at most 3c + 2
 * levels deep, on every statement of the golden scripts and examples and on every deep shape at
 * several depths. If it failed, a short statement could be deep enough to overflow a later pass.
 */
class NestingLimitTest {
    @Test
    void aStatementIsAtMostThreeLevelsDeepACharacter() throws IOException {
        List<String> checked = new ArrayList<>();
        try (Stream<Path> files = Stream.concat(Files.walk(Path.of("src/test/resources/golden")), Files.walk(Path.of("examples")))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".skein")).toList()) check(f.toString(), Files.readString(f), checked);
        }
        for (Map.Entry<String, IntFunction<String>> shape : DeepSourceTest.shapes().entrySet()) {
            for (int n : new int[] {1, 2, 5, 20, 100}) check(shape.getKey() + " x" + n, shape.getValue().apply(n), checked);
        }
        check("generator arguments", "sum(" + "abs(x) for x in range(sum(".repeat(5) + "1" + "))))".repeat(5) + ")", checked);
        check("nested f-strings", "f\"{f'{f\"{1}\"}'}\"", checked);
        assertTrue(checked.size() > 1000, "only " + checked.size() + " statements checked");
    }

    private static void check(String name, String text, List<String> checked) {
        Source source = new Source(name, text);
        SkeinParser.ProgramContext tree;
        List<Stmt> program;
        try {
            tree = SkeinParsing.parseTree(source, text, 0);
            program = new AstBuilder(source, 1, 0).program(tree);
        } catch (CompileError e) {
            return;   // a golden syntax error: nothing to walk
        }
        for (int i = 0; i < program.size(); i++) {
            int chars = SkeinParsing.characters(tree.statement().get(i));
            int depth = NestingLimit.depth(program.get(i));
            assertTrue(depth <= 3 * chars + 2, name + ", statement " + (i + 1) + ": " + depth + " levels deep in " + chars + " characters");
            checked.add(name);
        }
    }
}
