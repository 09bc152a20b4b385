package dev.skein.stdlib;

import dev.skein.runtime.Interpreter;
import dev.skein.stdlib.modules.Modules;

/** Installs the whole standard library into an interpreter being built. */
public final class Stdlib {
    private Stdlib() {}

    public static Interpreter.Builder install(Interpreter.Builder b) {
        b.typeMethods(TypeMethods::find);
        Builtins.install(b);
        Modules.install(b);
        dev.skein.concurrent.ConcurrencyBuiltins.install(b);
        return b;
    }
}
