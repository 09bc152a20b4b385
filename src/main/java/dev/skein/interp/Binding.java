package dev.skein.interp;

/**
 * What one occurrence of a name means, as the {@link Resolver} decided it: everything a code
 * generator needs to read or write the variable without looking the name up at run time.
 *
 * <p>Records kept free of equals/hashCode use: they are only read, never compared (a record's
 * equals/hashCode are linked at first use, which costs every cold start).
 */
sealed interface Binding {
    /**
     * A slot of the running function's frame. {@code cell}: closures capture it, so the slot holds
     * a {@link Cell}. {@code fresh}: this site declares the variable ({@code let}, a loop variable,
     * a catch binding), so a captured one gets a new cell each time it runs.
     */
    record Local(int slot, boolean cell, boolean fresh) implements Binding {}

    /** A cell the running function captured from an enclosing one: index into its captures. */
    record Captured(int index) implements Binding {}

    /** A global of the module (declared by the program, earlier code, or the host). */
    record Global(String name) implements Binding {}

    /** A builtin of the engine (print, len, ValueError, host functions, …). */
    record Builtin(String name) implements Binding {}

    /** Declared nowhere: the resolver reported an error here. */
    record Undeclared(String name) implements Binding {}
}
