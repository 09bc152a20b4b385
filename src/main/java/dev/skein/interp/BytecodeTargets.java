package dev.skein.interp;

import dev.skein.ast.Expr;
import dev.skein.ast.Stmt;
import dev.skein.ast.Target;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Writes the bytecode of the assignment targets beyond a plain name: destructuring (nested, in
 * {@code let}, {@code =} and {@code for}) and subscript stores, and of {@code t[i] op= v}. Each
 * calls the helper its tree node calls ({@link Variables.Destructure#unpack},
 * {@link Variables.IndexStore#setIndex}, {@code Containers.getIndex}) inside a region located
 * where the node locates its errors.
 */
final class BytecodeTargets implements Opcodes {
    private static final String OBJ = "Ljava/lang/Object;";
    private static final String INDEX_STORE = "dev/skein/interp/Variables$IndexStore";

    private final BytecodeCompiler unit;
    private final BytecodeFunction fn;
    private final BytecodeExpressions exprs;
    /** Name stores (and the items of a destructuring) go back through the statements' {@code store}. */
    private final BytecodeStatements statements;
    private final MethodVisitor mv;

    BytecodeTargets(BytecodeCompiler unit, BytecodeFunction fn, BytecodeExpressions exprs, BytecodeStatements statements) {
        this.unit = unit;
        this.fn = fn;
        this.exprs = exprs;
        this.statements = statements;
        this.mv = fn.mv;
    }

    /** Stack: the value. Stores it into a destructuring or a subscript target. */
    void store(Target t) {
        if (t instanceof Target.ListTarget l) destructure(l);
        else if (t instanceof Target.IndexTarget i) indexStore(i);
        else if (t instanceof Target.AttrTarget a) attrStore(a);
        else throw new IllegalStateException("not in the compiled subset: " + t);
    }

    /**
     * {@code a, (b, c) = v}, as {@link Variables.Destructure}: the value is unpacked into exactly
     * as many items (errors located at the target), then each item is stored in order.
     */
    private void destructure(Target.ListTarget l) {
        int n = l.items().size(), values = fn.newLocal(false);
        Label start = fn.startRegion();
        fn.push(n);
        mv.visitMethodInsn(INVOKESTATIC, "dev/skein/interp/Variables$Destructure", "unpack", "(" + OBJ + "I)[" + OBJ, false);
        fn.endRegion(start, l.span().line(), l.span().column(), false);
        mv.visitVarInsn(ASTORE, values);
        for (int i = 0; i < n; i++) {
            mv.visitVarInsn(ALOAD, values);
            fn.push(i);
            mv.visitInsn(AALOAD);
            statements.store(l.items().get(i));
        }
    }

    /**
     * {@code t[i] = v}, as {@link Variables.IndexStore}: the value first (it is on the stack),
     * then the container and the index, then the store, located at the subscript.
     */
    private void indexStore(Target.IndexTarget t) {
        int value = fn.newLocal(false);
        mv.visitVarInsn(ASTORE, value);
        exprs.value(t.target());
        boolean wide = index(t.index());
        Label start = fn.startRegion();
        mv.visitVarInsn(ALOAD, value);
        mv.visitMethodInsn(INVOKESTATIC, INDEX_STORE, "setIndex", "(" + OBJ + (wide ? "J" : OBJ) + OBJ + ")V", false);
        fn.endRegion(start, t.span().line(), t.span().column(), false);
    }

    /** {@code t.name = v}, as {@link AttrStore}: the value first, then the target, the write located at the target. */
    private void attrStore(Target.AttrTarget t) {
        int value = fn.newLocal(false);
        mv.visitVarInsn(ASTORE, value);
        int target = fn.newLocal(false);
        exprs.value(t.target());
        mv.visitVarInsn(ASTORE, target);
        Label start = fn.startRegion();
        mv.visitVarInsn(ALOAD, BytecodeFunction.TS);
        mv.visitVarInsn(ALOAD, target);
        mv.visitLdcInsn(t.name());
        mv.visitVarInsn(ALOAD, value);
        mv.visitMethodInsn(INVOKESTATIC, "dev/skein/runtime/AttributeWrites", "set", "(Ldev/skein/runtime/ThreadState;" + OBJ + "Ljava/lang/String;" + OBJ + ")V", false);
        fn.endRegion(start, t.span().line(), t.span().column(), false);
    }

    /**
     * {@code t[i] op= v}, as {@link Statements.AugIndex}: container and index evaluated once;
     * the read, the value, the operator and the store form one region located at the statement.
     */
    void augIndex(Stmt.AugAssign a, Target.IndexTarget t) {
        int container = fn.newLocal(false);
        exprs.value(t.target());
        mv.visitVarInsn(ASTORE, container);
        boolean wide = index(t.index());
        int index = fn.newLocal(wide);
        mv.visitVarInsn(wide ? LSTORE : ASTORE, index);
        String indexType = wide ? "J" : OBJ;
        Label start = fn.startRegion();
        mv.visitVarInsn(ALOAD, container);
        mv.visitVarInsn(wide ? LLOAD : ALOAD, index);
        if (wide) mv.visitMethodInsn(INVOKESTATIC, "dev/skein/interp/Statements$AugIndex", "getIndex", "(" + OBJ + "J)" + OBJ, false);
        else mv.visitMethodInsn(INVOKESTATIC, "dev/skein/runtime/Containers", "getIndex", "(" + OBJ + OBJ + ")" + OBJ, false);
        exprs.value(a.value());
        BytecodeExpressions.callArith(mv, "dev/skein/runtime/Arith", a.op());
        int result = fn.newLocal(false);
        mv.visitVarInsn(ASTORE, result);
        mv.visitVarInsn(ALOAD, container);
        mv.visitVarInsn(wide ? LLOAD : ALOAD, index);
        mv.visitVarInsn(ALOAD, result);
        mv.visitMethodInsn(INVOKESTATIC, INDEX_STORE, "setIndex", "(" + OBJ + indexType + OBJ + ")V", false);
        fn.endRegion(start, a.span().line(), a.span().column(), false);
    }

    /**
     * Pushes an index: a range loop's variable the compiled code keeps as a {@code long} stays one,
     * and an int literal is pushed as one (true: the list's fast path needs no box); anything else
     * is its boxed value.
     */
    private boolean index(Expr index) {
        return index(unit, fn, exprs, index);
    }

    /** {@link #index(Expr)} for any writer of a subscript (reads too: {@link BytecodeData}). */
    static boolean index(BytecodeCompiler unit, BytecodeFunction fn, BytecodeExpressions exprs, Expr index) {
        if (index instanceof Expr.Name n && unit.binding(n) instanceof Binding.Local l && fn.unboxedLocal(l.slot()) >= 0) {
            fn.mv.visitVarInsn(LLOAD, fn.unboxedLocal(l.slot()));
            return true;
        }
        if (index instanceof Expr.Literal l && l.value() instanceof Long n) {   // v[0] = x: no box to test
            fn.mv.visitLdcInsn(n);
            return true;
        }
        exprs.value(index);
        return false;
    }
}
