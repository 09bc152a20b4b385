package dev.skein.interp;

import dev.skein.ast.Expr;
import dev.skein.runtime.Builtin;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Fast calls of built-in code from compiled functions, inside the region the caller opened (so
 * errors are located as before):
 * <ul>
 *   <li>a builtin named directly ({@code len(x)}, {@code str(i)}) whose signature takes the
 *       arguments positionally: its body is a class-data constant, so the JIT sees the exact
 *       lambda and may inline it; the slots are laid out here, as {@code Signature.bind} would;</li>
 *   <li>a method call {@code recv.name(…)} with positional arguments: an inline cache per site
 *       ({@link MethodSite}) guarded on the receiver's class; each site has its own
 *       {@code Body.apply} instruction, so its type profile stays monomorphic.</li>
 * </ul>
 * Both call the same bodies the tree reaches through {@code Builtin.call}, with the same slots.
 */
final class BytecodeCalls implements Opcodes {
    private static final String OBJ = "Ljava/lang/Object;";
    private static final String TS = "Ldev/skein/runtime/ThreadState;";
    private static final String BODY = "dev/skein/runtime/Builtin$Body";
    private static final String APPLY = "(" + TS + "[" + OBJ + ")" + OBJ;
    private static final String SITE = "dev/skein/interp/MethodSite";
    private static final String ENTRY = "dev/skein/interp/MethodSite$Entry";

    private BytecodeCalls() {}

    /** The builtin {@code c} calls when it names one directly and its signature binds {@code c}'s positional arguments by padding alone; else null. */
    static Builtin directBuiltin(BytecodeCompiler unit, Expr.Call c) {
        if (!(c.callee() instanceof Expr.Name n) || !(unit.binding(n) instanceof Binding.Builtin b)) return null;
        return unit.builtin(b.name()) instanceof Builtin bi && bi.signature().fitsPositionally(c.args().size()) ? bi : null;
    }

    /** Stack: nothing. Calls builtin {@code b}'s body with the argument locals, padded to its slots; leaves the result. */
    static void builtinCall(BytecodeCompiler unit, BytecodeFunction fn, Builtin b, int[] args) {
        MethodVisitor mv = fn.mv;
        unit.constant(mv, b.body());
        mv.visitTypeInsn(CHECKCAST, BODY);
        mv.visitVarInsn(ALOAD, BytecodeFunction.TS);
        int size = b.signature().size();
        fn.push(size);
        mv.visitTypeInsn(ANEWARRAY, "java/lang/Object");
        for (int i = 0; i < size; i++) {
            mv.visitInsn(DUP);
            fn.push(i);
            if (i < args.length) mv.visitVarInsn(ALOAD, args[i]);
            else mv.visitFieldInsn(GETSTATIC, "dev/skein/runtime/Missing", "MISSING", "Ldev/skein/runtime/Missing;");
            mv.visitInsn(AASTORE);
        }
        mv.visitMethodInsn(INVOKEINTERFACE, BODY, "apply", APPLY, true);
    }

    /**
     * Stack: nothing. {@code recv.name(args)} given the locals of the receiver, its
     * {@link Calls#moduleMember} and the evaluated arguments: the cached method's body when
     * the receiver fits the site's entry, else {@link MethodSite#call}. Leaves the result.
     */
    static void methodCall(BytecodeCompiler unit, BytecodeExpressions ex, BytecodeFunction fn, int recv, int member, String name, int[] args) {
        MethodVisitor mv = fn.mv;
        Label slow = new Label(), done = new Label();
        int entry = fn.newLocal(false);
        MethodSite site = new MethodSite(name, args.length);
        unit.constant(mv, site);
        mv.visitTypeInsn(CHECKCAST, SITE);
        mv.visitFieldInsn(GETFIELD, SITE, "entry", "L" + ENTRY + ";");
        mv.visitVarInsn(ASTORE, entry);
        mv.visitVarInsn(ALOAD, entry);
        mv.visitVarInsn(ALOAD, recv);
        mv.visitVarInsn(ALOAD, BytecodeFunction.TS);
        mv.visitMethodInsn(INVOKEVIRTUAL, ENTRY, "fits", "(" + OBJ + TS + ")Z", false);
        mv.visitJumpInsn(IFEQ, slow);
        mv.visitVarInsn(ALOAD, entry);
        mv.visitFieldInsn(GETFIELD, ENTRY, "body", "L" + BODY + ";");
        mv.visitVarInsn(ALOAD, BytecodeFunction.TS);
        mv.visitVarInsn(ALOAD, entry);
        mv.visitMethodInsn(INVOKEVIRTUAL, ENTRY, "slots", "()[" + OBJ, false);
        store(fn, 0, recv);
        for (int i = 0; i < args.length; i++) store(fn, i + 1, args[i]);
        mv.visitMethodInsn(INVOKEINTERFACE, BODY, "apply", APPLY, true);
        mv.visitJumpInsn(GOTO, done);
        mv.visitLabel(slow);
        unit.constant(mv, site);
        mv.visitTypeInsn(CHECKCAST, SITE);
        mv.visitVarInsn(ALOAD, BytecodeFunction.TS);
        mv.visitVarInsn(ALOAD, recv);
        mv.visitVarInsn(ALOAD, member);
        ex.argumentArray(args);
        mv.visitMethodInsn(INVOKEVIRTUAL, SITE, "call", "(" + TS + OBJ + OBJ + "[" + OBJ + ")" + OBJ, false);
        mv.visitLabel(done);
    }

    /** Stack: an array. Stores local {@code local} at {@code index}, keeping the array. */
    private static void store(BytecodeFunction fn, int index, int local) {
        fn.mv.visitInsn(DUP);
        fn.push(index);
        fn.mv.visitVarInsn(ALOAD, local);
        fn.mv.visitInsn(AASTORE);
    }
}
