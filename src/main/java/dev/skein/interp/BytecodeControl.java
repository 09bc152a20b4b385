package dev.skein.interp;

import dev.skein.ast.Param;
import dev.skein.ast.Span;
import dev.skein.ast.Stmt;
import java.util.List;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Writes the bytecode of the statements that raise, catch and clean up — {@code throw},
 * {@code try/catch/finally}, {@code with} — and of {@code import} and {@code record}, calling the
 * helpers their tree nodes call ({@link Statements.Throw}, {@link Statements.Try},
 * {@link Definitions}) and locating errors where those nodes do.
 *
 * <p>Ways out. A {@code finally} block (and a {@code with}'s exit) is written once, after the
 * statement, outside every exception range of what it encloses, as the tree runs it after the
 * body has returned: each way into it sets an int local ({@link #NORMAL}, {@link #ERROR},
 * {@link #BREAK}, {@link #CONTINUE}, {@link #RETURN}) and jumps there; after the block a switch
 * carries on that way. A jump that crosses it first closes the iterators of the loops it leaves
 * inside the statement; carrying on is the same jump written again from the statement's own
 * place, so it crosses the next {@code finally} out in turn. A {@code break} or {@code return}
 * inside the {@code finally} block itself simply leaves, dropping the pending one (Python's rule,
 * and the tree's).
 *
 * <p>Only Skein errors and stack overflows are caught or run a {@code finally}; other throwables
 * (an exit request, a host's abandon) pass through, as in {@link Statements.Try}. A {@code with}
 * exits on Skein errors only, as {@link Definitions.With}.
 */
final class BytecodeControl implements Opcodes {
    /** How control reaches a finally block or a with's exit (the pending local's values). */
    static final int NORMAL = 0, ERROR = 1, BREAK = 2, CONTINUE = 3, RETURN = 4;

    private static final String OBJ = "Ljava/lang/Object;";
    private static final String SKEIN_ERROR = BytecodeFunction.SKEIN_ERROR;
    private static final String ERROR_VALUE = "dev/skein/runtime/ErrorValue";
    private static final String SCOPED = "dev/skein/runtime/ScopedResource";
    private static final String TS = "Ldev/skein/runtime/ThreadState;";
    private static final String OVERFLOW = "java/lang/StackOverflowError";

    /**
     * A statement whose way out runs code: a {@code try} with {@code finally} ({@code tryStmt}
     * set: its loops' string buffers are written back before the finally runs) or a {@code with}.
     */
    static final class Cleanup {
        final int loopDepth;
        final int pending;
        final Stmt.Try tryStmt;
        final Label entry = new Label();
        /** Which jumps ({@link #BREAK}, {@link #CONTINUE}, {@link #RETURN}) cross it. */
        final boolean[] jumps = new boolean[RETURN + 1];

        Cleanup(int loopDepth, int pending, Stmt.Try tryStmt) {
            this.loopDepth = loopDepth;
            this.pending = pending;
            this.tryStmt = tryStmt;
        }
    }

    private final BytecodeCompiler unit;
    private final BytecodeFunction fn;
    private final BytecodeStatements statements;
    private final BytecodeExpressions exprs;
    private final MethodVisitor mv;

    BytecodeControl(BytecodeCompiler unit, BytecodeFunction fn, BytecodeStatements statements, BytecodeExpressions exprs) {
        this.unit = unit;
        this.fn = fn;
        this.statements = statements;
        this.exprs = exprs;
        this.mv = fn.mv;
    }

    /** Writes {@code s} when it is one of this walker's; false leaves it to {@link BytecodeStatements}. */
    boolean statement(Stmt s) {
        if (s instanceof Stmt.Throw t) {
            throwStatement(t);
        } else if (s instanceof Stmt.Try t) {
            tryStatement(t);
        } else if (s instanceof Stmt.With w) {
            with(w);
        } else if (s instanceof Stmt.Import i) {
            importStatement(i);
        } else if (s instanceof Stmt.RecordDef r) {
            record(r);
        } else if (s instanceof Stmt.Break && crosses(BREAK)) {
            leave(BREAK);
        } else if (s instanceof Stmt.Continue && crosses(CONTINUE)) {
            leave(CONTINUE);
        } else if (s instanceof Stmt.Return r && crosses(RETURN)) {
            if (r.value() == null) mv.visitInsn(ACONST_NULL);
            else exprs.value(r.value());
            mv.visitVarInsn(ASTORE, fn.result);
            leave(RETURN);
        } else {
            return false;
        }
        return true;
    }

    /** Whether statement {@code s} (at any depth) stores into local {@code slot} (a range loop keeps its counter unboxed otherwise). */
    boolean assigns(Stmt s, int slot) {
        if (s instanceof Stmt.Try t) {
            if (statements.assigns(t.body().statements(), slot)) return true;
            if (t.finallyBlock() != null && statements.assigns(t.finallyBlock().statements(), slot)) return true;
            for (Stmt.Catch c : t.catches()) {
                if ((c.binding() != null && isSlot(unit.binding(c), slot)) || statements.assigns(c.body().statements(), slot)) return true;
            }
            return false;
        }
        if (s instanceof Stmt.With w) return (w.name() != null && isSlot(unit.binding(w), slot)) || statements.assigns(w.body().statements(), slot);
        if (s instanceof Stmt.Import || s instanceof Stmt.RecordDef) return isSlot(unit.binding(s), slot);
        return false;
    }

    private static boolean isSlot(Binding b, int slot) {
        return b instanceof Binding.Local l && l.slot() == slot;
    }

    // ------------------------------------------------------------------ throw

    /** {@code throw v}: a rethrown error keeps its trace (marked as traced here), a new one is located at the statement. */
    private void throwStatement(Stmt.Throw t) {
        exprs.value(t.error());
        mv.visitMethodInsn(INVOKESTATIC, "dev/skein/interp/Statements$Throw", "raised", "(" + OBJ + ")L" + SKEIN_ERROR + ";", false);
        Label fresh = new Label();
        mv.visitInsn(DUP);
        mv.visitMethodInsn(INVOKEVIRTUAL, SKEIN_ERROR, "value", "()L" + ERROR_VALUE + ";", false);
        mv.visitMethodInsn(INVOKEVIRTUAL, ERROR_VALUE, "hasTrace", "()Z", false);
        mv.visitJumpInsn(IFEQ, fresh);
        mv.visitVarInsn(ALOAD, fn.token);
        mv.visitMethodInsn(INVOKESTATIC, BytecodeFunction.SUPPORT, "token", "(" + OBJ + ")" + OBJ, false);
        mv.visitInsn(DUP);
        mv.visitVarInsn(ASTORE, fn.token);
        mv.visitMethodInsn(INVOKEVIRTUAL, SKEIN_ERROR, "tracedAt", "(" + OBJ + ")L" + SKEIN_ERROR + ";", false);
        mv.visitInsn(ATHROW);
        mv.visitLabel(fresh);
        fn.locateAndThrow(t.span().line(), t.span().column());
    }

    // ------------------------------------------------------------------ try

    /**
     * {@code try { body } catch … finally { … }} as {@link Statements.Try}: the catch clauses
     * handle Skein errors and stack overflows of the body (an overflow becomes a RecursionError
     * located at the {@code try}); the finally block runs after the body and the clauses however
     * they are left, and on an error or overflow from them, which it then throws again.
     */
    private void tryStatement(Stmt.Try t) {
        fn.tryDepth++;
        tryStatementIn(t);
        fn.tryDepth--;
    }

    private void tryStatementIn(Stmt.Try t) {
        boolean hasFinally = t.finallyBlock() != null;
        Cleanup cleanup = hasFinally ? new Cleanup(fn.loopDepth(), fn.newLocal(false), t) : null;
        int thrown = hasFinally ? fn.newLocal(false) : -1;
        Label after = new Label(), done = hasFinally ? new Label() : after;
        if (hasFinally) {
            mv.visitInsn(ACONST_NULL);
            mv.visitVarInsn(ASTORE, thrown);
            fn.cleanups.push(cleanup);
        }
        Label bodyStart = new Label(), bodyEnd = new Label(), handlersEnd = new Label();
        mv.visitLabel(bodyStart);
        mv.visitInsn(NOP);   // an empty body still spans an instruction (exception ranges may not be empty)
        statements.statements(t.body().statements());
        mv.visitLabel(bodyEnd);
        mv.visitJumpInsn(GOTO, done);
        if (!t.catches().isEmpty()) catchClauses(t, bodyStart, bodyEnd, done);
        mv.visitLabel(handlersEnd);
        if (!hasFinally) {
            mv.visitLabel(after);
            return;
        }
        fn.cleanups.pop();
        Label onError = new Label();
        mv.visitTryCatchBlock(bodyStart, handlersEnd, onError, SKEIN_ERROR);
        mv.visitTryCatchBlock(bodyStart, handlersEnd, onError, OVERFLOW);
        mv.visitLabel(onError);
        mv.visitVarInsn(ASTORE, thrown);
        writeBack(t);
        setPending(cleanup, ERROR);
        mv.visitJumpInsn(GOTO, cleanup.entry);
        mv.visitLabel(done);
        setPending(cleanup, NORMAL);
        mv.visitLabel(cleanup.entry);
        statements.statements(t.finallyBlock().statements());
        carryOn(cleanup, after, thrown);
        mv.visitLabel(after);
    }

    /**
     * The handlers of the body's errors: the clauses in order, each kind evaluated when reached
     * and checked as {@link Statements.Try#catches} does (located at the {@code try}); the first
     * that takes the error binds it and runs; none: the error goes on unchanged.
     */
    private void catchClauses(Stmt.Try t, Label bodyStart, Label bodyEnd, Label done) {
        Span at = t.span();
        int error = fn.newLocal(false);
        Label onError = new Label(), onOverflow = new Label(), match = new Label();
        mv.visitTryCatchBlock(bodyStart, bodyEnd, onError, SKEIN_ERROR);
        mv.visitTryCatchBlock(bodyStart, bodyEnd, onOverflow, OVERFLOW);
        mv.visitLabel(onOverflow);
        mv.visitInsn(POP);
        mv.visitVarInsn(ALOAD, BytecodeFunction.TS);
        mv.visitMethodInsn(INVOKESTATIC, BytecodeFunction.SUPPORT, "recursionError", "(" + TS + ")L" + SKEIN_ERROR + ";", false);
        fn.locate(at.line(), at.column());
        mv.visitJumpInsn(GOTO, match);
        mv.visitLabel(onError);
        mv.visitInsn(NOP);   // the overflow path joins after the handler's entry: C1 refuses a jump to one
        mv.visitLabel(match);
        mv.visitInsn(DUP);
        mv.visitMethodInsn(INVOKESTATIC, "dev/skein/interp/Statements$Try", "uncatchable", "(L" + SKEIN_ERROR + ";)V", false);
        mv.visitVarInsn(ASTORE, error);
        writeBack(t.body().statements());
        for (Stmt.Catch c : t.catches()) {
            Label take = new Label(), next = new Label();
            for (dev.skein.ast.Expr kind : c.kinds()) {
                exprs.value(kind);
                Label region = fn.startRegion();
                mv.visitVarInsn(ALOAD, error);
                mv.visitMethodInsn(INVOKEVIRTUAL, SKEIN_ERROR, "value", "()L" + ERROR_VALUE + ";", false);
                mv.visitMethodInsn(INVOKESTATIC, "dev/skein/interp/Statements$Try", "catches", "(" + OBJ + "L" + ERROR_VALUE + ";)Z", false);
                fn.endRegion(region, at.line(), at.column(), false);
                mv.visitJumpInsn(IFNE, take);
            }
            if (!c.kinds().isEmpty()) mv.visitJumpInsn(GOTO, next);
            mv.visitLabel(take);
            if (c.binding() != null) {
                mv.visitVarInsn(ALOAD, error);
                mv.visitMethodInsn(INVOKEVIRTUAL, SKEIN_ERROR, "value", "()L" + ERROR_VALUE + ";", false);
                store(unit.binding(c));
            }
            statements.statements(c.body().statements());
            mv.visitJumpInsn(GOTO, done);
            mv.visitLabel(next);
        }
        mv.visitVarInsn(ALOAD, error);
        mv.visitInsn(ATHROW);
    }

    // ------------------------------------------------------------------ with

    /**
     * {@code with r as name { … }} as {@link Definitions.With}: the resource checked and entered
     * (located at the {@code with}); the body; on a Skein error the resource exits with it and it
     * goes on; every other way out exits with none (located at the {@code with}) and carries on.
     */
    private void with(Stmt.With w) {
        Span at = w.span();
        exprs.value(w.resource());
        int resource = fn.newLocal(false);
        Label region = fn.startRegion();
        mv.visitMethodInsn(INVOKESTATIC, "dev/skein/interp/Definitions$With", "scoped", "(" + OBJ + ")L" + SCOPED + ";", false);
        mv.visitInsn(DUP);
        mv.visitVarInsn(ASTORE, resource);
        mv.visitVarInsn(ALOAD, BytecodeFunction.TS);
        mv.visitMethodInsn(INVOKEINTERFACE, SCOPED, "enter", "(" + TS + ")" + OBJ, true);
        fn.endRegion(region, at.line(), at.column(), false);
        if (w.name() != null) store(unit.binding(w));
        else mv.visitInsn(POP);
        Cleanup cleanup = new Cleanup(fn.loopDepth(), fn.newLocal(false), null);
        fn.cleanups.push(cleanup);
        Label bodyStart = new Label(), bodyEnd = new Label(), onError = new Label(), after = new Label();
        mv.visitLabel(bodyStart);
        mv.visitInsn(NOP);
        statements.statements(w.body().statements());
        mv.visitLabel(bodyEnd);
        fn.cleanups.pop();
        setPending(cleanup, NORMAL);
        mv.visitJumpInsn(GOTO, cleanup.entry);
        mv.visitTryCatchBlock(bodyStart, bodyEnd, onError, SKEIN_ERROR);
        mv.visitLabel(onError);
        int error = fn.newLocal(false);
        mv.visitVarInsn(ASTORE, error);
        mv.visitVarInsn(ALOAD, BytecodeFunction.TS);
        mv.visitVarInsn(ALOAD, resource);
        mv.visitTypeInsn(CHECKCAST, SCOPED);
        mv.visitVarInsn(ALOAD, error);
        mv.visitMethodInsn(INVOKESTATIC, "dev/skein/interp/Definitions$With", "exitAfter",
                "(" + TS + "L" + SCOPED + ";L" + SKEIN_ERROR + ";)L" + SKEIN_ERROR + ";", false);
        mv.visitInsn(ATHROW);
        mv.visitLabel(cleanup.entry);
        Label exit = fn.startRegion();
        mv.visitVarInsn(ALOAD, resource);
        mv.visitTypeInsn(CHECKCAST, SCOPED);
        mv.visitVarInsn(ALOAD, BytecodeFunction.TS);
        mv.visitInsn(ACONST_NULL);
        mv.visitMethodInsn(INVOKEINTERFACE, SCOPED, "exit", "(" + TS + "L" + SKEIN_ERROR + ";)V", true);
        fn.endRegion(exit, at.line(), at.column(), false);
        carryOn(cleanup, after, -1);
        mv.visitLabel(after);
    }

    // ------------------------------------------------------------------ import, record

    /** {@code import m [as n]}: loaded as {@link Definitions.Import} loads it (located at the statement), then bound. */
    private void importStatement(Stmt.Import i) {
        Label region = fn.startRegion();
        mv.visitVarInsn(ALOAD, BytecodeFunction.TS);
        mv.visitVarInsn(ALOAD, BytecodeFunction.MODULE);
        unit.constant(mv, CompiledControl.importSite(fn.name, fn.file, i.span().line(), i.span().column()));
        mv.visitLdcInsn(i.module());
        mv.visitInsn(i.isPath() ? ICONST_1 : ICONST_0);
        mv.visitMethodInsn(INVOKESTATIC, "dev/skein/interp/CompiledControl", "load",
                "(" + TS + "Ldev/skein/interp/ModuleInstance;" + OBJ + "Ljava/lang/String;Z)Ldev/skein/runtime/ModuleValue;", false);
        fn.endRegion(region, i.span().line(), i.span().column(), false);
        store(unit.binding(i));
    }

    /** {@code record R(a, b = 1)}: defaults evaluated in order (none: MISSING), the type made by {@link Definitions.RecordDef#define}. */
    private void record(Stmt.RecordDef r) {
        List<Param> fields = r.fields();
        String[] names = new String[fields.size()];
        for (int i = 0; i < names.length; i++) names[i] = fields.get(i).name();
        mv.visitVarInsn(ALOAD, BytecodeFunction.TS);
        mv.visitLdcInsn(r.name());
        unit.constant(mv, names);
        mv.visitTypeInsn(CHECKCAST, "[Ljava/lang/String;");
        fn.push(names.length);
        mv.visitTypeInsn(ANEWARRAY, "java/lang/Object");
        for (int i = 0; i < names.length; i++) {
            mv.visitInsn(DUP);
            fn.push(i);
            if (fields.get(i).defaultValue() == null) {
                mv.visitFieldInsn(GETSTATIC, "dev/skein/runtime/Missing", "MISSING", "Ldev/skein/runtime/Missing;");
            } else {
                exprs.value(fields.get(i).defaultValue());
            }
            mv.visitInsn(AASTORE);
        }
        mv.visitLdcInsn(fn.file + ":" + r.span().line());
        mv.visitMethodInsn(INVOKESTATIC, "dev/skein/interp/Definitions$RecordDef", "define",
                "(" + TS + "Ljava/lang/String;[Ljava/lang/String;[" + OBJ + "Ljava/lang/String;)" + OBJ, false);
        store(unit.binding(r));
    }

    // ------------------------------------------------------------------ ways out

    /** A {@code return} whose value is in the result local already (from a loop's own method, {@link BytecodeLoops}). */
    void returnStored() { leave(RETURN); }

    /** Whether a jump of this kind here crosses a finally block or a with's exit before its target. */
    private boolean crosses(int kind) {
        Cleanup c = fn.cleanups.peek();
        return c != null && (kind == RETURN || c.loopDepth >= fn.loopDepth());
    }

    /**
     * A break, continue or return (its value already in the result local): straight to its
     * target when no cleanup lies between, as {@link BytecodeStatements} writes it; otherwise
     * into the innermost cleanup it crosses, closing the iterators of the loops it leaves first.
     */
    private void leave(int kind) {
        if (!crosses(kind)) {
            BytecodeFunction.Loop loop = fn.innermostLoop();
            if (kind == BREAK) fn.closeIterator(loop);
            else if (kind == RETURN) fn.closeIterators();
            mv.visitJumpInsn(GOTO, kind == BREAK ? loop.breakTarget() : kind == CONTINUE ? loop.continueTarget() : fn.epilogue);
            return;
        }
        Cleanup c = fn.cleanups.peek();
        fn.closeIteratorsBelow(c.loopDepth);
        if (c.tryStmt != null) writeBack(c.tryStmt);
        c.jumps[kind] = true;
        setPending(c, kind);
        mv.visitJumpInsn(GOTO, c.entry);
    }

    /** After a cleanup's code: go on the way it was entered (written from the statement's place, outside it). */
    private void carryOn(Cleanup c, Label after, int thrown) {
        Label[] ways = new Label[RETURN + 1];
        for (int k = 0; k < ways.length; k++) ways[k] = after;
        Label rethrow = new Label();
        if (thrown >= 0) ways[ERROR] = rethrow;
        Label[] jumps = new Label[RETURN + 1];
        for (int k = BREAK; k <= RETURN; k++) {
            if (c.jumps[k]) ways[k] = jumps[k] = new Label();
        }
        mv.visitVarInsn(ILOAD, c.pending);
        mv.visitTableSwitchInsn(NORMAL, RETURN, after, ways);
        if (thrown >= 0) {
            mv.visitLabel(rethrow);
            mv.visitVarInsn(ALOAD, thrown);
            mv.visitTypeInsn(CHECKCAST, "java/lang/Throwable");
            mv.visitInsn(ATHROW);
        }
        for (int k = BREAK; k <= RETURN; k++) {
            if (jumps[k] == null) continue;
            mv.visitLabel(jumps[k]);
            leave(k);
        }
    }

    private void setPending(Cleanup c, int way) {
        fn.push(way);
        mv.visitVarInsn(ISTORE, c.pending);
    }

    /**
     * Writes back the string buffers of every loop inside the try (the tree's loops write theirs
     * back however they are left): before a catch or finally can read the variable. A write-back
     * is idempotent, so loops not being left are harmless to include.
     */
    private void writeBack(Stmt.Try t) {
        writeBack(t.body().statements());
        for (Stmt.Catch c : t.catches()) writeBack(c.body().statements());
    }

    private void writeBack(List<Stmt> body) {
        for (Stmt s : body) {
            if (s instanceof Stmt.For f) {
                writeBack(f.body().statements());
                statements.writeBack(f);
            } else if (s instanceof Stmt.While w) {
                writeBack(w.body().statements());
                statements.writeBack(w);
            } else if (s instanceof Stmt.Block b) {
                writeBack(b.statements());
            } else if (s instanceof Stmt.If i) {
                writeBack(i.then().statements());
                if (i.otherwise() != null) writeBack(List.of(i.otherwise()));
            } else if (s instanceof Stmt.Try t) {
                writeBack(t);
                if (t.finallyBlock() != null) writeBack(t.finallyBlock().statements());
            } else if (s instanceof Stmt.With w) {
                writeBack(w.body().statements());
            }
        }
    }

    /** Stack: the value. Stores it into a statement's own name (a local, a cell, a capture or a global). */
    private void store(Binding b) {
        statements.store(b);
    }
}
