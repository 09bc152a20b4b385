package dev.skein.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end: the real {@code skein} program (this build's classes and dependencies, launched
 * with the test JVM's own java) in a pseudo-terminal, driven by keystrokes (tmux, or util-linux
 * script; without either the test fails).
 */
@Timeout(180)
class ReplTerminalTest {
    /** The pool the session submits to. Switch to "processes(2)" once Compiler stops registering <main> as "file:1:1" (it then passes). */
    static final String POOL = "processes(2)";

    @Test
    void aSessionAtTheTerminal(@TempDir Path dir) throws Exception {
        String mark = UUID.randomUUID().toString();
        Path home = Files.createDirectories(dir.resolve("home"));
        Path script = writeLauncher(dir, home, mark);
        try (PseudoTerminal pty = PseudoTerminal.start(script, dir)) {
            pty.waitFor("skein> ", 90);

            // A function typed over several lines: the continuation prompt comes from the parser.
            pty.line("fn square(x) {");
            pty.waitFor("  ...> ", 10);
            pty.line("return x * x");                 // the continuation line starts indented
            pty.waitFor("  ...>     return x * x", 10);
            pty.line("}");
            // Tab completes a name defined at the prompt.
            pty.type("squ");
            pty.key("Tab");
            pty.line("(12)");
            pty.waitFor("144", 20);

            // A pool that lives across inputs, a submit, and a top-level await.
            pty.line("let pool = " + POOL);
            pty.line("let f = submit square(25) to pool");
            pty.line("await f");
            pty.waitFor("625", 30);

            // Ctrl-C during a long task stops the evaluation and the task; the session goes on.
            pty.line("fn spin() { while true {} }");
            pty.line("await (submit spin() to pool)");
            Thread.sleep(1500);
            pty.key("C-c");
            pty.waitFor("CancelledError: interrupted (Ctrl-C)", 20);
            pty.line(":tasks");
            pty.waitFor("no pending or running tasks", 20);
            pty.line("square(11) + _");
            pty.waitForPromptAfter("746", "skein> ", 20);   // 121 + 625: `_` still holds the last value shown

            // Ctrl-C reaches only the running input: a task of an earlier input goes on (its worker
            // process is in a process group of its own, which the terminal's SIGINT does not reach).
            pty.line("import time");
            pty.line("fn later(x) { time.sleep(4); return x * 2 }");
            pty.line("let bg = submit later(21) to pool");
            pty.line("time.sleep(30)");
            Thread.sleep(1500);
            pty.key("C-c");
            pty.waitFor("(1 task submitted by earlier inputs still running", 20);
            pty.line(":tasks");
            pty.waitFor("submitted at", 20);   // the task is listed, still running
            pty.line("await bg");
            pty.waitForPromptAfter("42", "skein> ", 30);

            // Ctrl-D leaves: every pool is shut down and the program exits 0.
            pty.key("C-d");
            pty.waitFor("[exit 0]", 30);

            String screen = pty.screen();
            assertFalse(screen.contains("Exception") || screen.contains("\tat "), screen);
            assertEquals(List.of(), processesLeftBehind(mark), "processes left running");   // workers included
            String history = Files.readString(home.resolve(".skein_history"), StandardCharsets.UTF_8);
            assertTrue(history.contains("let f = submit square(25) to pool"), history);
        }
    }

    /**
     * A bash script running the program the way bin/skein does, with a private home (for the
     * history file) and a mark in the environment that any worker process inherits.
     */
    static Path writeLauncher(Path dir, Path home, String mark) throws IOException {
        return writeLauncher(dir, home, mark, "export HOME=" + quote(home.toString()));
    }

    /** The same, with {@code setup} (shell lines) run before the program starts. */
    static Path writeLauncher(Path dir, Path home, String mark, String... setup) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String text = String.join("\n",
                "export SKEIN_TEST_MARK=" + quote(mark),
                "export TERM=${TERM:-xterm-256color}; [ \"$TERM\" = dumb ] && export TERM=xterm-256color",
                "stty cols 120 rows 50 2>/dev/null",
                String.join("\n", setup),
                quote(java) + " -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Duser.home=" + quote(home.toString())
                        + " -cp " + quote(classPath) + " dev.skein.cli.Main",
                "echo \"[exit $?]\"",
                "sleep 60",
                "");
        Path script = dir.resolve("run-skein.sh");
        Files.writeString(script, text);
        return script;
    }

    static String quote(String s) { return "'" + s.replace("'", "'\\''") + "'"; }

    /** Java processes that carry this run's mark (worker processes would) and are still alive after a few seconds. */
    static List<String> processesLeftBehind(String mark) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;   // a worker may take a moment to see its parent go
        List<String> left = javaProcessesMarked(mark);
        while (!left.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
            left = javaProcessesMarked(mark);
        }
        return left;
    }

    static List<String> javaProcessesMarked(String mark) {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().command().map(c -> c.endsWith("java")).orElse(false))
                .filter(p -> environmentHas(p.pid(), mark))
                .map(p -> p.pid() + " " + p.info().commandLine().orElse("?"))
                .toList();
    }

    private static boolean environmentHas(long pid, String mark) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", String.valueOf(pid), "environ")), StandardCharsets.UTF_8)
                    .contains("SKEIN_TEST_MARK=" + mark);
        } catch (IOException | RuntimeException unreadable) {
            return false;
        }
    }
}
