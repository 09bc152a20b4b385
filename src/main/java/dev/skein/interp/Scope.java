package dev.skein.interp;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compile-time scopes of one function (or of a module's top level): a stack of blocks mapping
 * names to frame slots, plus the cells captured from enclosing functions. Used by the {@link Resolver}.
 */
final class Scope {
    /** A local variable: its slot, and whether closures capture it (then the slot holds a Cell). */
    record Var(String name, int slot, boolean cell) {}

    /**
     * What a capture comes from: an enclosing local ({@link Var}, by identity) or an enclosing
     * capture (its index). Not a record: a record's equals/hashCode are linked at first use,
     * which costs every cold start (a new process-pool worker) milliseconds.
     */
    private static final class CaptureKey {
        private final Object source;

        CaptureKey(Object source) { this.source = source; }

        @Override public boolean equals(Object o) {
            return o instanceof CaptureKey k && (k.source == source || source instanceof Integer i && i.equals(k.source));
        }

        @Override public int hashCode() { return source instanceof Integer i ? i : System.identityHashCode(source); }
    }

    final Scope parent;
    final boolean isModule;
    final String functionName;
    /** Names closures capture from here: found at the first declaration (a walk of the whole body). */
    private final java.util.function.Supplier<Set<String>> findCellNames;
    private Set<String> cellNames;
    private final Deque<Map<String, Var>> blocks = new ArrayDeque<>();
    private final List<ResolvedFunction.FreeVar> captures = new ArrayList<>();
    private final List<ResolvedFunction.Local> locals = new ArrayList<>();
    private final Map<CaptureKey, Integer> captureIndex = new HashMap<>();
    int frameSize;
    int loopDepth;
    /** Module globals read in this function and the closures inside it. */
    final java.util.Set<String> globalsRead = new java.util.LinkedHashSet<>();
    /** Locals being string-accumulated by enclosing loops of this function: variable slot → buffer slot. */
    final Map<Integer, Integer> accumulating = new HashMap<>();

    /**
     * {@code cellNames} is asked for only when the scope declares its first local: a module's
     * top level, whose declarations are globals, usually never does, which saves walking every
     * function of the module.
     */
    Scope(Scope parent, boolean isModule, String functionName, java.util.function.Supplier<Set<String>> cellNames) {
        this.parent = parent;
        this.isModule = isModule;
        this.functionName = functionName;
        this.findCellNames = cellNames;
    }

    /** The loops of this function around the statement being resolved, innermost first. */
    private final Deque<LoopSlots> openLoops = new ArrayDeque<>();

    /** A loop statement begins: slots declared from here on are its own. */
    LoopSlots openLoop() {
        LoopSlots loop = new LoopSlots(frameSize);
        openLoops.push(loop);
        return loop;
    }

    void closeLoop() { openLoops.pop().end = frameSize; }

    /** Slot {@code slot} is read (or written) here: each open loop it was declared outside of records it. */
    void used(int slot, boolean write) {
        for (LoopSlots l : openLoops) {
            if (write) l.write(slot);
            else l.read(slot);
        }
    }

    /** A fn, record or import statement here. */
    void defines() {
        for (LoopSlots l : openLoops) l.defines = true;
    }

    void pushBlock() { blocks.push(new HashMap<>()); }

    void popBlock() { blocks.pop(); }

    /** At a module's top level (no block open): declarations there are globals. */
    boolean atModuleTop() { return isModule && blocks.size() <= 1; }

    /** Declares a new local in the innermost block (shadowing is allowed). */
    Var declare(String name) {
        if (cellNames == null) cellNames = findCellNames.get();
        Var v = new Var(name, frameSize++, cellNames.contains(name));
        blocks.peek().put(name, v);
        locals.add(new ResolvedFunction.Local(name, v.slot(), v.cell()));
        return v;
    }

    /** The variable declared by this name in the innermost block, if any. */
    Var declaredHere(String name) { return blocks.peek().get(name); }

    /** Looks a name up in this function's blocks, innermost first. */
    Var findLocal(String name) {
        for (Map<String, Var> b : blocks) {
            Var v = b.get(name);
            if (v != null) return v;
        }
        return null;
    }

    /** The capture slot for a cell of the enclosing function, added on first use. */
    int capture(Object sourceKey, ResolvedFunction.FreeVar source) {
        return captureIndex.computeIfAbsent(new CaptureKey(sourceKey), k -> {
            captures.add(source);
            return captures.size() - 1;
        });
    }

    List<ResolvedFunction.FreeVar> captures() { return List.copyOf(captures); }

    List<ResolvedFunction.Local> locals() { return List.copyOf(locals); }
}
