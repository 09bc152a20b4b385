package dev.skein.repl;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A program running in a pseudo-terminal that a test types into and reads the screen of:
 * with tmux (a real screen: what a user sees) or, without tmux, with util-linux {@code script}
 * (the output stream with escape sequences removed).
 */
abstract class PseudoTerminal implements AutoCloseable {
    /** Named keys: "Enter", "Tab", "C-c", "C-d". */
    abstract void key(String key) throws IOException;

    /** Types text as it is. */
    abstract void type(String text) throws IOException;

    /** Everything shown so far (plain text). */
    abstract String screen() throws IOException;

    @Override public abstract void close();

    /** Types a line and Enter. */
    void line(String text) throws IOException {
        type(text);
        key("Enter");
    }

    /** Waits until the screen shows {@code text}; fails with the screen after {@code seconds}. */
    void waitFor(String text, int seconds) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        String shown = screen();
        while (!shown.contains(text)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the screen did not show '" + text + "' within " + seconds + " s; it shows:\n" + shown);
            }
            Thread.sleep(50);
            shown = screen();
        }
    }

    /**
     * Waits until {@code text} is shown and a prompt after it: the program reads keys again (a
     * control key sent before that could reach the terminal while it is not in raw mode).
     */
    void waitForPromptAfter(String text, String prompt, int seconds) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (true) {
            String shown = screen();
            int at = shown.lastIndexOf(text);
            if (at >= 0 && shown.indexOf(prompt, at + text.length()) >= 0) return;
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no prompt after '" + text + "' within " + seconds + " s; the screen shows:\n" + shown);
            }
            Thread.sleep(50);
        }
    }

    /**
     * Runs {@code bash script} in a new pseudo-terminal, with tmux if installed, else with script
     * (util-linux, in Debian's bsdutils, which is Essential: always installed there).
     * {@code -Dskein.test.pty=script} picks script even when tmux exists.
     */
    static PseudoTerminal start(Path script, Path workDir) throws IOException, InterruptedException {
        boolean preferScript = "script".equals(System.getProperty("skein.test.pty"));
        if (onPath("tmux") && !preferScript) return new Tmux(script, workDir);
        if (onPath("script")) return new Script(script, workDir);
        throw new AssertionError("a terminal test needs tmux or util-linux script on PATH; neither is (on Debian, script is in the essential package bsdutils)");
    }

    static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
            if (new File(dir, program).canExecute()) return true;
        }
        return false;
    }

    // ------------------------------------------------------------------ tmux

    /** A detached tmux session on a private server socket. */
    static final class Tmux extends PseudoTerminal {
        private final String socket = "skein-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime();

        Tmux(Path script, Path workDir) throws IOException, InterruptedException {
            tmux("-f", "/dev/null", "new-session", "-d", "-s", "repl", "-x", "120", "-y", "50",
                    "-c", workDir.toString(), "bash " + script);
        }

        @Override void key(String key) throws IOException { tmux("send-keys", "-t", "repl", key); }

        @Override void type(String text) throws IOException { tmux("send-keys", "-t", "repl", "-l", text); }

        @Override String screen() throws IOException { return tmux("capture-pane", "-p", "-J", "-t", "repl", "-S", "-2000"); }

        @Override public void close() {
            try {
                tmux("kill-server");
            } catch (IOException ignored) {
                // already gone
            }
        }

        private String tmux(String... args) throws IOException {
            List<String> cmd = new ArrayList<>(List.of("tmux", "-L", socket));
            cmd.addAll(List.of(args));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            try {
                if (!p.waitFor(20, TimeUnit.SECONDS)) p.destroyForcibly();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return out;
        }
    }

    // ------------------------------------------------------------------ script

    /** util-linux {@code script}: a pty whose keys are written to its input and output read from its output. */
    static final class Script extends PseudoTerminal {
        private final Process process;
        private final OutputStream keys;
        private final StringBuffer output = new StringBuffer();

        Script(Path script, Path workDir) throws IOException {
            process = new ProcessBuilder("script", "-qfec", "bash " + script, "/dev/null")
                    .directory(workDir.toFile()).redirectErrorStream(true).start();
            keys = process.getOutputStream();
            Thread reader = new Thread(() -> {
                try (InputStream in = process.getInputStream()) {
                    byte[] buf = new byte[4096];
                    for (int n; (n = in.read(buf)) > 0; ) output.append(new String(buf, 0, n, StandardCharsets.UTF_8));
                } catch (IOException ended) {
                    // the program is gone
                }
            }, "pty-reader");
            reader.setDaemon(true);
            reader.start();
        }

        @Override void key(String key) throws IOException {
            type(switch (key) {
                case "Enter" -> "\r";
                case "Tab" -> "\t";
                case "C-c" -> "\u0003";
                case "C-d" -> "\u0004";
                default -> throw new IllegalArgumentException(key);
            });
        }

        @Override void type(String text) throws IOException {
            keys.write(text.getBytes(StandardCharsets.UTF_8));
            keys.flush();
        }

        @Override String screen() {
            return output.toString()
                    .replaceAll("\u001b\\[[0-9;?]*[ -/]*[@-~]", "")   // CSI sequences (colours, cursor moves)
                    .replaceAll("\u001b[\\]P][^\u0007\u001b]*(\u0007|\u001b\\\\)", "")   // OSC / DCS strings
                    .replaceAll("\u001b[()][0-9A-Za-z]", "")   // character set choice
                    .replaceAll("\u001b[=>78]", "")                // keypad modes, cursor save/restore
                    .replace("\r", "");
        }

        @Override public void close() {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }
}
