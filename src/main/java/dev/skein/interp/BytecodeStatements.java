package dev.skein.interp;

import dev.skein.ast.Span;
import dev.skein.ast.Stmt;
import dev.skein.ast.Target;
import java.util.List;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Writes the bytecode of statements: assignments, {@code if}, {@code while}, {@code for}, jumps
 * and returns, with the polls, iterator closing and error positions of the tree's statement
 * nodes ({@link Statements}).
 */
final class BytecodeStatements implements Opcodes {
    private static final String RANGE = "dev/skein/runtime/RangeValue";
    private static final String ITERATOR = "dev/skein/runtime/SkeinIterator";
    private static final String ACCUMULATION = "dev/skein/interp/Accumulation";

    private final BytecodeCompiler unit;
    private final BytecodeFunction fn;
    private final BytecodeExpressions exprs;
    private final MethodVisitor mv;
    private final BytecodeControl control;

    BytecodeStatements(BytecodeCompiler unit, BytecodeFunction fn) {
        this.unit = unit;
        this.fn = fn;
        this.exprs = new BytecodeExpressions(unit, fn);
        this.mv = fn.mv;
        this.control = new BytecodeControl(unit, fn, this, exprs);
    }

    void statements(List<Stmt> body) {
        for (Stmt s : body) statement(s);
    }

    private void statement(Stmt s) {
        lineNumber(s.span().line());
        if (control.statement(s)) return;   // throw, try, with, import, record; jumps that leave a finally or with
        if ((s instanceof Stmt.While || s instanceof Stmt.For) && BytecodeLoops.extracted(unit, fn, control, s)) return;
        if (s instanceof Stmt.Let l) {
            exprs.value(l.value());
            store(l.target());
        } else if (s instanceof Stmt.Assign a) {
            exprs.value(a.value());
            store(a.target());
        } else if (s instanceof Stmt.AugAssign a && unit.appendBuffer(a) != null) {
            append(a, unit.appendBuffer(a));
        } else if (s instanceof Stmt.AugAssign a && a.target() instanceof Target.IndexTarget i) {
            new BytecodeTargets(unit, fn, exprs, this).augIndex(a, i);
        } else if (s instanceof Stmt.AugAssign a) {
            // x op= v is x = x op v with x read once, located at the statement (as the tree builds it).
            Target.NameTarget n = (Target.NameTarget) a.target();
            exprs.read(n.span(), unit.binding(n));
            exprs.value(a.value());
            exprs.arith(a.op(), a.span());
            store(n);
        } else if (s instanceof Stmt.ExprStmt e) {
            exprs.value(e.expr());
            mv.visitInsn(POP);
        } else if (s instanceof Stmt.If i) {
            ifStatement(i);
        } else if (s instanceof Stmt.While w) {
            whileLoop(w);
            writeBack(w);
        } else if (s instanceof Stmt.For f) {
            forLoop(f);
            writeBack(f);
        } else if (s instanceof Stmt.Break) {
            BytecodeFunction.Loop loop = fn.innermostLoop();
            fn.closeIterator(loop);
            mv.visitJumpInsn(GOTO, loop.breakTarget());
        } else if (s instanceof Stmt.Continue) {
            mv.visitJumpInsn(GOTO, fn.innermostLoop().continueTarget());
        } else if (s instanceof Stmt.Return r) {
            if (r.value() == null) mv.visitInsn(ACONST_NULL);
            else exprs.value(r.value());
            mv.visitVarInsn(ASTORE, fn.result);
            fn.closeIterators();
            mv.visitJumpInsn(GOTO, fn.epilogue);
        } else if (s instanceof Stmt.Block b) {
            block(b);
        } else if (s instanceof Stmt.FnDef d) {
            BytecodeClosures.closure(unit, fn, d.function());
            store(unit.binding(d));
        } else {
            throw new IllegalStateException("not in the compiled subset: " + s);
        }
    }

    /**
     * {@code s += v} for a local whose loop appends to a string buffer, as the tree's
     * {@link Accumulation.Append}: a string piece goes to the buffer (started when {@code s} is a
     * string); anything else writes the buffer back and adds as usual, located at the statement.
     */
    private void append(Stmt.AugAssign a, int[] pair) {
        int variable = fn.slotLocal(pair[0]), buffer = fn.slotLocal(pair[1]), piece = fn.newLocal(false);
        Label done = new Label(), unbuffered = new Label(), general = new Label();
        exprs.value(a.value());
        mv.visitVarInsn(ASTORE, piece);
        mv.visitVarInsn(ALOAD, buffer);
        mv.visitTypeInsn(INSTANCEOF, "java/lang/StringBuilder");
        mv.visitJumpInsn(IFEQ, unbuffered);
        mv.visitVarInsn(ALOAD, buffer);
        mv.visitVarInsn(ALOAD, piece);
        mv.visitMethodInsn(INVOKESTATIC, ACCUMULATION, "appendTo", "(Ljava/lang/Object;Ljava/lang/Object;)Z", false);
        mv.visitJumpInsn(IFNE, done);
        flush(variable, buffer);   // not a string after all: back to the general rule
        mv.visitJumpInsn(GOTO, general);
        mv.visitLabel(unbuffered);
        mv.visitVarInsn(ALOAD, variable);
        mv.visitVarInsn(ALOAD, piece);
        mv.visitMethodInsn(INVOKESTATIC, ACCUMULATION, "startBuffer", "(Ljava/lang/Object;Ljava/lang/Object;)Ljava/lang/StringBuilder;", false);
        mv.visitInsn(DUP);
        mv.visitVarInsn(ASTORE, buffer);
        mv.visitJumpInsn(IFNONNULL, done);
        mv.visitLabel(general);
        mv.visitVarInsn(ALOAD, variable);
        mv.visitVarInsn(ALOAD, piece);
        exprs.arith("+", a.span());
        mv.visitVarInsn(ASTORE, variable);
        mv.visitLabel(done);
    }

    /** Buffer (a StringBuilder) to variable as a string; the buffer becomes null. */
    private void flush(int variable, int buffer) {
        mv.visitVarInsn(ALOAD, buffer);
        mv.visitMethodInsn(INVOKEVIRTUAL, "java/lang/Object", "toString", "()Ljava/lang/String;", false);
        mv.visitVarInsn(ASTORE, variable);
        mv.visitInsn(ACONST_NULL);
        mv.visitVarInsn(ASTORE, buffer);
    }

    /**
     * After a loop whose appends go to buffers ({@link Accumulation.Loop}): each buffer in use is
     * written back to its variable. Only leaving normally or by break needs it here: a return or
     * an error leaves the compiled method, and with it these locals, unless a try catches it or
     * has a finally (then {@link BytecodeControl} writes the buffers back first).
     */
    void writeBack(Stmt loop) {
        int[][] pairs = unit.loopBuffers(loop);
        if (pairs == null) return;
        for (int[] p : pairs) {
            int variable = fn.slotLocal(p[0]), buffer = fn.slotLocal(p[1]);
            Label skip = new Label();
            mv.visitVarInsn(ALOAD, buffer);
            mv.visitTypeInsn(INSTANCEOF, "java/lang/StringBuilder");
            mv.visitJumpInsn(IFEQ, skip);
            flush(variable, buffer);
            mv.visitLabel(skip);
        }
    }

    /** Stack: the value. Stores it into a name target (a local, a cell, a capture or a global), or a destructuring or subscript target. */
    void store(Target t) {
        if (!(t instanceof Target.NameTarget)) {
            new BytecodeTargets(unit, fn, exprs, this).store(t);
            return;
        }
        store(unit.binding((Target.NameTarget) t));
    }

    void store(Binding b) {
        if (BytecodeClosures.store(fn, b)) return;   // a cell local or a capture
        if (b instanceof Binding.Local l) {
            mv.visitVarInsn(ASTORE, fn.slotLocal(l.slot()));
        } else if (b instanceof Binding.Global g) {
            int value = fn.newLocal(false);
            mv.visitVarInsn(ASTORE, value);
            exprs.globals();
            fn.push(unit.globalIndex(g.name()));
            mv.visitVarInsn(ALOAD, value);
            mv.visitInsn(AASTORE);
        } else {
            throw new IllegalStateException("not in the compiled subset: " + b);
        }
    }

    private void ifStatement(Stmt.If i) {
        Label otherwise = new Label(), end = new Label();
        exprs.branch(i.condition(), false, otherwise);
        block(i.then());
        mv.visitJumpInsn(GOTO, end);
        mv.visitLabel(otherwise);
        if (i.otherwise() != null) statement(i.otherwise());
        mv.visitLabel(end);
    }

    private void whileLoop(Stmt.While w) {
        Label head = new Label(), next = new Label(), end = new Label();
        mv.visitLabel(head);
        exprs.branch(w.condition(), false, end);
        fn.pushLoop(new BytecodeFunction.Loop(next, end, -1));
        block(w.body());
        fn.popLoop();
        mv.visitLabel(next);
        poll(w.span());
        mv.visitJumpInsn(GOTO, head);
        mv.visitLabel(end);
    }

    /** The back-edge poll: cancellation, timeouts, the step budget (the tree's {@code ts.poll()}). */
    private void poll(Span at) {
        Label start = fn.startRegion();
        mv.visitVarInsn(ALOAD, BytecodeFunction.TS);
        mv.visitMethodInsn(INVOKEVIRTUAL, "dev/skein/runtime/ThreadState", "poll", "()V", false);
        fn.endRegion(start, at.line(), at.column(), false);
    }

    /**
     * {@code for x in it}, in one of two shapes. Over {@code range(…)} (the builtin, which always
     * makes a range) the loop runs on a {@code long} counter with no iterator object (the tree's
     * {@code overRange}); when the body never assigns the loop variable, the variable stays that
     * {@code long} and is boxed only where it is read. Anything else runs through its iterator,
     * which is closed when the loop is left early (break, return, an error), as the tree's
     * {@code finally} does. Everything after the iterable is one region located at the {@code for}.
     */
    private void forLoop(Stmt.For f) {
        if (unit.isRange(f.iterable()) && f.target() instanceof Target.NameTarget) rangeLoop(f);
        else iteratorLoop(f);
    }

    private void rangeLoop(Stmt.For f) {
        int i = fn.newLocal(true), left = fn.newLocal(true), step = fn.newLocal(true), current = fn.newLocal(true);
        exprs.value(f.iterable());
        Label region = fn.startRegion();
        rangeBounds(i, left, step);
        Label head = new Label(), next = new Label(), end = new Label();
        Target.NameTarget target = (Target.NameTarget) f.target();
        int unboxedSlot = unit.binding(target) instanceof Binding.Local l && !l.cell() && !assigns(f.body().statements(), l.slot()) ? l.slot() : -1;
        mv.visitLabel(head);
        rangeTest(left, end);
        if (unboxedSlot >= 0) {
            mv.visitVarInsn(LLOAD, i);
            mv.visitVarInsn(LSTORE, current);
            fn.unbox(unboxedSlot, current);
        } else {
            mv.visitVarInsn(LLOAD, i);
            mv.visitMethodInsn(INVOKESTATIC, "java/lang/Long", "valueOf", "(J)Ljava/lang/Long;", false);
            store(target);
        }
        rangeAdvance(i, left, step);
        fn.pushLoop(new BytecodeFunction.Loop(next, end, -1));
        block(f.body());
        fn.popLoop();
        if (unboxedSlot >= 0) fn.rebox(unboxedSlot);
        mv.visitLabel(next);
        mv.visitVarInsn(ALOAD, BytecodeFunction.TS);
        mv.visitMethodInsn(INVOKEVIRTUAL, "dev/skein/runtime/ThreadState", "poll", "()V", false);
        mv.visitJumpInsn(GOTO, head);
        mv.visitLabel(end);
        fn.endRegion(region, f.span().line(), f.span().column(), false);
    }

    /** Jumps to {@code exhausted} when no element is left ({@code left}, an unsigned count, is 0). */
    private void rangeTest(int left, Label exhausted) {
        mv.visitVarInsn(LLOAD, left);
        mv.visitInsn(LCONST_0);
        mv.visitInsn(LCMP);
        mv.visitJumpInsn(IFEQ, exhausted);
    }

    /** Whether a statement of {@code body} (at any depth) stores into local {@code slot}. */
    boolean assigns(List<Stmt> body, int slot) {
        for (Stmt s : body) {
            if (control.assigns(s, slot)) return true;
            if (s instanceof Stmt.Let l && storesInto(l.target(), slot)) return true;
            if (s instanceof Stmt.Assign a && storesInto(a.target(), slot)) return true;
            if (s instanceof Stmt.AugAssign a) {
                int[] buffered = unit.appendBuffer(a);
                if (buffered != null ? buffered[0] == slot : storesInto(a.target(), slot)) return true;
            }
            if (s instanceof Stmt.For f && (storesInto(f.target(), slot) || assigns(f.body().statements(), slot))) return true;
            if (s instanceof Stmt.While w && assigns(w.body().statements(), slot)) return true;
            if (s instanceof Stmt.Block b && assigns(b.statements(), slot)) return true;
            if (s instanceof Stmt.If i && (assigns(i.then().statements(), slot) || (i.otherwise() != null && assigns(List.of(i.otherwise()), slot)))) {
                return true;
            }
        }
        return false;
    }

    private boolean storesInto(Target t, int slot) {
        if (t instanceof Target.ListTarget items) return items.items().stream().anyMatch(x -> storesInto(x, slot));
        return t instanceof Target.NameTarget n && unit.binding(n) instanceof Binding.Local l && l.slot() == slot;
    }

    private void iteratorLoop(Stmt.For f) {
        int iterator = fn.newLocal(false);
        exprs.value(f.iterable());
        Label region = fn.startRegion();
        Label head = new Label(), next = new Label(), end = new Label();
        mv.visitMethodInsn(INVOKESTATIC, "dev/skein/runtime/Containers", "iter", "(Ljava/lang/Object;)L" + ITERATOR + ";", false);
        mv.visitVarInsn(ASTORE, iterator);
        Label loopStart = new Label(), loopEnd = new Label(), onError = new Label();
        mv.visitLabel(head);
        mv.visitLabel(loopStart);
        nextItem(iterator, end);
        store(f.target());
        BytecodeFunction.Loop loop = new BytecodeFunction.Loop(next, end, iterator);
        fn.pushLoop(loop);
        block(f.body());
        fn.popLoop();
        mv.visitLabel(next);
        mv.visitVarInsn(ALOAD, BytecodeFunction.TS);
        mv.visitMethodInsn(INVOKEVIRTUAL, "dev/skein/runtime/ThreadState", "poll", "()V", false);
        mv.visitJumpInsn(GOTO, head);
        mv.visitLabel(loopEnd);
        // An error inside the loop: close the iterator (not exhausted), then let it go on.
        mv.visitTryCatchBlock(loopStart, loopEnd, onError, null);
        mv.visitLabel(onError);
        fn.closeIterator(loop);
        mv.visitInsn(ATHROW);
        mv.visitLabel(end);
        fn.endRegion(region, f.span().line(), f.span().column(), false);
    }

    private void rangeBound(int range, String part, int into) {
        mv.visitVarInsn(ALOAD, range);
        mv.visitTypeInsn(CHECKCAST, RANGE);
        mv.visitMethodInsn(INVOKEVIRTUAL, RANGE, part, "()J", false);
        mv.visitVarInsn(LSTORE, into);
    }

    /** Pushes the iterator's next item; jumps to {@code exhausted} (stack as before) when there is none. */
    void nextItem(int iterator, Label exhausted) {
        Label notDone = new Label();
        mv.visitVarInsn(ALOAD, iterator);
        mv.visitMethodInsn(INVOKEINTERFACE, ITERATOR, "next", "()Ljava/lang/Object;", true);
        mv.visitInsn(DUP);
        mv.visitFieldInsn(GETSTATIC, ITERATOR, "DONE", "Ljava/lang/Object;");
        mv.visitJumpInsn(IF_ACMPNE, notDone);
        mv.visitInsn(POP);
        mv.visitJumpInsn(GOTO, exhausted);
        mv.visitLabel(notDone);
    }

    /** Stack: a range (the builtin's). Its start, element count (unsigned) and step go to the long locals {@code i}, {@code left}, {@code step}. */
    void rangeBounds(int i, int left, int step) {
        int range = fn.newLocal(false);
        mv.visitTypeInsn(CHECKCAST, RANGE);
        mv.visitVarInsn(ASTORE, range);
        rangeBound(range, "start", i);
        rangeBound(range, "count", left);
        rangeBound(range, "step", step);
    }

    /**
     * The head of a counter loop: jumps to {@code exhausted} when the range is done, else puts
     * the counter into {@code current} and steps it (counting down what is left, as the tree's loop does).
     */
    void rangeNext(int i, int left, int step, int current, Label exhausted) {
        rangeTest(left, exhausted);
        mv.visitVarInsn(LLOAD, i);
        mv.visitVarInsn(LSTORE, current);
        rangeAdvance(i, left, step);
    }

    /** The next element (the step after the last may wrap: the count, not the value, ends the loop), one fewer left. */
    private void rangeAdvance(int i, int left, int step) {
        mv.visitVarInsn(LLOAD, i);
        mv.visitVarInsn(LLOAD, step);
        mv.visitInsn(LADD);
        mv.visitVarInsn(LSTORE, i);
        mv.visitVarInsn(LLOAD, left);
        mv.visitInsn(LCONST_1);
        mv.visitInsn(LSUB);
        mv.visitVarInsn(LSTORE, left);
    }

    /** A block's statements, after the cells of its hoisted names closures capture (the tree's {@link Statements.Block}). */
    private void block(Stmt.Block b) {
        BytecodeClosures.hoist(fn, unit.hoistedCells(b));
        statements(b.statements());
    }

    /** The JVM's line table: a generated frame in a Java stack trace or a profiler shows the Skein line. */
    private void lineNumber(int line) {
        Label here = new Label();
        mv.visitLabel(here);
        mv.visitLineNumber(line, here);
    }
}
