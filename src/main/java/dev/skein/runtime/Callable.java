package dev.skein.runtime;

/**
 * Anything a Skein call expression can call: script functions, builtins, record types, error kinds.
 *
 * <p>Calling convention: {@code args} holds the positional arguments followed by the keyword
 * arguments' values; {@code kwNames} is null when there are no keyword arguments, otherwise it
 * names the last {@code kwNames.length} entries of {@code args}. Implementations must be safe to
 * call from many threads at once.
 */
public interface Callable {
    Object call(ThreadState ts, Object[] args, String[] kwNames);

    /** The name shown in traces and reprs. */
    String name();

    /** The parameter list as text (what {@code help} shows), or null when it is not known. */
    default String parameters() { return null; }

    /** The object it is a method of, for a method bound to an object of the host's; else null. */
    default Object receiver() { return null; }

    /** Where it was defined ({@code file:line}), or null for builtins. */
    default String definedAt() { return null; }
}
