package dev.skein.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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

            int[] delaysMs = {100, 200, 300, 400};
            for (int i = 0; i < delaysMs.length; i++) {
                pty.line("time.sleep(2)");
                Thread.sleep(delaysMs[i]);
                pty.key("C-c");
                waitForCount(pty, "interrupted (Ctrl-C)", i + 1, 30);
                pty.line("print('alive " + i + "')");
                pty.waitForPromptAfter("alive " + i + "\n", "skein> ", 30);
                Thread.sleep(1000);
            }

            // Ctrl-C still reaches a running entry afterwards (its handler was given back).
            pty.line("time.sleep(60)");
            Thread.sleep(2500);
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
