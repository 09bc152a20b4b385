package dev.skein.interp;

import dev.skein.runtime.ModuleValue;
import dev.skein.runtime.ThreadState;

/** Static helpers for the code {@link BytecodeControl} writes (kept out of the generated methods). */
final class CompiledControl {
    private CompiledControl() {}

    /**
     * Where a compiled {@code import} runs, as the module loader sees it: the importing file (a
     * script path is relative to it) and a position. Made once per import site.
     */
    static Code importSite(String function, String file, int line, int column) {
        return new Code(function, file, line, column, new String[0], new String[0], new ExprNode[0], -1, 0, new int[0], null, null);
    }

    /**
     * Loads a module for compiled code as {@link Definitions.Import} does for the tree: through
     * the loader of the running thread's engine (the one the tree's loader hands every import to).
     */
    static ModuleValue load(ThreadState ts, ModuleInstance module, Object site, String name, boolean isPath) {
        Frame from = new Frame((Code) site, new Object[0], new Cell[0], module, ts);
        return Definitions.Import.load(Runner.of(ts.interp()), from, name, isPath);
    }
}
