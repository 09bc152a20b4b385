package dev.skein.stdlib.modules;

/**
 * Thrown by {@code os.exit(code)}: unwinds the script (finally blocks run, {@code catch} clauses
 * do not see it, since it is not a Skein error) up to the host, which exits with {@link #code()}.
 */
public final class ExitRequest extends RuntimeException {
    private final int code;

    public ExitRequest(int code) {
        super("exit(" + code + ")", null, false, false);
        this.code = code;
    }

    /** The process exit status the script asked for. */
    public int code() { return code; }
}
