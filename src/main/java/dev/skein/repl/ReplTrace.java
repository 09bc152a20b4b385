package dev.skein.repl;

import dev.skein.concurrent.TraceRecording;
import dev.skein.runtime.Interpreter;
import java.io.IOException;
import java.nio.file.Path;

/** The REPL's {@code :trace on FILE} / {@code :trace off}: a timeline of the session's tasks, written at off or at exit. */
final class ReplTrace {
    private TraceRecording recording;

    /** {@code :trace [on FILE | off]}. */
    Reply command(Interpreter interp, String arg) {
        String[] parts = arg.split("\\s+", 2);
        switch (parts[0]) {
            case "on" -> {
                if (parts.length < 2 || parts[1].isBlank()) return Reply.err("usage: :trace on FILE");
                String previous = recording == null ? "" : finish() + "\n";
                Path file;
                try {
                    file = Path.of(ReplCommands.unquote(parts[1].strip()));
                } catch (RuntimeException badPath) {
                    return Reply.err("cannot trace to '" + parts[1].strip() + "': " + badPath.getMessage());
                }
                recording = new TraceRecording("skein REPL", file);
                recording.attach(interp);
                return Reply.out(previous + "tracing tasks to " + file + " (:trace off writes it)");
            }
            case "off" -> {
                if (recording == null) return Reply.err("tracing is off; :trace on FILE starts it");
                String said = finish();
                return said.startsWith("cannot") ? Reply.err(said) : Reply.out(said);
            }
            case "" -> {
                return Reply.out(recording == null ? "tracing is off" : "tracing tasks to " + recording.file());
            }
            default -> {
                return Reply.err("usage: :trace on FILE | :trace off");
            }
        }
    }

    /** After {@code :reset}: the new interpreter's tasks go to the same timeline. */
    void reattach(Interpreter old, Interpreter interp) {
        if (recording == null) return;
        recording.detach(old);
        recording.attach(interp);
    }

    /** Writes the trace, if one is being recorded; returns what to tell the user. */
    String finish() {
        TraceRecording r = recording;
        if (r == null) return "";
        recording = null;
        try {
            int events = r.finish();
            return "trace written to " + r.file() + " (" + events + " events; open it in ui.perfetto.dev or chrome://tracing)";
        } catch (IOException e) {
            return r.failure(e);
        }
    }
}
