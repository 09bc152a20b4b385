package dev.skein.runtime;

/** Short factories for the errors the runtime raises. Each returns the exception to throw. */
public final class Errors {
    private Errors() {}

    public static SkeinError of(ErrorKind kind, String message) {
        return new SkeinError(new ErrorValue(kind, message, null));
    }

    /** A limit error (time, steps, memory, cancellation of the thread itself): no catch takes it. */
    public static SkeinError limit(ErrorKind kind, String message) { return of(kind, message).asLimit(); }

    public static SkeinError type(String m) { return of(ErrorKind.TYPE, m); }
    public static SkeinError value(String m) { return of(ErrorKind.VALUE, m); }
    public static SkeinError name(String m) { return of(ErrorKind.NAME, m); }
    public static SkeinError index(String m) { return of(ErrorKind.INDEX, m); }
    public static SkeinError key(String m) { return of(ErrorKind.KEY, m); }
    public static SkeinError attribute(String m) { return of(ErrorKind.ATTRIBUTE, m); }
    public static SkeinError zeroDivision(String m) { return of(ErrorKind.ZERO_DIVISION, m); }
    public static SkeinError overflow(String m) { return of(ErrorKind.OVERFLOW, m); }
    public static SkeinError memory(String m) { return of(ErrorKind.MEMORY, m); }

    /** A value nested too deeply for the thread's stack (built by a loop) met a recursive operation: {@code what}. */
    public static SkeinError tooDeep(String what) {
        return of(ErrorKind.RECURSION, "maximum recursion depth exceeded in " + what + " (a value nested too deeply for the thread's stack)");
    }
    public static SkeinError io(String m) { return of(ErrorKind.IO, m); }
    public static SkeinError timeout(String m) { return of(ErrorKind.TIMEOUT, m); }
    public static SkeinError cancelled(String m) { return of(ErrorKind.CANCELLED, m); }
    public static SkeinError permission(String m) { return of(ErrorKind.PERMISSION, m); }
}
