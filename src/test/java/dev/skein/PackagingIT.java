package dev.skein;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jars (run by failsafe after {@code package}): the engine artifact bundles no
 * ANTLR, JLine or picocli classes (a host with its own versions is unaffected); the {@code cli}
 * jar is self-contained; and the README's embedding example, taken from the README itself,
 * compiles and runs against the engine jar and its two required dependencies alone.
 */
class PackagingIT {
    private static final List<String> BUNDLED_ELSEWHERE = List.of("org/antlr/", "org/jline/", "picocli/");

    private static Path property(String name) {
        String v = System.getProperty(name);
        assertNotNull(v, name + " is set by the POM's failsafe configuration");
        return Path.of(v);
    }

    @Test void theEngineJarHoldsOnlySkeinAndTheCliJarHoldsEverything() throws IOException {
        try (JarFile engine = new JarFile(property("skein.engineJar").toFile())) {
            assertNotNull(engine.getEntry("dev/skein/embed/SkeinEngine.class"));
            List<String> foreign = engine.stream().map(e -> e.getName())
                    .filter(n -> BUNDLED_ELSEWHERE.stream().anyMatch(n::startsWith)).limit(5).toList();
            assertEquals(List.of(), foreign, "the engine jar bundles no third-party classes");
        }
        try (JarFile cli = new JarFile(property("skein.cliJar").toFile())) {
            for (String prefix : BUNDLED_ELSEWHERE) {
                assertTrue(cli.stream().anyMatch(e -> e.getName().startsWith(prefix)), "the cli jar has " + prefix);
            }
            assertEquals("dev.skein.cli.Main", cli.getManifest().getMainAttributes().getValue("Main-Class"));
        }
    }

    @Test void theReadmeEmbeddingExampleRunsOnTheEngineJar(@TempDir Path tmp) throws Exception {
        String readme = Files.readString(property("skein.readme"));
        Matcher block = Pattern.compile("<!-- embedding-example[^>]*-->\\s*```java\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertTrue(block.find(), "README has the embedding example");
        String code = block.group(1);
        Matcher prints = Pattern.compile("It prints `([^`]*)`").matcher(readme.substring(block.end()));
        assertTrue(prints.find(), "README says what it prints");
        assertTrue(code.strip().lines().count() <= 16, "a short example");

        Path src = Files.writeString(tmp.resolve("Embedding.java"), code);
        String classpath = String.join(File.pathSeparator, engineClasspath());
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int rc = javac.run(null, null, null, "-cp", classpath, "-d", tmp.toString(), src.toString());
        assertEquals(0, rc, "the example compiles against the engine jar");

        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-cp", classpath + File.pathSeparator + tmp, "Embedding")
                .redirectErrorStream(true).start();
        try {
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the example finishes");
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, p.exitValue(), out);
            assertEquals(prints.group(1), out.strip());
        } finally {
            p.destroyForcibly();
        }
    }

    /** The engine jar and its required dependencies (ANTLR runtime, ASM) from this JVM's class path: no JLine, no picocli. */
    private static List<String> engineClasspath() {
        List<String> cp = new ArrayList<>(List.of(property("skein.engineJar").toString()));
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String name = Path.of(entry).getFileName().toString();
            if (name.startsWith("antlr4-runtime-") || name.matches("asm-\\d.*\\.jar")) cp.add(entry);
        }
        assertEquals(3, cp.size(), "engine jar, antlr4-runtime and asm: " + cp);
        return cp;
    }
}
