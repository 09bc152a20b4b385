package dev.skein.interp;

import dev.skein.ast.Expr;
import java.util.List;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Writes the bytecode of closures and the variables they share, as the tree's nodes do it:
 * a captured local lives in a {@link Cell} in its JVM local ({@link Variables.CellGet},
 * {@link Variables.CellStore}; a declaration makes a new cell, {@link Variables.CellInit}); a
 * closure's captured cells come in as the method's {@code Cell[]} parameter (local
 * {@link #CAPTURED}, {@link Variables.CaptureGet}/{@link Variables.CaptureStore}); cell parameters
 * are wrapped on entry and a block's hoisted cells made at its start ({@link Statements.Block});
 * {@code fn} expressions and statements make their Function through {@link Calls.Closure#make}.
 *
 * <p>Layout of a closure's method: {@code static Object f(ThreadState ts, ModuleInstance module,
 * Cell[] captured, Object p0, …)}: frame slot {@code s} is local {@code 3 + s}. A function that
 * captures nothing keeps the plain layout, so direct calls between top-level functions cost what
 * they did.
 */
final class BytecodeClosures implements Opcodes {
    /** The {@code Cell[]} of a closure's method (after ts and module). */
    static final int CAPTURED = 2;
    /** The first local of the frame slots in a closure's method. */
    static final int CLOSURE_SLOTS = 3;

    private static final String CELL = "dev/skein/interp/Cell";
    private static final String OBJ = "Ljava/lang/Object;";

    private BytecodeClosures() {}

    /** Whether the method of a function with this layout takes the captured cells. */
    static boolean takesCells(Code code) { return code.capturedCount > 0; }

    /** The method descriptor of a compiled function: with the {@code Cell[]} when it captures. */
    static String descriptor(Code code) {
        String plain = BytecodeCompiler.descriptor(code.params.length);
        if (!takesCells(code)) return plain;
        return plain.replace("Ldev/skein/interp/ModuleInstance;", "Ldev/skein/interp/ModuleInstance;[L" + CELL + ";");
    }

    /** Where a function's frame slots start among its JVM locals. */
    static int firstSlot(Code code) {
        return takesCells(code) ? CLOSURE_SLOTS : BytecodeFunction.FUNCTION_SLOTS;
    }

    /** The first instructions after the locals are cleared: parameters closures capture go into cells. */
    static void wrapCellParams(BytecodeFunction fn, int[] cellParams) {
        for (int slot : cellParams) {
            fn.mv.visitVarInsn(ALOAD, fn.slotLocal(slot));
            newCell(fn.mv);
            fn.mv.visitVarInsn(ASTORE, fn.slotLocal(slot));
        }
    }

    /** A block's start: a new, empty cell for each hoisted name closures capture. */
    static void hoist(BytecodeFunction fn, int[] cells) {
        if (cells == null) return;
        for (int slot : cells) {
            fn.mv.visitInsn(ACONST_NULL);
            newCell(fn.mv);
            fn.mv.visitVarInsn(ASTORE, fn.slotLocal(slot));
        }
    }

    /** Pushes the value of a cell local or a capture; false (nothing written) for other bindings. */
    static boolean read(BytecodeFunction fn, Binding b) {
        if (!cell(fn, b)) return false;
        fn.mv.visitFieldInsn(GETFIELD, CELL, "value", OBJ);
        return true;
    }

    /**
     * Stack: the value. Stores it into a cell local (a new cell when the site declares the
     * variable) or a capture; false (nothing written) for other bindings.
     */
    static boolean store(BytecodeFunction fn, Binding b) {
        MethodVisitor mv = fn.mv;
        if (b instanceof Binding.Local l && l.cell() && l.fresh()) {
            newCell(mv);
            mv.visitVarInsn(ASTORE, fn.slotLocal(l.slot()));
            return true;
        }
        if (!cell(fn, b)) return false;
        mv.visitInsn(SWAP);
        mv.visitFieldInsn(PUTFIELD, CELL, "value", OBJ);
        return true;
    }

    /** Pushes the cell of a cell local or a capture; false (nothing written) for other bindings. */
    private static boolean cell(BytecodeFunction fn, Binding b) {
        if (b instanceof Binding.Local l && l.cell()) fn.mv.visitVarInsn(ALOAD, fn.slotLocal(l.slot()));
        else if (b instanceof Binding.Captured c) capturedCell(fn, c.index());
        else return false;
        fn.mv.visitTypeInsn(CHECKCAST, CELL);
        return true;
    }

    /**
     * Pushes a new Function for {@code fn}, capturing its cells from this activation's cell
     * locals or its own captures, in the order of the closure's captures.
     */
    static void closure(BytecodeCompiler unit, BytecodeFunction fn, Expr.Lambda lambda) {
        MethodVisitor mv = fn.mv;
        List<ResolvedFunction.FreeVar> free = unit.layout(lambda).freeVars;
        unit.constant(mv, unit.codeOf(lambda));
        mv.visitTypeInsn(CHECKCAST, "dev/skein/interp/Code");
        fn.push(free.size());
        mv.visitTypeInsn(ANEWARRAY, CELL);
        for (int i = 0; i < free.size(); i++) {
            ResolvedFunction.FreeVar v = free.get(i);
            mv.visitInsn(DUP);
            fn.push(i);
            if (v.fromEnclosingLocal()) {
                mv.visitVarInsn(ALOAD, fn.slotLocal(v.index()));
                mv.visitTypeInsn(CHECKCAST, CELL);
            } else {
                capturedCell(fn, v.index());
            }
            mv.visitInsn(AASTORE);
        }
        mv.visitVarInsn(ALOAD, BytecodeFunction.MODULE);
        mv.visitMethodInsn(INVOKESTATIC, "dev/skein/interp/Calls$Closure", "make",
                "(Ldev/skein/interp/Code;[L" + CELL + ";Ldev/skein/interp/ModuleInstance;)Ldev/skein/interp/Function;", false);
    }

    /** Pushes capture {@code index} of the running closure. */
    private static void capturedCell(BytecodeFunction fn, int index) {
        fn.mv.visitVarInsn(ALOAD, CAPTURED);
        fn.push(index);
        fn.mv.visitInsn(AALOAD);
    }

    /** Stack: a value. Replaces it with a new Cell holding it. */
    private static void newCell(MethodVisitor mv) {
        mv.visitTypeInsn(NEW, CELL);
        mv.visitInsn(DUP_X1);
        mv.visitInsn(SWAP);
        mv.visitMethodInsn(INVOKESPECIAL, CELL, "<init>", "(" + OBJ + ")V", false);
    }
}
