package dev.skein.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line: options, exit codes, stdin scripts, {@code check}. */
class MainTest {
    record Result(int code, String out, String err) {}

    static Result run(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = Main.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test void versionAndHelp() {
        Result v = run("", "--version");
        assertEquals(0, v.code());
        assertTrue(v.out().startsWith("skein "), v.out());
        Result h = run("", "--help");
        assertEquals(0, h.code());
        assertTrue(h.out().contains("Exit codes"), h.out());
    }

    @Test void unknownOptionIsAUsageError() {
        Result r = run("", "--no-such-option");
        assertEquals(ExitCodes.USAGE, r.code());
        assertTrue(r.err().contains("--no-such-option"), r.err());
    }

    @Test void missingFileIsAUsageError() {
        Result r = run("", "no/such/file.skein");
        assertEquals(ExitCodes.USAGE, r.code());
        assertTrue(r.err().contains("cannot read 'no/such/file.skein'"), r.err());
    }

    @Test void pipedInputRunsAsAScript() {
        Result r = run("print(1 + 1)\n");
        assertEquals(0, r.code(), r.err());
        assertEquals("2\n", r.out());
        Result dash = run("print('dash')\n", "-");
        assertEquals("dash\n", dash.out());
    }

    @Test void runtimeErrorExitsWithOneAndNoJavaTrace() {
        Result r = run("let x = 1 / 0\n", "-");
        assertEquals(ExitCodes.RUNTIME_ERROR, r.code());
        assertTrue(r.err().startsWith("<stdin>:1:11: ZeroDivisionError"), r.err());
        assertTrue(!r.err().contains("at dev.skein"), r.err());
    }

    @Test void checkReportsEverySyntaxAndNameErrorWithoutRunning(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.skein");
        Files.writeString(bad, "print(\"ran\")\ny = 1\nprint(zz)\nlet = 2\n");
        Result r = run("", "check", bad.toString());
        assertEquals(ExitCodes.USAGE, r.code());
        assertEquals("", r.out());
        assertTrue(r.err().contains(":4:5: SyntaxError"), r.err());
        Path names = dir.resolve("names.skein");
        Files.writeString(names, "print(\"ran\")\ny = 1\nprint(zz)\n");
        Result n = run("", "check", names.toString());
        assertEquals(ExitCodes.USAGE, n.code());
        assertTrue(n.err().contains(":2:1: NameError"), n.err());
        assertTrue(n.err().contains(":3:7: NameError"), n.err());
        Path good = dir.resolve("good.skein");
        Files.writeString(good, "print(1)\n");
        Result g = run("", "check", good.toString());
        assertEquals(0, g.code(), g.err());
        assertTrue(g.out().contains("ok"));
    }

    @Test void scriptArgumentsReachOsArgs() {
        Result r = run("import os\nprint(os.args)\n", "-", "a", "--flag");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("'a', '--flag'"), r.out());
    }

    // `skein FILE ARGS…` takes a fast path past picocli; it must mean exactly what picocli parses.
    @Test void aScriptFileGetsEveryLaterArgumentEvenOptionLikeOnes(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("args.skein");
        Files.writeString(script, "import os\nprint(os.args)\n");
        Result r = run("", script.toString(), "a", "--recursion-limit=5", "-V", "check");
        assertEquals(0, r.code(), r.err());
        assertEquals("['a', '--recursion-limit=5', '-V', 'check']\n", r.out());
        Result limited = run("", "--recursion-limit=50", script.toString(), "x");
        assertEquals(0, limited.code(), limited.err());
        assertEquals("['x']\n", limited.out());
    }

    // The leading options in their plain spellings take the fast path too; each must act.
    @Test void plainLeadingOptionsActOnTheFastPath(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("deep.skein");
        Files.writeString(script, "fn down(n) { return down(n + 1) }\ndown(0)\n");
        for (String[] options : new String[][] {{"--recursion-limit", "50"}, {"--recursion-limit=50"}, {"--no-compile", "--recursion-limit", "50"}}) {
            String[] line = java.util.Arrays.copyOf(options, options.length + 1);
            line[options.length] = script.toString();
            Result r = run("", line);
            assertEquals(1, r.code(), r.err());
            assertTrue(r.err().contains("RecursionError: maximum recursion depth exceeded (limit 50)"), r.err());
        }
        Result bad = run("", "--recursion-limit", "abc", script.toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("Invalid value for option '--recursion-limit'"), bad.err());
    }
}
