package dev.skein.repl;

import java.io.IOError;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;

/**
 * Puts the terminal right after JLine failed half-way through a line. Without a native
 * terminal library JLine runs {@code stty} before and after each line; a Ctrl-C that lands
 * on it kills that child (it is in the terminal's foreground group), and JLine then throws out
 * of its clean-up before it gives back our Ctrl-C handler and the terminal's cooked mode. This
 * restores both, so the next line and the next Ctrl-C work as before. A terminal that keeps
 * failing (it is gone) ends the session instead of looping.
 */
final class TerminalRecovery {
    /** Failures in a row without a line read in between before the terminal counts as gone. */
    static final int GIVE_UP_AFTER = 5;

    private final Terminal terminal;
    private final Terminal.SignalHandler onCtrlC;
    private final Attributes cooked;
    private int failuresInARow;

    TerminalRecovery(Terminal terminal, Terminal.SignalHandler onCtrlC) {
        this.terminal = terminal;
        this.onCtrlC = onCtrlC;
        this.cooked = terminal.getAttributes();   // the mode between lines, as the session started
    }

    void lineRead() { failuresInARow = 0; }

    /** Repairs after {@code failure}; false when the terminal keeps failing. */
    boolean recover(IOError failure) {
        if (++failuresInARow >= GIVE_UP_AFTER) return false;
        terminal.handle(Terminal.Signal.INT, onCtrlC);
        terminal.handle(Terminal.Signal.WINCH, Terminal.SignalHandler.SIG_DFL);
        terminal.handle(Terminal.Signal.CONT, Terminal.SignalHandler.SIG_DFL);
        for (int attempt = 0; attempt < 3; attempt++) {   // a second Ctrl-C may hit this stty too
            try {
                terminal.setAttributes(cooked);
                break;
            } catch (IOError again) {
                Thread.interrupted();
            }
        }
        Thread.interrupted();   // a Ctrl-C during the repair was for the lost input
        return true;
    }

    static String reason(IOError e) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
