package dev.skein.interp;

import dev.skein.runtime.Interpreter;
import java.util.Set;

/**
 * The names a program may use without declaring them: the engine's builtins and its standard
 * modules. From a built interpreter, or from a static list when nothing is to run ({@code skein check}).
 */
public record KnownNames(Set<String> builtins, Set<String> stdModules) {
    public static KnownNames of(Interpreter interp) { return new KnownNames(interp.builtins().keySet(), interp.stdModuleNames()); }
}
