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
    private static final String POSITIONAL = "dev/skein/runtime/Builtin$Positional";
    private static final String APPLY3 = "(" + TS + OBJ + OBJ + OBJ + ")" + OBJ;
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
        if (b.arity() != 0) {   // slots one by one: no array
            unit.constant(mv, b.body());
            mv.visitTypeInsn(CHECKCAST, POSITIONAL);
            mv.visitVarInsn(ALOAD, BytecodeFunction.TS);
            for (int a : args) mv.visitVarInsn(ALOAD, a);
            for (int i = args.length; i < 3; i++) missing(mv);
            mv.visitMethodInsn(INVOKEINTERFACE, POSITIONAL, "apply3", APPLY3, true);
            return;
        }
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
            else missing(mv);
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
        mv.visitVarInsn(ALOAD, member);
        mv.visitVarInsn(ALOAD, BytecodeFunction.TS);
        mv.visitMethodInsn(INVOKEVIRTUAL, ENTRY, "fits", "(" + OBJ + OBJ + TS + ")Z", false);
        mv.visitJumpInsn(IFEQ, slow);
        fixedArity(fn, entry, recv, args, done);
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

    /**
     * Stack: nothing. When the entry's body takes its slots one by one ({@code Entry.kind}: a
     * type's method, the receiver first, or a module's function, the arguments alone), calls its
     * {@code Builtin.Positional.apply3} with them, {@link dev.skein.runtime.Missing#MISSING} in
     * the slots after them, and jumps to {@code done}; else falls through to the array path,
     * which only a type's method reaches ({@code MethodSite} caches a module's function only when
     * it takes its slots one by one, and at most three arguments fit one).
     */
    private static void fixedArity(BytecodeFunction fn, int entry, int recv, int[] args, Label done) {
        MethodVisitor mv = fn.mv;
        if (args.length > 3) return;
        Label array = new Label(), method = args.length < 3 ? new Label() : array, function = new Label();
        mv.visitVarInsn(ALOAD, entry);
        mv.visitFieldInsn(GETFIELD, ENTRY, "kind", "I");
        mv.visitTableSwitchInsn(MethodSite.Entry.METHOD, MethodSite.Entry.FUNCTION, array, method, function);
        if (method != array) positionalCall(fn, entry, method, recv, args, done);
        positionalCall(fn, entry, function, -1, args, done);
        mv.visitLabel(array);
    }

    /** At {@code at}: the entry's body called with the receiver (unless {@code recv} is -1), the arguments and MISSING up to three slots; then to {@code done}. */
    private static void positionalCall(BytecodeFunction fn, int entry, Label at, int recv, int[] args, Label done) {
        MethodVisitor mv = fn.mv;
        mv.visitLabel(at);
        mv.visitVarInsn(ALOAD, entry);
        mv.visitFieldInsn(GETFIELD, ENTRY, "body", "L" + BODY + ";");
        mv.visitTypeInsn(CHECKCAST, POSITIONAL);
        mv.visitVarInsn(ALOAD, BytecodeFunction.TS);
        int passed = args.length;
        if (recv >= 0) {
            mv.visitVarInsn(ALOAD, recv);
            passed++;
        }
        for (int a : args) mv.visitVarInsn(ALOAD, a);
        for (int i = passed; i < 3; i++) missing(mv);
        mv.visitMethodInsn(INVOKEINTERFACE, POSITIONAL, "apply3", APPLY3, true);
        mv.visitJumpInsn(GOTO, done);
    }

    private static void missing(MethodVisitor mv) {
        mv.visitFieldInsn(GETSTATIC, "dev/skein/runtime/Missing", "MISSING", "Ldev/skein/runtime/Missing;");
    }

    /** Stack: an array. Stores local {@code local} at {@code index}, keeping the array. */
    private static void store(BytecodeFunction fn, int index, int local) {
        fn.mv.visitInsn(DUP);
        fn.push(index);
        fn.mv.visitVarInsn(ALOAD, local);
        fn.mv.visitInsn(AASTORE);
    }
}
