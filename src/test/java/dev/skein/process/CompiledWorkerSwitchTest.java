package dev.skein.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skein.runtime.Interpreter;
import org.junit.jupiter.api.Test;

/** A process-pool worker compiles exactly when its parent does: the setting travels in its configuration. */
class CompiledWorkerSwitchTest {
    @Test
    void theParentsSettingTravelsToTheWorker() {
        for (boolean compile : new boolean[] {true, false}) {
            WorkerConfig parent = WorkerConfig.of(Interpreter.builder().compile(compile).build());
            WorkerConfig worker = WorkerConfig.fromArgs(parent.toArgs().toArray(String[]::new));
            assertEquals(compile, worker.compile());
            assertEquals(parent, worker);
        }
    }

    @Test
    void aWorkerStartedWithoutTheSettingFollowsTheSystemProperty() {
        WorkerConfig old = WorkerConfig.fromArgs(new String[] {"20000", "", "", "no-extensions"});
        assertEquals(Interpreter.compileByDefault(), old.compile());
        assertTrue(WorkerConfig.fromArgs(new String[] {"1", "", "", "no-extensions", "compile"}).compile());
        assertFalse(WorkerConfig.fromArgs(new String[] {"1", "", "", "no-extensions", "no-compile"}).compile());
    }
}
