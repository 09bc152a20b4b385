package dev.skein.stdlib;

import dev.skein.runtime.Builtin;
import dev.skein.runtime.ErrorKind;
import dev.skein.runtime.Interpreter;

/**
 * The builtin functions every module sees (print, len, range, …) and the built-in error kinds.
 * The functions live in small themed classes; this one only registers them.
 */
public final class Builtins {
    private Builtins() {}

    public static void install(Interpreter.Builder b) {
        ErrorKind.BUILTIN.forEach(b::builtin);
        HostBuiltins.install(b);
        ConversionBuiltins.install(b);
        IntrospectionBuiltins.install(b);
        HelpBuiltins.install(b);
        NumericBuiltins.install(b);
        IterationBuiltins.install(b);
        AggregateBuiltins.install(b);
    }

    /** Registers one builtin function under its own name. */
    static void def(Interpreter.Builder b, String name, String spec, Builtin.Body body) {
        b.builtin(name, new Builtin(name, spec, body));
    }

    /** Registers a builtin of one parameter, its body taking it directly (no array). */
    static void def1(Interpreter.Builder b, String name, String spec, Builtin.Body1 body) { def(b, name, spec, body); }

    /** Registers a builtin of two parameters, its body taking them directly. */
    static void def2(Interpreter.Builder b, String name, String spec, Builtin.Body2 body) { def(b, name, spec, body); }

    /** Registers a builtin of three parameters, its body taking them directly. */
    static void def3(Interpreter.Builder b, String name, String spec, Builtin.Body3 body) { def(b, name, spec, body); }
}
