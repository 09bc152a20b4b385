package dev.skein.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.skein.ast.Stmt;
import dev.skein.syntax.CompileError;
import dev.skein.syntax.SkeinParsing;
import dev.skein.syntax.Source;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Workers get the parent's syntax tree, not its source text: every script in the repository
 * (goldens, examples, benchmarks, the workers' training script) survives encode → decode equal
 * to what the parser built — so a node type missing from {@link ProgramCodec} fails here — and a
 * damaged program fails only with {@link Codec.MalformedFrame}.
 */
class ProgramCodecTest {
    private static List<Path> scripts() throws IOException {
        List<Path> roots = List.of(Path.of("src/test/resources/golden"), Path.of("examples"), Path.of("bench"),
                Path.of("src/main/resources/dev/skein/process"));
        List<Path> out = new java.util.ArrayList<>();
        for (Path root : roots) {
            if (!Files.isDirectory(root)) continue;
            try (Stream<Path> s = Files.walk(root)) {
                s.filter(p -> p.toString().endsWith(".skein")).sorted().forEach(out::add);
            }
        }
        return out;
    }

    private static List<Stmt> parse(Path p) throws IOException {
        return SkeinParsing.parseProgram(new Source(p.toString(), Files.readString(p)));
    }

    @Test void everyScriptRoundTripsEqual() throws IOException {
        int checked = 0;
        for (Path p : scripts()) {
            List<Stmt> program;
            try {
                program = parse(p);
            } catch (CompileError syntaxErrorGolden) {
                continue;
            }
            byte[] bytes = ProgramCodec.encode(program);
            assertEquals(program, ProgramCodec.decode(new Codec.In(bytes)), p.toString());
            checked++;
        }
        assertTrue(checked > 500, "only " + checked + " scripts checked");
    }

    @Test void truncatedProgramsFailCleanly() throws IOException {
        byte[] bytes = ProgramCodec.encode(parse(Path.of("examples/pool_factorizer_map.skein")));
        for (int len = 0; len < bytes.length; len += 7) {
            byte[] cut = java.util.Arrays.copyOf(bytes, len);
            assertThrows(Codec.MalformedFrame.class, () -> ProgramCodec.decode(new Codec.In(cut)), "cut at " + len);
        }
    }

    @Test void corruptedProgramsFailOnlyWithMalformedFrame() throws IOException {
        byte[] bytes = ProgramCodec.encode(parse(Path.of("examples/no_main_guard.skein")));
        Random random = new Random(7);
        for (int i = 0; i < 2000; i++) {
            byte[] bad = bytes.clone();
            for (int k = 0; k < 3; k++) bad[random.nextInt(bad.length)] = (byte) random.nextInt(256);
            try {
                ProgramCodec.decode(new Codec.In(bad));
            } catch (Codec.MalformedFrame expected) {
                // the only acceptable failure
            } catch (RuntimeException | StackOverflowError other) {
                fail("corruption " + i + " raised " + other);
            }
        }
    }
}
