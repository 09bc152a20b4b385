package dev.skein.interp;

import dev.skein.runtime.SkeinError;
import dev.skein.runtime.TraceEntry;

/**
 * Base of the executable tree the compiler builds from the AST. Nodes are immutable and shared
 * by every thread running the code; all run-time state lives in {@link Frame}s.
 */
public abstract class Node {
    public final int line;
    public final int column;

    protected Node(int line, int column) {
        this.line = line;
        this.column = column;
    }

    /** Adds this node's position (in the frame's function) to an error's trace, once per frame. */
    protected final SkeinError locate(SkeinError e, Frame f) {
        return e.traceIn(f, new TraceEntry(f.code.file, line, column, f.code.name));
    }
}
