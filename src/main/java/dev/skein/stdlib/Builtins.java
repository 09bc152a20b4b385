package dev.skein.stdlib;

import dev.skein.runtime.Interpreter;

/** The builtin functions every module sees: print, len, range, … and the error kinds. */
public final class Builtins {
    private Builtins() {}

    public static void install(Interpreter.Builder b) {
        dev.skein.runtime.ErrorKind.BUILTIN.forEach(b::builtin);
    }
}
