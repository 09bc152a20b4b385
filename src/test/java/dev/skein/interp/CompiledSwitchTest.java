package dev.skein.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skein.embed.SkeinEngine;
import dev.skein.runtime.Interpreter;
import dev.skein.runtime.ThreadState;
import dev.skein.stdlib.Stdlib;
import dev.skein.syntax.Source;
import org.junit.jupiter.api.Test;

/** The compiler is a setting of each engine: on by default, off keeps every function on the node tree. */
class CompiledSwitchTest {
    private static final String SCRIPT = "fn f(x) {\n    let s = 0\n    for k in range(x) { s += k }\n    return s\n}\nf(10)\n";

    @Test
    void anEngineCompilesByDefaultAndNotWhenSwitchedOff() {
        assertNotNull(codeOfF(Stdlib.install(Interpreter.builder())).compiled);
        assertNull(codeOfF(Stdlib.install(Interpreter.builder()).compile(false)).compiled);
    }

    @Test
    void twoEnginesInOneJvmEachFollowTheirOwnSetting() {
        Code on = codeOfF(Stdlib.install(Interpreter.builder()).compile(true));
        Code off = codeOfF(Stdlib.install(Interpreter.builder()).compile(false));
        assertNotNull(on.compiled);
        assertNull(off.compiled);
    }

    @Test
    void theEmbeddedEngineHasTheSwitch() {
        try (SkeinEngine on = SkeinEngine.builder().build(); SkeinEngine off = SkeinEngine.builder().compile(false).build()) {
            assertTrue(on.compiles());
            assertFalse(off.compiles());
            assertEquals(45L, on.eval(SCRIPT));
            assertEquals(45L, off.eval(SCRIPT));
        }
    }

    private static Code codeOfF(Interpreter.Builder builder) {
        Runner runner = Runner.of(builder.build());
        ModuleInstance module = new ModuleInstance("__main__", "<switch>");
        Code main = runner.compile(new Source("<switch>", SCRIPT), module, true);
        assertEquals(45L, runner.run(main, module, new ThreadState(runner.interp())));
        return ((Function) module.get("f")).code();
    }
}
