package dev.skein.runtime;

/** Thrown by {@code os.exit(code)}: unwinds the script (finally blocks run) and ends the run with that code. */
public final class ExitRequest extends RuntimeException {
    private final int code;

    public ExitRequest(int code) {
        super("exit " + code, null, false, false);
        this.code = code;
    }

    public int code() { return code; }
}
