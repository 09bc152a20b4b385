package dev.skein.interp;

import java.util.BitSet;

/**
 * What one {@code while} or {@code for} statement does with its function's frame, as the
 * {@link Resolver} found it: the slots declared before the loop that it reads or writes (its
 * condition or iterable included, and the closures made inside it, which capture their cells),
 * and whether it defines names ({@code fn}, {@code record}, {@code import}). Slots from
 * {@link #first} on are declared inside the loop and used nowhere else, since every declaration
 * takes a new slot and a name declared in a block is not visible after it. The bytecode compiler
 * uses this to write a loop as its own method ({@link BytecodeLoops}).
 */
final class LoopSlots {
    /** The function's frame size when the loop statement began: its own slots come after. */
    final int first;
    /** The frame size when it ended: slots {@code [first, end)} are the loop's own. */
    int end;
    final BitSet reads = new BitSet();
    final BitSet writes = new BitSet();
    /** A fn, record or import statement inside: its name is hoisted and may be read before the statement runs. */
    boolean defines;

    LoopSlots(int first) { this.first = first; }

    void read(int slot) { if (slot < first) reads.set(slot); }

    void write(int slot) { if (slot < first) writes.set(slot); }

    /** The outer slots the loop reads or writes: what its method takes in. */
    BitSet used() {
        BitSet all = (BitSet) reads.clone();
        all.or(writes);
        return all;
    }
}
