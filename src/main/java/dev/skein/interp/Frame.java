package dev.skein.interp;

import dev.skein.runtime.ThreadState;

/** One activation of a function (or of a module's top level): its slots and context. */
public final class Frame {
    public final Object[] slots;
    public final Cell[] captured;
    public final ModuleInstance module;
    public final ThreadState ts;
    public final Code code;
    /** The value of the last executed {@code return}. */
    public Object ret;

    public Frame(Code code, Object[] slots, Cell[] captured, ModuleInstance module, ThreadState ts) {
        this.code = code;
        this.slots = slots;
        this.captured = captured;
        this.module = module;
        this.ts = ts;
    }
}
