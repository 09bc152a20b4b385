package dev.skein.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Whether the process's standard streams are terminals (Linux: where /proc/self/fd/N points). */
final class Terminals {
    private Terminals() {}

    static boolean stderrIsTerminal() { return isTerminal(2); }

    static boolean isTerminal(int fd) {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (Exception notLinux) {
            return fd == 1 && System.console() != null;
        }
    }
}
