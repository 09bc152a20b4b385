package dev.skein.embed.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The JDK's own {@code jrunscript -l skein -e …} (deprecated but shipped with JDK 25): the script
 * uses the {@code engine} object jrunscript binds, a Java object, through its public methods.
 */
class JrunscriptTest {
    @Test void jrunscriptRunsSkeinWithItsBoundEngineObject() throws Exception {
        Path jrunscript = Path.of(System.getProperty("java.home"), "bin", "jrunscript");
        assertTrue(Files.isExecutable(jrunscript), "the JDK running the tests must ship jrunscript: " + jrunscript);
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process p = new ProcessBuilder(jrunscript.toString(), "-cp", cp, "-l", "skein", "-e",
                "print(repr(engine))\nprint(engine.getFactory().getLanguageName(), len(arguments))\nprint(engine.eval('6 * 7'))", "x", "y")
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), output);
        assertEquals(0, p.exitValue(), output);
        List<String> lines = output.lines().filter(l -> !l.startsWith("Warning: jrunscript is deprecated")).toList();
        assertEquals(List.of("<java dev.skein.embed.jsr223.SkeinScriptEngine>", "Skein 2", "42"), lines, output);
    }
}
