package dev.skein.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Workers live in a session and process group of their own, so the terminal's Ctrl-C (a SIGINT
 * to its foreground group) does not reach them, and they are still this process's children.
 * The REPL's end-to-end check with a real Ctrl-C is ReplTerminalTest.
 */
@Timeout(120)
class WorkerSessionTest {
    @Test
    void aWorkerLeadsItsOwnSessionAndIsStillOurChild() throws Exception {
        try (ScriptSession s = new ScriptSession("own_session")) {
            s.ok("import os\nlet pool = processes(1)\nlet pid = await (submit os.getpid() to pool)");
            long pid = (Long) s.global("pid");
            assertEquals(s.workerPids("pool"), List.of(pid));
            String[] stat = stat(pid);
            String[] ours = stat(ProcessHandle.current().pid());
            assertEquals(String.valueOf(pid), stat[4], "the worker leads its process group");
            assertEquals(String.valueOf(pid), stat[5], "and its session");
            assertNotEquals(ours[4], stat[4], "not the group a terminal's Ctrl-C signals");
            assertEquals(String.valueOf(ProcessHandle.current().pid()), stat[3], "still our child");
            s.ok("pool.shutdown()");
        }
    }

    /** Fields of /proc/PID/stat after the command name: [0]=pid ... [3]=ppid, [4]=pgrp, [5]=session. */
    private static String[] stat(long pid) throws Exception {
        String text = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
        String afterName = text.substring(text.lastIndexOf(')') + 2);
        String[] rest = afterName.split(" ");
        String[] out = new String[rest.length + 2];
        out[0] = String.valueOf(pid);
        out[1] = "(name)";
        System.arraycopy(rest, 0, out, 2, rest.length);
        return out;
    }
}
