package dev.skein.interp;

import java.util.ArrayDeque;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The state of one generated method while its body is written: its JVM locals, the loops
 * around the current statement, and the error regions that give errors their Skein positions.
 *
 * <p>Layout: {@code static Object f(ThreadState ts, ModuleInstance module, Object p0, …)}.
 * Local 0 is the thread, 1 the module, and frame slot {@code s} of the resolver is local
 * {@code 2 + s} (parameters first, as in a {@link Frame}); temporaries come after.
 */
final class BytecodeFunction implements Opcodes {
    static final String SKEIN_ERROR = "dev/skein/runtime/SkeinError";
    static final String SUPPORT = "dev/skein/interp/CompiledSupport";
    static final int TS = 0;
    static final int MODULE = 1;
    /** The first local of the frame slots in a function's method (after ts and module). */
    static final int FUNCTION_SLOTS = 2;
    /** In a module's top-level method, local 2 is its {@link Frame} (for the statements left on the tree). */
    static final int FRAME = 2;
    static final int MAIN_SLOTS = 3;

    final MethodVisitor mv;
    final String file;
    final String name;
    /** The activation's trace identity (see {@link CompiledSupport#token}); null until an error passes. */
    final int token;
    /** Where a {@code return} leaves its value before jumping to {@link #epilogue}. */
    final int result;
    final Label epilogue = new Label();
    /** The array a loop written as its own method leaves the slots it wrote in ({@link BytecodeLoops}); null until the first. */
    final int spill;
    final int frameSize;
    /** The name of the function's method, which its loop methods are named after; null (the top level): no loop methods. */
    String method;
    /** Whether the function's method takes its captured cells ({@link BytecodeClosures#CAPTURED}). */
    boolean takesCells;
    /** How many {@code try} statements enclose the statement being written. */
    int tryDepth;
    private int nextLocal;
    /** Operators call their helpers instead of writing the inline fast paths ({@link BytecodeArith}): a function too big for the JIT otherwise. */
    boolean compact;
    private final ArrayDeque<Loop> loops = new ArrayDeque<>();
    private final int slots;
    /** Frame slot to JVM local where they are not in one run from {@link #slots} (a loop's method), -1: not there; else null. */
    private final int[] slotMap;
    /** Frame slot → the {@code long} local that holds it unboxed (a range loop's variable the body never assigns). */
    private final java.util.Map<Integer, Integer> unboxed = new java.util.HashMap<>();

    /**
     * A loop around the statement being written. {@code iterator}: the local of the loop's
     * iterator, which a break or return closes (as the tree's {@code finally} does), or -1
     * (a range loop, or a while loop).
     */
    record Loop(Label continueTarget, Label breakTarget, int iterator) {}

    /** {@code slots}: the local of frame slot 0 ({@link #FUNCTION_SLOTS} or {@link #MAIN_SLOTS}). */
    BytecodeFunction(MethodVisitor mv, String file, String name, int frameSize, int slots) {
        this(mv, file, name, frameSize, slots, null, slots + frameSize);
    }

    /**
     * A method whose frame slots lie where {@code slotMap} says ({@link BytecodeLoops}: a loop's
     * method holds only the slots the loop uses); its own locals start at {@code firstFree}.
     */
    BytecodeFunction(MethodVisitor mv, String file, String name, int frameSize, int[] slotMap, int firstFree) {
        this(mv, file, name, frameSize, 0, slotMap, firstFree);
    }

    private BytecodeFunction(MethodVisitor mv, String file, String name, int frameSize, int slots, int[] slotMap, int firstFree) {
        this.mv = mv;
        this.file = file;
        this.name = name;
        this.slots = slots;
        this.slotMap = slotMap;
        this.token = firstFree;
        this.result = token + 1;
        this.spill = result + 1;
        this.frameSize = frameSize;
        this.nextLocal = spill + 1;
    }

    int slotLocal(int slot) {
        if (slotMap == null) return slots + slot;
        if (slotMap[slot] < 0) throw new IllegalStateException("frame slot " + slot + " is not in this loop's method");
        return slotMap[slot];
    }

    /** Sets the slots {@code [from, frameSize)}, the trace token, the result and the spill array to null (the method's first instructions). */
    void clearLocals(int from, int frameSize) {
        for (int s = from; s < frameSize; s++) {
            if (slotMap != null && slotMap[s] < 0) continue;
            mv.visitInsn(ACONST_NULL);
            mv.visitVarInsn(ASTORE, slotLocal(s));
        }
        mv.visitInsn(ACONST_NULL);
        mv.visitVarInsn(ASTORE, token);
        mv.visitInsn(ACONST_NULL);
        mv.visitVarInsn(ASTORE, result);
        mv.visitInsn(ACONST_NULL);
        mv.visitVarInsn(ASTORE, spill);
    }

    /** The long local holding frame slot {@code slot} unboxed, or -1 when the slot holds its value. */
    int unboxedLocal(int slot) { return unboxed.getOrDefault(slot, -1); }

    void unbox(int slot, int longLocal) { unboxed.put(slot, longLocal); }

    void rebox(int slot) { unboxed.remove(slot); }

    // ------------------------------------------------------------------ temporaries

    /** A fresh local (two slots for a long); temporaries are not reused, methods stay small. */
    int newLocal(boolean wide) {
        int l = nextLocal;
        nextLocal += wide ? 2 : 1;
        return l;
    }

    /** Scratch locals shared by every operator site of the method ({@link BytecodeArith}), made on first use. */
    private int scratchObjects = -1, scratchLongs = -1;

    /**
     * Scratch local {@code i} (0 or 1) for an Object, or (0 to 2) for a long. An operator site's
     * code never runs another site's code while it uses them (its operands are on the stack
     * before it starts), so all sites share them: a method keeps few locals, which keeps ASM's
     * frame computation linear in long functions.
     */
    private final java.util.List<Integer> fusedTemps = new java.util.ArrayList<>();

    /**
     * Wide temporary {@code i} of a fused arithmetic tree ({@link BytecodeFused}), made on first
     * use and shared by every tree of the method: a tree runs no other tree's code while it uses them.
     */
    int fusedTemp(int i) {
        while (fusedTemps.size() <= i) fusedTemps.add(newLocal(true));
        return fusedTemps.get(i);
    }

    int scratch(boolean wide, int i) {
        if (wide) {
            if (scratchLongs < 0) {
                scratchLongs = newLocal(true);   // three consecutive longs
                newLocal(true);
                newLocal(true);
            }
            return scratchLongs + 2 * i;
        }
        if (scratchObjects < 0) {
            scratchObjects = newLocal(false);   // two consecutive Objects
            newLocal(false);
        }
        return scratchObjects + i;
    }

    // ------------------------------------------------------------------ loops

    void pushLoop(Loop l) { loops.push(l); }

    void popLoop() { loops.pop(); }

    Loop innermostLoop() { return loops.peek(); }

    /** Before a return: close the iterators of every enclosing loop, innermost first. */
    void closeIterators() {
        for (Loop l : loops) closeIterator(l);
    }

    void closeIterator(Loop l) {
        if (l.iterator() < 0) return;
        mv.visitVarInsn(ALOAD, l.iterator());
        mv.visitMethodInsn(INVOKEINTERFACE, "dev/skein/runtime/SkeinIterator", "close", "()V", true);
    }

    // ------------------------------------------------------------------ error regions

    /** Starts a region whose errors get a position (what a node's {@code try { … } catch → locate} covers). */
    Label startRegion() {
        Label start = new Label();
        mv.visitLabel(start);
        return start;
    }

    /**
     * Ends a region started by {@link #startRegion}: a SkeinError leaving it gets {@code line:column}
     * in this function (unless an inner region of this activation already added one); with
     * {@code calls}, a stack overflow becomes a located RecursionError and an OutOfMemoryError a
     * located MemoryError, as at the tree's call sites.
     * The handlers are written inline, so enclosing regions (and the body's exit handler) cover
     * them; their table entries are added here, after the inner regions', so inner ones win.
     */
    void endRegion(Label start, int line, int column, boolean calls) {
        Label end = new Label(), after = new Label(), onError = new Label(), located = new Label();
        mv.visitLabel(end);
        mv.visitJumpInsn(GOTO, after);
        if (calls) {
            Label onOverflow = new Label();
            mv.visitTryCatchBlock(start, end, onOverflow, "java/lang/StackOverflowError");
            mv.visitLabel(onOverflow);
            mv.visitInsn(POP);
            mv.visitVarInsn(ALOAD, TS);
            mv.visitMethodInsn(INVOKESTATIC, SUPPORT, "recursionError", "(Ldev/skein/runtime/ThreadState;)L" + SKEIN_ERROR + ";", false);
            mv.visitJumpInsn(GOTO, located);
            Label onOutOfMemory = new Label();
            mv.visitTryCatchBlock(start, end, onOutOfMemory, "java/lang/OutOfMemoryError");
            mv.visitLabel(onOutOfMemory);
            mv.visitVarInsn(ALOAD, TS);
            mv.visitMethodInsn(INVOKESTATIC, SUPPORT, "memoryError", "(Ljava/lang/OutOfMemoryError;Ldev/skein/runtime/ThreadState;)L" + SKEIN_ERROR + ";", false);
            mv.visitJumpInsn(GOTO, located);
        }
        mv.visitTryCatchBlock(start, end, onError, SKEIN_ERROR);
        mv.visitLabel(onError);
        // C1 will not compile a method where a handler's entry is also reached by a jump (the method
        // then stays interpreted until C2 takes it): the overflow path joins one instruction later.
        if (calls) mv.visitInsn(NOP);
        mv.visitLabel(located);
        locateAndThrow(line, column);
        mv.visitLabel(after);
    }

    /** Stack: a SkeinError. Adds this function's position to its trace and throws it. */
    void locateAndThrow(int line, int column) {
        locate(line, column);
        mv.visitInsn(ATHROW);
    }

    /** Stack: a SkeinError. Adds this function's position to its trace (once per activation); leaves it on the stack. */
    void locate(int line, int column) {
        mv.visitVarInsn(ALOAD, token);
        mv.visitMethodInsn(INVOKESTATIC, SUPPORT, "token", "(Ljava/lang/Object;)Ljava/lang/Object;", false);
        mv.visitInsn(DUP);
        mv.visitVarInsn(ASTORE, token);
        mv.visitLdcInsn(file);
        mv.visitLdcInsn(name);
        push(line);
        push(column);
        mv.visitMethodInsn(INVOKESTATIC, SUPPORT, "locate",
                "(L" + SKEIN_ERROR + ";Ljava/lang/Object;Ljava/lang/String;Ljava/lang/String;II)L" + SKEIN_ERROR + ";", false);
    }

    void push(int v) {
        if (v >= -1 && v <= 5) mv.visitInsn(ICONST_0 + v);
        else if (v >= Byte.MIN_VALUE && v <= Byte.MAX_VALUE) mv.visitIntInsn(BIPUSH, v);
        else if (v >= Short.MIN_VALUE && v <= Short.MAX_VALUE) mv.visitIntInsn(SIPUSH, v);
        else mv.visitLdcInsn(v);
    }

    // ------------------------------------------------------------------ ways out through finally and with (BytecodeControl)

    /** The {@code try … finally} and {@code with} statements around the statement being written, innermost first. */
    final ArrayDeque<BytecodeControl.Cleanup> cleanups = new ArrayDeque<>();

    /** How many loops enclose the statement being written. */
    int loopDepth() { return loops.size(); }

    /** A jump leaving the loops deeper than {@code depth}: closes their iterators, innermost first. */
    void closeIteratorsBelow(int depth) {
        int d = loops.size();
        for (Loop l : loops) {
            if (d-- <= depth) return;
            closeIterator(l);
        }
    }
}
