package dev.skein.repl;

/**
 * What the REPL answers to one input. {@code out} is for standard output (a value, a command's
 * listing), {@code err} for standard error (an error report); either may be empty, and each
 * ends with a newline when not empty. Output the code printed itself has already gone to the
 * interpreter's stdout.
 */
public record Reply(Status status, String out, String err, int exitCode) {
    /** {@code MORE}: the input is incomplete, read another line; {@code QUIT}: leave the session. */
    public enum Status { DONE, MORE, QUIT }

    static final Reply NOTHING = new Reply(Status.DONE, "", "", 0);
    static final Reply MORE = new Reply(Status.MORE, "", "", 0);

    static Reply out(String text) { return new Reply(Status.DONE, line(text), "", 0); }

    static Reply err(String text) { return new Reply(Status.DONE, "", line(text), 0); }

    static Reply quit(int exitCode) { return new Reply(Status.QUIT, "", "", exitCode); }

    /** This reply with more standard output after its own. */
    Reply thenOut(String text) { return new Reply(status, out + line(text), err, exitCode); }

    /** This reply with only the first line of its error report (Ctrl-C: the user knows where they stopped it). */
    Reply headlineOnly() {
        int nl = err.indexOf('\n');
        return nl < 0 || nl == err.length() - 1 ? this : new Reply(status, out, err.substring(0, nl + 1), exitCode);
    }

    public boolean isError() { return !err.isEmpty(); }

    private static String line(String text) {
        if (text.isEmpty() || text.endsWith("\n")) return text;
        return text + "\n";
    }
}
