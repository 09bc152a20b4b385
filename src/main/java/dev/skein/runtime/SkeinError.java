package dev.skein.runtime;

/**
 * The Java exception that carries a Skein error through the interpreter. It records no Java
 * stack trace (it is control flow, and users never see Java frames); the Skein trace lives in
 * the {@link ErrorValue}.
 */
public final class SkeinError extends RuntimeException {
    private final ErrorValue value;

    public SkeinError(ErrorValue value) {
        super(value.headline(), null, false, false);
        this.value = value;
    }

    public ErrorValue value() { return value; }

    public ErrorKind kind() { return value.kind(); }
}
