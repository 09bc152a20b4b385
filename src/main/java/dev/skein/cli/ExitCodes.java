package dev.skein.cli;

/** The process exit codes of the {@code skein} command. */
public final class ExitCodes {
    private ExitCodes() {}

    public static final int OK = 0;
    /** An uncaught runtime error. */
    public static final int RUNTIME_ERROR = 1;
    /** Bad command-line usage, or a syntax or name error found before running. */
    public static final int USAGE = 2;
    /** Stopped by Ctrl-C (SIGINT). */
    public static final int INTERRUPTED = 130;
}
