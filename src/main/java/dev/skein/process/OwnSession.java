package dev.skein.process;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts worker processes in a session (and process group) of their own, through util-linux
 * {@code setsid}: a Ctrl-C at the terminal signals the terminal's foreground group, which is
 * the REPL or the CLI, and must not kill the workers of tasks the user did not mean to stop.
 * The worker stays the pool's child ({@code setsid} execs in place, keeping the pid) and still
 * exits when its parent goes: its stdin pipe closes and it watches the parent (WorkerMain).
 * Where {@code setsid} is missing (macOS) workers start as before.
 */
final class OwnSession {
    private static final String SETSID = find();

    private OwnSession() {}

    static List<String> wrap(List<String> command) {
        if (SETSID == null) return command;
        List<String> wrapped = new ArrayList<>(command.size() + 1);
        wrapped.add(SETSID);
        wrapped.addAll(command);
        return wrapped;
    }

    private static String find() {
        List<String> dirs = new ArrayList<>(List.of("/usr/bin", "/bin"));
        String path = System.getenv("PATH");
        if (path != null) dirs.addAll(List.of(path.split(File.pathSeparator)));
        for (String dir : dirs) {
            File f = new File(dir, "setsid");
            if (f.isFile() && f.canExecute()) return f.getPath();
        }
        return null;
    }
}
