package dev.skein.embed;

import dev.skein.runtime.ErrorKind;
import dev.skein.runtime.Errors;
import dev.skein.runtime.SkeinError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.NoSuchElementException;
import java.util.concurrent.TimeoutException;

/**
 * How an exception thrown by a host function reaches the script: a {@link SkeinException} keeps
 * its kind; IllegalArgumentException → ValueError, IndexOutOfBoundsException → IndexError,
 * NoSuchElementException → KeyError, ClassCastException and UnsupportedOperationException →
 * TypeError, IOException → IOError, SecurityException → PermissionError, TimeoutException →
 * TimeoutError, InterruptedException → CancelledError; anything else → Error. The Java exception
 * stays attached: if the script does not catch the error, the host's SkeinException has it as
 * its cause.
 */
final class HostErrors {
    private HostErrors() {}

    static SkeinError toSkein(Throwable t, String function) {
        if (t instanceof SkeinException s) return s.toSkeinError();
        if (t instanceof InterruptedException) Thread.currentThread().interrupt();
        String why = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        SkeinError e = of(t, why, "host function '" + function + "' failed: " + t, function);
        e.value().setJavaCause(t);
        return e;
    }

    /**
     * An exception thrown by a method of a host object ({@code Project.setNewProperty}): the same
     * kinds, with the Java class and message in the text, the Java exception remembered as cause.
     */
    static SkeinError fromHostMethod(Throwable t, String method) {
        if (t instanceof SkeinException s) return s.toSkeinError();
        if (t instanceof Error err && !(t instanceof LinkageError)) throw err;   // out of memory, stack overflow: not the script's to catch
        if (t instanceof InterruptedException) Thread.currentThread().interrupt();
        String why = t.getClass().getName() + (t.getMessage() == null ? "" : ": " + t.getMessage()) + " (in " + method + ")";
        SkeinError e = of(t, why, why, method);
        e.value().setJavaCause(t);
        return e;
    }

    private static SkeinError of(Throwable t, String why, String otherwise, String function) {
        return switch (t) {
            case IllegalArgumentException x -> Errors.value(why);
            case IndexOutOfBoundsException x -> Errors.index(why);
            case NoSuchElementException x -> Errors.key(why);
            case ClassCastException x -> Errors.type(why);
            case UnsupportedOperationException x -> Errors.type(why);
            case IOException x -> Errors.io(why);
            case UncheckedIOException x -> Errors.io(why);
            case SecurityException x -> Errors.permission(why);
            case TimeoutException x -> Errors.timeout(why);
            case InterruptedException x -> Errors.cancelled("host function '" + function + "' was interrupted");
            default -> Errors.of(ErrorKind.ERROR, otherwise);
        };
    }
}
