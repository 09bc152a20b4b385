package dev.skein.interp;

import java.util.List;

/**
 * The frame layout of one function (or of a module's top level) as resolved: what a code
 * generator needs to build it. Parameters take slots 0..n-1 in order.
 */
final class ResolvedFunction {
    /** A variable the function takes from an enclosing one: that function's local slot or its own capture. */
    record FreeVar(String name, boolean fromEnclosingLocal, int index) {}

    /** A local and its slot; {@code cell} when closures capture it. */
    record Local(String name, int slot, boolean cell) {}

    final String name;
    /** Slots of locals and of loop string buffers (see {@link Accumulation}). */
    final int frameSize;
    final List<Local> locals;
    /** Parameter slots closures capture: wrapped in cells on entry. */
    final int[] cellParams;
    /** Captured variables in capture-index order. */
    final List<FreeVar> freeVars;
    /** Module globals this function or a closure inside it reads or assigns, in first-use order. */
    final String[] globalsRead;
    /** Slots of the body's hoisted fn/record names that are cells (created when the body starts). */
    final int[] hoistedCells;

    ResolvedFunction(String name, int frameSize, List<Local> locals, int[] cellParams, List<FreeVar> freeVars,
                     String[] globalsRead, int[] hoistedCells) {
        this.name = name;
        this.frameSize = frameSize;
        this.locals = locals;
        this.cellParams = cellParams;
        this.freeVars = freeVars;
        this.globalsRead = globalsRead;
        this.hoistedCells = hoistedCells;
    }
}
