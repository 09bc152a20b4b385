package dev.skein.repl;

import dev.skein.runtime.LoneSurrogates;
import dev.skein.runtime.OutputSink;
import java.io.PrintWriter;
import java.util.concurrent.locks.ReentrantLock;
import org.jline.reader.LineReader;

/**
 * Where the session's {@code print} goes on a terminal. While the user is typing (a background
 * task prints), whole lines are printed above the prompt and the line being edited is redrawn
 * below them; otherwise text goes straight to the terminal.
 */
final class TerminalSink implements OutputSink {
    private final LineReader reader;
    private final PrintWriter terminal;
    private final ReentrantLock lock;
    /** Text without its line end yet, held while the prompt is shown. */
    private final StringBuilder partial = new StringBuilder();

    /** Both sinks of one terminal share {@code lock}, so their lines never interleave. */
    TerminalSink(LineReader reader, ReentrantLock lock) {
        this.reader = reader;
        this.terminal = reader.getTerminal().writer();
        this.lock = lock;
    }

    @Override public void write(String text) {
        text = LoneSurrogates.printable(text);   // the terminal's encoder would make a lone surrogate "?"
        lock.lock();
        try {
            if (reader.isReading()) {
                partial.append(text);
                int end = partial.lastIndexOf("\n");
                if (end >= 0) {
                    reader.printAbove(partial.substring(0, end + 1));
                    partial.delete(0, end + 1);
                }
            } else {
                writePartial();
                terminal.write(text);
                terminal.flush();
            }
        } finally {
            lock.unlock();
        }
    }

    @Override public void flush() {
        lock.lock();
        try {
            if (!reader.isReading()) writePartial();
            terminal.flush();
        } finally {
            lock.unlock();
        }
    }

    private void writePartial() {
        if (partial.isEmpty()) return;
        terminal.write(partial.toString());
        partial.setLength(0);
    }
}
