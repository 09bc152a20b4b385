package dev.skein.interp;

import dev.skein.ast.Stmt;
import java.util.BitSet;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Writes a loop nested in another loop as a method of its own, called where the loop stands.
 *
 * <p>Why: the JIT compiles a method entered in the middle of a loop (on-stack replacement) once
 * per loop entry, and each time the whole method: a function whose loops hold a large inner loop
 * (nbody's {@code advance}) was compiled two or three times at full size before its first call
 * ran compiled, at the first tier and again at the second. As methods of their own, the inner
 * loop compiles once, by itself, and the outer loop's method stays small.
 *
 * <p>The loop method is {@code static Object f3_loop0(ThreadState, ModuleInstance, [Cell[]],
 * Object[] spill, Object token, outer slots…)}. It takes the slots of its function that the loop
 * reads or writes ({@link LoopSlots}; a range loop's unboxed counter as a {@code long}) and keeps
 * every slot in the same place as the function's method does, so all walkers write it unchanged.
 * When it is left it puts the slots it writes into {@code spill[slot]} (one array per activation,
 * made at the first such call), from which the caller takes them back. It returns
 * {@link CompiledSupport#LOOP_ENDED}, or the value of a {@code return} inside it, which the caller
 * then returns through its own {@code finally}/{@code with} blocks and loops. Errors are located
 * with the caller's trace token, so a traceback shows one frame per Skein call as before; the loop
 * method does not enter or exit the call depth, and polls where the loop did.
 *
 * <p>Not written apart: a loop inside a {@code try} of its function (a caught error would find the
 * caller's copies of the slots stale), a loop that defines names (a hoisted name may be read
 * before its definition runs, from the previous pass), loops of a module's top level, and a loop
 * whose slots would not fit the JVM's 255 parameter words.
 */
final class BytecodeLoops implements Opcodes {
    private static final String OBJ = "Ljava/lang/Object;";
    /** Parameter words left for the outer slots, below the JVM's 255 with ts, module, cells, spill and token. */
    private static final int MAX_SLOT_WORDS = 240;

    private BytecodeLoops() {}

    /** Whether {@code loop} is written as its own method here; if so, writes the call in its place. */
    static boolean extracted(BytecodeCompiler unit, BytecodeFunction fn, BytecodeControl control, Stmt loop) {
        if (fn.method == null || fn.loopDepth() == 0 || fn.tryDepth > 0) return false;
        LoopSlots slots = unit.loopSlots(loop);
        if (slots == null || slots.defines) return false;
        BitSet used = slots.used();
        int words = 0;
        for (int s = used.nextSetBit(0); s >= 0; s = used.nextSetBit(s + 1)) {
            boolean unboxed = fn.unboxedLocal(s) >= 0;
            if (unboxed && slots.writes.get(s)) return false;   // never: such a counter is one no loop inside assigns
            words += unboxed ? 2 : 1;
        }
        if (words > MAX_SLOT_WORDS) return false;
        String name = unit.loopMethodName(fn.method);
        String descriptor = descriptor(unit, fn, used);
        write(unit, fn, loop, slots, used, name, descriptor);
        call(unit, fn, control, slots, used, name, descriptor);
        return true;
    }

    private static String descriptor(BytecodeCompiler unit, BytecodeFunction fn, BitSet used) {
        StringBuilder d = new StringBuilder("(Ldev/skein/runtime/ThreadState;Ldev/skein/interp/ModuleInstance;");
        if (fn.takesCells) d.append("[Ldev/skein/interp/Cell;");
        d.append("[").append(OBJ).append(OBJ);
        for (int s = used.nextSetBit(0); s >= 0; s = used.nextSetBit(s + 1)) d.append(fn.unboxedLocal(s) >= 0 ? "J" : OBJ);
        return d.append(")").append(OBJ).toString();
    }

    /**
     * The loop's method: the outer slots are its parameters, the loop's own slots the locals
     * after them (no others: a deep recursion through the loop keeps small frames); the loop;
     * then the slots it wrote into the spill array.
     */
    private static void write(BytecodeCompiler unit, BytecodeFunction outer, Stmt loop, LoopSlots slots, BitSet used,
                              String name, String descriptor) {
        MethodVisitor mv = unit.newMethod(name, descriptor);
        mv.visitCode();
        int local = outer.takesCells ? BytecodeClosures.CLOSURE_SLOTS : BytecodeFunction.FUNCTION_SLOTS;
        int spillParam = local++, tokenParam = local++;
        int[] map = new int[outer.frameSize];
        java.util.Arrays.fill(map, -1);
        java.util.Map<Integer, Integer> counters = new java.util.HashMap<>();
        for (int s = used.nextSetBit(0); s >= 0; s = used.nextSetBit(s + 1)) {
            if (outer.unboxedLocal(s) >= 0) {
                counters.put(s, local);
                local += 2;
            } else {
                map[s] = local++;
            }
        }
        for (int s = slots.first; s < slots.end; s++) map[s] = local++;
        BytecodeFunction fn = new BytecodeFunction(mv, outer.file, outer.name, outer.frameSize, map, local);
        fn.method = outer.method;
        fn.takesCells = outer.takesCells;
        fn.compact = outer.compact;
        fn.clearLocals(slots.first, slots.end);
        counters.forEach(fn::unbox);
        mv.visitVarInsn(ALOAD, spillParam);
        mv.visitVarInsn(ASTORE, fn.spill);
        mv.visitVarInsn(ALOAD, tokenParam);
        mv.visitVarInsn(ASTORE, fn.token);
        mv.visitFieldInsn(GETSTATIC, BytecodeFunction.SUPPORT, "LOOP_ENDED", OBJ);
        mv.visitVarInsn(ASTORE, fn.result);
        new BytecodeStatements(unit, fn).statements(java.util.List.of(loop));
        mv.visitLabel(fn.epilogue);
        BitSet writes = slots.writes;
        for (int s = writes.nextSetBit(0); s >= 0; s = writes.nextSetBit(s + 1)) {
            mv.visitVarInsn(ALOAD, fn.spill);
            fn.push(s);
            mv.visitVarInsn(ALOAD, fn.slotLocal(s));
            mv.visitInsn(AASTORE);
        }
        mv.visitVarInsn(ALOAD, fn.result);
        mv.visitInsn(ARETURN);
        unit.checkJitLimit(mv, name);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /** In the caller: the call, the written slots taken back, and a {@code return} from inside the loop carried on. */
    private static void call(BytecodeCompiler unit, BytecodeFunction fn, BytecodeControl control, LoopSlots slots, BitSet used,
                             String name, String descriptor) {
        MethodVisitor mv = fn.mv;
        mv.visitVarInsn(ALOAD, BytecodeFunction.TS);
        mv.visitVarInsn(ALOAD, BytecodeFunction.MODULE);
        if (fn.takesCells) mv.visitVarInsn(ALOAD, BytecodeClosures.CAPTURED);
        Label made = new Label();
        mv.visitVarInsn(ALOAD, fn.spill);
        mv.visitJumpInsn(IFNONNULL, made);
        fn.push(fn.frameSize);
        mv.visitTypeInsn(ANEWARRAY, "java/lang/Object");
        mv.visitVarInsn(ASTORE, fn.spill);
        mv.visitLabel(made);
        mv.visitVarInsn(ALOAD, fn.spill);
        // The trace token is made now, not when an error first passes: the loop's errors and the caller's share it.
        mv.visitVarInsn(ALOAD, fn.token);
        mv.visitMethodInsn(INVOKESTATIC, BytecodeFunction.SUPPORT, "token", "(" + OBJ + ")" + OBJ, false);
        mv.visitInsn(DUP);
        mv.visitVarInsn(ASTORE, fn.token);
        for (int s = used.nextSetBit(0); s >= 0; s = used.nextSetBit(s + 1)) {
            int counter = fn.unboxedLocal(s);
            if (counter >= 0) mv.visitVarInsn(LLOAD, counter);
            else mv.visitVarInsn(ALOAD, fn.slotLocal(s));
        }
        mv.visitMethodInsn(INVOKESTATIC, unit.className(), name, descriptor, false);
        BitSet writes = slots.writes;
        for (int s = writes.nextSetBit(0); s >= 0; s = writes.nextSetBit(s + 1)) {
            mv.visitVarInsn(ALOAD, fn.spill);
            fn.push(s);
            mv.visitInsn(AALOAD);
            mv.visitVarInsn(ASTORE, fn.slotLocal(s));
        }
        Label ended = new Label();
        mv.visitInsn(DUP);
        mv.visitFieldInsn(GETSTATIC, BytecodeFunction.SUPPORT, "LOOP_ENDED", OBJ);
        mv.visitJumpInsn(IF_ACMPEQ, ended);
        mv.visitVarInsn(ASTORE, fn.result);
        control.returnStored();
        mv.visitLabel(ended);
        mv.visitInsn(POP);
    }
}
