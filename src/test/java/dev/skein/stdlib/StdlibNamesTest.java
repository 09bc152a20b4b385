package dev.skein.stdlib;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.skein.runtime.Interpreter;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The static name lists `skein check` uses match the library an interpreter really gets. */
class StdlibNamesTest {
    @Test void namesMatchTheInstalledLibrary() {
        Interpreter interp = Stdlib.install(Interpreter.builder()).build();
        assertEquals(sorted(interp.builtins().keySet()), sorted(StdlibNames.BUILTINS));
        assertEquals(sorted(interp.stdModuleNames()), sorted(StdlibNames.MODULES));
    }

    private static Set<String> sorted(Set<String> names) { return new TreeSet<>(names); }
}
