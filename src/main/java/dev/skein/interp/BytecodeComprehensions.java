package dev.skein.interp;

import dev.skein.ast.Expr;
import dev.skein.ast.Target;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Writes a comprehension ({@code [e for x in xs if c]}, sets, dicts; a generator expression is
 * a list, as on the tree) as nested loops in the enclosing method, the way
 * {@link Literals.Comprehension} runs it: the clauses in order, each {@code for} storing its
 * target into the JVM locals the resolver gave the comprehension's variables, a poll after each
 * item, and the whole comprehension one region located at its start. Like the tree, it does not
 * close the iterators of a comprehension an error leaves.
 */
final class BytecodeComprehensions implements Opcodes {
    private static final String OBJ = "Ljava/lang/Object;";

    private final BytecodeCompiler unit;
    private final BytecodeFunction fn;
    private final BytecodeExpressions exprs;
    private final BytecodeStatements statements;
    private final MethodVisitor mv;

    BytecodeComprehensions(BytecodeCompiler unit, BytecodeFunction fn, BytecodeExpressions exprs) {
        this.unit = unit;
        this.fn = fn;
        this.exprs = exprs;
        this.statements = new BytecodeStatements(unit, fn);
        this.mv = fn.mv;
    }

    /** Pushes the comprehension's new list, set or dict. */
    void value(Expr.Comprehension c) {
        String type = switch (c.kind()) {
            case DICT -> "dev/skein/runtime/SkeinDict";
            case SET -> "dev/skein/runtime/SkeinSet";
            default -> "dev/skein/runtime/SkeinList";
        };
        int sink = fn.newLocal(false);
        mv.visitTypeInsn(NEW, type);
        mv.visitInsn(DUP);
        mv.visitMethodInsn(INVOKESPECIAL, type, "<init>", "()V", false);
        mv.visitVarInsn(ASTORE, sink);
        Label start = fn.startRegion();
        clause(c, 0, sink, type);
        fn.endRegion(start, c.span().line(), c.span().column(), false);
        mv.visitVarInsn(ALOAD, sink);
    }

    private void clause(Expr.Comprehension c, int k, int sink, String type) {
        if (k == c.clauses().size()) {
            element(c, sink, type);
        } else if (c.clauses().get(k) instanceof Expr.CompIf i) {
            Label skip = new Label();
            exprs.branch(i.condition(), false, skip);
            clause(c, k + 1, sink, type);
            mv.visitLabel(skip);
        } else {
            Expr.CompFor f = (Expr.CompFor) c.clauses().get(k);
            if (unit.isRange(f.iterable()) && f.target() instanceof Target.NameTarget n && unit.binding(n) instanceof Binding.Local l
                    && !l.cell()) {   // a captured variable lives in a cell per iteration
                rangeFor(c, k, sink, type, f, l.slot());
            } else {
                iteratorFor(c, k, sink, type, f);
            }
        }
    }

    /** The innermost step: the element (for a dict, key then value) goes into the sink. */
    private void element(Expr.Comprehension c, int sink, String type) {
        mv.visitVarInsn(ALOAD, sink);
        exprs.value(c.element());
        if (c.value() != null) {
            exprs.value(c.value());
            mv.visitMethodInsn(INVOKEVIRTUAL, type, "put", "(" + OBJ + OBJ + ")V", false);
        } else if (type.endsWith("SkeinSet")) {
            mv.visitMethodInsn(INVOKEVIRTUAL, type, "add", "(" + OBJ + ")Z", false);
            mv.visitInsn(POP);
        } else {
            mv.visitMethodInsn(INVOKEVIRTUAL, type, "append", "(" + OBJ + ")V", false);
        }
    }

    /** {@code for target in iterable}: through the iterable's iterator. */
    private void iteratorFor(Expr.Comprehension c, int k, int sink, String type, Expr.CompFor f) {
        int iterator = fn.newLocal(false);
        exprs.value(f.iterable());
        mv.visitMethodInsn(INVOKESTATIC, "dev/skein/runtime/Containers", "iter", "(" + OBJ + ")Ldev/skein/runtime/SkeinIterator;", false);
        mv.visitVarInsn(ASTORE, iterator);
        Label head = new Label(), end = new Label();
        mv.visitLabel(head);
        statements.nextItem(iterator, end);
        statements.store(f.target());
        clause(c, k + 1, sink, type);
        poll();
        mv.visitJumpInsn(GOTO, head);
        mv.visitLabel(end);
    }

    /**
     * {@code for x in range(…)}: on a {@code long} counter, as the statement's range loop. The
     * variable is a fresh local of the comprehension that nothing else assigns, so it stays that
     * {@code long}, boxed where it is read.
     */
    private void rangeFor(Expr.Comprehension c, int k, int sink, String type, Expr.CompFor f, int slot) {
        int i = fn.newLocal(true), left = fn.newLocal(true), step = fn.newLocal(true), current = fn.newLocal(true);
        exprs.value(f.iterable());
        statements.rangeBounds(i, left, step);
        Label head = new Label(), end = new Label();
        mv.visitLabel(head);
        statements.rangeNext(i, left, step, current, end);
        fn.unbox(slot, current);
        clause(c, k + 1, sink, type);
        fn.rebox(slot);
        poll();
        mv.visitJumpInsn(GOTO, head);
        mv.visitLabel(end);
    }

    /** After each item, as the tree's {@code f.ts.poll()}: inside the comprehension's region. */
    private void poll() {
        mv.visitVarInsn(ALOAD, BytecodeFunction.TS);
        mv.visitMethodInsn(INVOKEVIRTUAL, "dev/skein/runtime/ThreadState", "poll", "()V", false);
    }
}
