package dev.skein.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C at any moment after Enter, on a real pseudo-terminal with real SIGINTs (util-linux
 * script turns the typed ^C into one). JLine runs {@code stty} while it restores the terminal
 * after Enter; a {@code stty} that takes 0.15 s (as on a loaded machine) makes the 0.1-0.4 s
 * window in which a Ctrl-C used to kill it, and JLine with it, wide enough to hit every time.
 */
@Timeout(180)
class ReplCtrlCTerminalTest {
    @Test
    void ctrlCRightAfterEnterNeverEndsTheSession(@TempDir Path dir) throws Exception {
        Path slowBin = Files.createDirectories(dir.resolve("slow-bin"));
        Path stty = slowBin.resolve("stty");
        Files.writeString(stty, "#!/bin/bash\nsleep 0.15\nexec /usr/bin/env -u SKEIN_SLOW PATH=\"$SKEIN_REAL_PATH\" stty \"$@\"\n");
        Files.setPosixFilePermissions(stty, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path home = Files.createDirectories(dir.resolve("home"));
        Path envHome = Files.createDirectories(dir.resolve("env-home"));
        String mark = UUID.randomUUID().toString();
        Path launcher = ReplTerminalTest.writeLauncher(dir, home, mark,
                "export SKEIN_REAL_PATH=\"$PATH\"; export PATH=" + ReplTerminalTest.quote(slowBin.toString()) + ":\"$PATH\"",
                "export HOME=" + ReplTerminalTest.quote(envHome.toString()));   // differs from -Duser.home
        try (PseudoTerminal pty = new PseudoTerminal.Script(launcher, dir)) {
            pty.waitFor("skein> ", 90);
            pty.line("let a = 5");
            pty.line("import time");
            pty.line("print('ready')");
            pty.waitForPromptAfter("ready", "skein> ", 30);
            Thread.sleep(1000);   // the prompt is drawn before JLine's stty calls are over

            // Counted from the moment the REPL has read Enter (JLine ends the line on the screen):
            // inside the stty call that restores the terminal, and after it. A Ctrl-C sent before
            // the REPL reads Enter (a loaded machine can delay that by seconds) only clears the
            // line being typed, as it should, so the delays must not start at the typing.
            int[] delaysMs = {0, 50, 150, 300};
            for (int i = 0; i < delaysMs.length; i++) {
                awaitRawMode(mark);
                pty.line("time.sleep(2)");
                waitForCount(pty, "time.sleep(2)\n", i + 1, 30);
                Thread.sleep(delaysMs[i]);
                pty.key("C-c");
                waitForCount(pty, "interrupted (Ctrl-C)", i + 1, 30);
                pty.line("print('alive " + i + "')");
                pty.waitForPromptAfter("alive " + i + "\n", "skein> ", 30);
                Thread.sleep(1000);
            }

            // Ctrl-C still reaches a running entry afterwards (its handler was given back); the
            // entry shows it has started before the Ctrl-C is sent.
            awaitRawMode(mark);
            pty.line("print('sleeping'); time.sleep(60)");
            pty.waitFor("sleeping\n", 30);
            pty.key("C-c");
            pty.waitFor("CancelledError: interrupted (Ctrl-C)", 30);
            pty.line("a * 2");
            pty.waitForPromptAfter("10", "skein> ", 30);   // every name is still defined
            Thread.sleep(1000);
            pty.key("C-d");
            pty.waitFor("[exit 0]", 30);

            String screen = pty.screen();
            assertFalse(screen.contains("Exception") || screen.contains("\tat ") || screen.contains("trace (most recent"), screen);
            assertEquals(delaysMs.length + 1, count(screen, "interrupted (Ctrl-C)"), "one line per Ctrl-C:\n" + screen);
            assertEquals(java.util.List.of(), ReplTerminalTest.processesLeftBehind(mark));
            // History goes under $HOME, not the JVM's user.home.
            assertTrue(Files.readString(envHome.resolve(".skein_history")).contains("let a = 5"));
            assertFalse(Files.exists(home.resolve(".skein_history")));
        }
    }

    /**
     * Waits until the REPL's terminal is in JLine's raw mode (no canonical input), so it reads the
     * next keys itself. Keys typed before that (a loaded machine can take more than a second to
     * finish the previous line's stty calls) are echoed and held by the kernel, and a Ctrl-C then
     * discards them as it should: the test would never have pressed Enter from the REPL's view.
     */
    private static void awaitRawMode(String mark) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (true) {
            List<String> repl = ReplTerminalTest.javaProcessesMarked(mark);
            if (repl.size() == 1) {
                Path tty = Path.of("/proc", repl.get(0).split(" ")[0], "fd", "0").toRealPath();
                Process stty = new ProcessBuilder("stty", "-F", tty.toString(), "-a").redirectErrorStream(true).start();
                String modes = new String(stty.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (stty.waitFor() == 0 && modes.contains("-icanon")) return;
            }
            if (System.nanoTime() > deadline) throw new AssertionError("the REPL's terminal did not enter raw mode within 30 s: " + repl);
            Thread.sleep(20);
        }
    }

    private static void waitForCount(PseudoTerminal pty, String text, int n, int seconds) throws Exception {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (count(pty.screen(), text) < n) {
            if (System.nanoTime() > deadline) throw new AssertionError("'" + text + "' not shown " + n + " times; the screen shows:\n" + pty.screen());
            Thread.sleep(50);
        }
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int at = s.indexOf(part); at >= 0; at = s.indexOf(part, at + 1)) n++;
        return n;
    }
}
