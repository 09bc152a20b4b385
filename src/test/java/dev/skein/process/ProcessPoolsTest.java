package dev.skein.process;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.skein.runtime.Interpreter;
import org.junit.jupiter.api.Test;

/** The names `skein check` knows from the process layer are what it registers. */
class ProcessPoolsTest {
    @Test void namesMatchWhatIsRegistered() {
        Interpreter interp = ProcessPools.install(Interpreter.builder()).build();
        assertEquals(ProcessPools.NAMES, interp.builtins().keySet());
    }
}
