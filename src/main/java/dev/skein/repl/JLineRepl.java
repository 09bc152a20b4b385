package dev.skein.repl;

import dev.skein.runtime.Interpreter;
import dev.skein.runtime.OutputSink;
import java.io.IOError;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiFunction;
import org.jline.reader.Candidate;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;

/**
 * The REPL on a terminal: JLine line editing with persistent history ({@code ~/.skein_history}),
 * Tab completion, highlighting, a continuation prompt decided by the parser, Ctrl-C that stops
 * the running input (or clears the line being typed), and Ctrl-D or {@code :quit} to leave.
 * Everything else is the terminal-free {@link ReplSession}.
 */
public final class JLineRepl {
    static final String PROMPT = "skein> ";
    static final String CONTINUATION = "  ...> ";
    static final String HISTORY_FILE = ".skein_history";

    private JLineRepl() {}

    /**
     * Runs the REPL on the process's terminal until the user leaves; returns the exit status.
     * {@code newInterpreter} builds an interpreter printing to the given stdout and stderr sinks.
     */
    public static int run(BiFunction<OutputSink, OutputSink, Interpreter> newInterpreter, String version) throws IOException {
        Terminal terminal = TerminalBuilder.builder().system(true).name("skein").build();
        boolean colour = !Terminal.TYPE_DUMB.equals(terminal.getType()) && !Terminal.TYPE_DUMB_COLOR.equals(terminal.getType())
                && System.getenv("NO_COLOR") == null;
        AtomicReference<ReplSession> session = new AtomicReference<>();
        LineReaderBuilder builder = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("skein")
                .parser(new JLineParser())
                .completer((reader, line, candidates) -> {
                    for (String c : session.get().complete(line.line(), line.cursor())) {
                        candidates.add(new Candidate(c, c, null, null, null, null, false));
                    }
                })
                .variable(LineReader.HISTORY_FILE, homeDirectory().resolve(HISTORY_FILE))
                .variable(LineReader.HISTORY_FILE_SIZE, 10_000)
                .variable(LineReader.SECONDARY_PROMPT_PATTERN, colour ? "\u001b[2m" + CONTINUATION + "\u001b[0m" : CONTINUATION)
                .variable(LineReader.BLINK_MATCHING_PAREN, 0)
                .variable(LineReader.INDENTATION, 4)                         // continuation lines start indented per open bracket
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)   // '!' is an operator, not a history reference
                .option(LineReader.Option.INSERT_TAB, true)                // Tab on a blank line indents
                .option(LineReader.Option.AUTO_FRESH_LINE, true);
        if (colour) builder.highlighter(new ReplHighlighter());
        LineReader reader = builder.build();
        // JLine calls this once Enter has accepted a whole input. A Ctrl-C between then and
        // readLine's return surfaces as UserInterruptException like one at a line being typed:
        // the flag tells the two apart, so an accepted input is reported as not run, not dropped.
        AtomicBoolean accepted = new AtomicBoolean();
        reader.getWidgets().put(LineReader.CALLBACK_FINISH, () -> { accepted.set(true); return true; });

        ReentrantLock outputLock = new ReentrantLock();
        OutputSink out = new TerminalSink(reader, outputLock);
        OutputSink err = new TerminalSink(reader, outputLock);
        session.set(new ReplSession(() -> newInterpreter.apply(out, err)));
        AtomicBoolean interrupted = new AtomicBoolean();
        Terminal.SignalHandler onCtrlC = signal -> {   // JLine takes INT over while reading
            if (session.get().cancel()) interrupted.set(true);
        };
        terminal.handle(Terminal.Signal.INT, onCtrlC);
        TerminalRecovery recovery = new TerminalRecovery(terminal, onCtrlC);

        PrintWriter screen = terminal.writer();
        screen.println(version + " — type :help for help, Ctrl-D to leave");
        String prompt = colour ? new AttributedString(PROMPT, AttributedStyle.BOLD.foreground(AttributedStyle.GREEN)).toAnsi(terminal) : PROMPT;
        int status = 0;
        try {
            while (true) {
                String input;
                session.get().expectInput();
                accepted.set(false);
                try {
                    input = reader.readLine(prompt);
                    recovery.lineRead();
                } catch (UserInterruptException ctrlC) {
                    if (accepted.get()) screen.println(ReplSession.NOT_RUN);   // Enter was read: say so
                    continue;   // the line being typed is dropped
                } catch (EndOfFileException ctrlD) {
                    screen.println();
                    break;
                } catch (IOError failed) {
                    // A Ctrl-C just after Enter can kill JLine's stty call; the input is lost with it.
                    if (!recovery.recover(failed)) {
                        screen.println("skein: the terminal stopped working: " + TerminalRecovery.reason(failed));
                        status = 1;
                        break;
                    }
                    screen.println(ReplSession.NOT_RUN);
                    continue;
                }
                if (Thread.interrupted()) session.get().interruptNextInput();   // Ctrl-C while JLine restored the terminal
                interrupted.set(false);
                Reply reply = session.get().submit(input);
                if (interrupted.get()) screen.println();   // after the terminal's "^C"
                show(reply, screen, colour);
                if (reply.status() == Reply.Status.QUIT) {
                    status = reply.exitCode();
                    break;
                }
            }
        } finally {
            session.get().close();
            saveHistory(reader);
            screen.flush();
            terminal.close();
        }
        return status;
    }

    /** The user's home: {@code $HOME} when set (the JVM's {@code user.home} may differ, e.g. under sudo), else {@code user.home}. */
    static Path homeDirectory() {
        String home = System.getenv("HOME");
        return Path.of(home != null && !home.isBlank() ? home : System.getProperty("user.home"));
    }

    /** The error report first (its headline in red), then standard output: a value, a listing, a note. */
    private static void show(Reply reply, PrintWriter screen, boolean colour) {
        if (!reply.err().isEmpty()) {
            if (colour) {
                String[] lines = reply.err().split("\n", 2);
                screen.print("\u001b[31m" + lines[0] + "\u001b[0m\n" + (lines.length > 1 ? lines[1] : ""));
            } else {
                screen.print(reply.err());
            }
        }
        screen.print(reply.out());
        screen.flush();
    }

    private static void saveHistory(LineReader reader) {
        try {
            reader.getHistory().save();
        } catch (IOException | RuntimeException unwritable) {
            // A read-only home directory costs the history, not the session.
        }
    }
}
