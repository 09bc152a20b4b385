package dev.skein.interp;

import dev.skein.runtime.ModuleValue;

/** Resolves {@code import} statements at run time. */
public interface ModuleLoader {
    ModuleValue loadStd(Frame from, String name);

    /** Loads a script module; {@code path} is relative to the importing file's directory. */
    ModuleValue loadScript(Frame from, String path);
}
