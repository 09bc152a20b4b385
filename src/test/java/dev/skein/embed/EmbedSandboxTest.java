package dev.skein.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Safe by default: nothing outside the interpreter until the host grants it. */
class EmbedSandboxTest {
    @TempDir Path dir;

    private static SkeinException denied(SkeinEngine engine, String code) {
        return assertThrows(SkeinException.class, () -> engine.eval("sandbox.skein", code));
    }

    @Test void anEmbeddedEngineGrantsNothing() {
        try (SkeinEngine engine = SkeinEngine.builder().build()) {
            assertEquals(Set.of(), engine.capabilities());
        }
    }

    @Test void aDeniedFileReadIsAPermissionErrorNamingTheCapability() throws Exception {
        Path f = Files.writeString(dir.resolve("secret.txt"), "s3cret");
        try (SkeinEngine engine = SkeinEngine.builder().build()) {
            SkeinException e = denied(engine, "import fs\nfs.read_text(" + quoted(f) + ")");
            assertEquals("PermissionError", e.kind());
            assertTrue(e.detail().contains("capability files"), e.detail());
            assertEquals(2, e.line());
        }
    }

    @Test void grantedFilesCanBeRead() throws Exception {
        Path f = Files.writeString(dir.resolve("data.txt"), "hello");
        try (SkeinEngine engine = SkeinEngine.builder().allowFiles().build()) {
            assertEquals("hello", engine.eval("import fs\nfs.read_text(" + quoted(f) + ")"));
        }
    }

    @Test void importingAScriptModuleNeedsFiles() throws Exception {
        Files.writeString(dir.resolve("util.skein"), "fn seven() { return 7 }");
        String main = dir.resolve("main.skein").toString();
        try (SkeinEngine closed = SkeinEngine.builder().build();
             SkeinEngine open = SkeinEngine.builder().allowFiles().build()) {
            SkeinException e = assertThrows(SkeinException.class, () -> closed.eval(main, "import \"util.skein\" as util\nutil.seven()"));
            assertEquals("PermissionError", e.kind());
            assertEquals(7L, open.eval(main, "import \"util.skein\" as util\nutil.seven()"));
        }
    }

    @Test void networkEnvironmentAndExitAreDeniedToo() {
        try (SkeinEngine engine = SkeinEngine.builder().build()) {
            SkeinException net = denied(engine, "import http\nhttp.get('http://127.0.0.1:9/')");
            assertEquals("PermissionError", net.kind());
            assertTrue(net.detail().contains("capability network"), net.detail());
            SkeinException env = denied(engine, "import os\nos.getenv('PATH')");
            assertTrue(env.detail().contains("capability environment"), env.detail());
            // os.env follows the same rule as getenv: a PermissionError where it is read, never a silent {}
            SkeinException envDict = denied(engine, "import os\nlet home = os.env['HOME']");
            assertEquals("environment variables is not allowed here (capability environment not granted)", envDict.detail());
            assertEquals(2, envDict.line());
            assertEquals(15, envDict.column(), "at env");
            SkeinException exit = denied(engine, "import os\nos.exit(3)");
            assertTrue(exit.detail().contains("capability exit"), exit.detail());
        }
    }

    @Test void grantedEnvironmentAndExit() {
        try (SkeinEngine engine = SkeinEngine.builder().allowEnvironment().env(Map.of("APP_MODE", "test")).allowExit().build()) {
            assertEquals("test", engine.eval("import os\nos.getenv('APP_MODE')"));
            SkeinException exit = assertThrows(SkeinException.class, () -> engine.eval("import os\nos.exit(3)"));
            assertEquals(3, exit.exitCode());
            assertEquals("Exit", exit.kind());
        }
    }

    @Test void twoEnginesWithDifferentGrantsSideBySide() throws Exception {
        Path f = Files.writeString(dir.resolve("shared.txt"), "both try");
        String code = "import fs\nlet r = none\nfor i in range(200) { r = fs.read_text(" + quoted(f) + ") }\nr";
        try (SkeinEngine trusted = SkeinEngine.builder().allowFiles().build();
             SkeinEngine untrusted = SkeinEngine.builder().build()) {
            SkeinScript forTrusted = trusted.compile("job.skein", code);
            SkeinScript forUntrusted = untrusted.compile("job.skein", code);
            for (int round = 0; round < 5; round++) {
                CompletableFuture<Object> a = CompletableFuture.supplyAsync(() -> forTrusted.run(Map.of()));
                CompletableFuture<Object> b = CompletableFuture.supplyAsync(() -> {
                    try {
                        return forUntrusted.run(Map.of());
                    } catch (SkeinException e) {
                        return e.kind();
                    }
                });
                assertEquals("both try", a.get());
                assertEquals("PermissionError", b.get());
            }
            assertTrue(trusted.capabilities().contains(Capability.FILES));
            assertNull(untrusted.eval("none"));
        }
    }

    private static String quoted(Path p) {
        return "'" + p.toString().replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
