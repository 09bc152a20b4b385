package dev.skein.interp;

import dev.skein.runtime.Containers;
import dev.skein.runtime.ErrorKind;
import dev.skein.runtime.ErrorValue;
import dev.skein.runtime.Errors;
import dev.skein.runtime.RangeValue;
import dev.skein.runtime.SkeinError;
import dev.skein.runtime.SkeinIterator;
import dev.skein.runtime.SkeinList;
import dev.skein.runtime.ThreadState;
import dev.skein.runtime.Values;

/** Statement nodes: blocks, assignment, control flow, errors. */
final class Statements {
    private Statements() {}

    static final class Block extends StmtNode {
        final StmtNode[] body;
        /** Slots of hoisted functions that closures capture: their cells exist before any closure is made. */
        final int[] cellsToCreate;

        Block(int line, int col, StmtNode[] body, int[] cellsToCreate) {
            super(line, col);
            this.body = body;
            this.cellsToCreate = cellsToCreate;
        }

        @Override public int exec(Frame f) {
            for (int slot : cellsToCreate) f.slots[slot] = new Cell(null);
            for (StmtNode s : body) {
                int r = s.exec(f);
                if (r != NORMAL) return r;
            }
            return NORMAL;
        }
    }

    static final class ExprStmt extends StmtNode {
        final ExprNode expr;

        ExprStmt(int line, int col, ExprNode expr) {
            super(line, col);
            this.expr = expr;
        }

        @Override public int exec(Frame f) {
            expr.eval(f);
            return NORMAL;
        }
    }

    /** {@code let target = value} and {@code target = value}. */
    static final class Assign extends StmtNode {
        final Store target;
        final ExprNode value;

        Assign(int line, int col, Store target, ExprNode value) {
            super(line, col);
            this.target = target;
            this.value = value;
        }

        @Override public int exec(Frame f) {
            target.store(f, value.eval(f));
            return NORMAL;
        }
    }

    /** {@code xs[i] op= value}: the container and index are evaluated once. */
    static final class AugIndex extends StmtNode {
        final ExprNode target, index, value;
        final Operators.BinaryOp op;

        AugIndex(int line, int col, ExprNode target, ExprNode index, Operators.BinaryOp op, ExprNode value) {
            super(line, col);
            this.target = target;
            this.index = index;
            this.op = op;
            this.value = value;
        }

        @Override public int exec(Frame f) {
            Object t = target.eval(f);
            Object i = index.eval(f);
            try {
                Object old = Containers.getIndex(t, i);
                Object v = value.eval(f);
                Variables.IndexStore.setIndex(t, i, op.apply(old, v, f.ts));
            } catch (SkeinError e) {
                throw locate(e, f);
            }
            return NORMAL;
        }

        /** {@code t[i]} for an index the compiled code holds as a long; a list answers directly. */
        static Object getIndex(Object t, long i) {
            return t instanceof SkeinList l ? l.getPy(i) : Containers.getIndex(t, i);
        }
    }

    static final class If extends StmtNode {
        final ExprNode condition;
        final StmtNode then, otherwise;

        If(int line, int col, ExprNode condition, StmtNode then, StmtNode otherwise) {
            super(line, col);
            this.condition = condition;
            this.then = then;
            this.otherwise = otherwise;
        }

        @Override public int exec(Frame f) {
            Object c = condition.eval(f);
            if (c instanceof Boolean b ? b : Values.truthy(c)) return then.exec(f);
            return otherwise == null ? NORMAL : otherwise.exec(f);
        }
    }

    static final class While extends StmtNode {
        final ExprNode condition;
        final StmtNode body;

        While(int line, int col, ExprNode condition, StmtNode body) {
            super(line, col);
            this.condition = condition;
            this.body = body;
        }

        @Override public int exec(Frame f) {
            ThreadState ts = f.ts;
            while (true) {
                Object c = condition.eval(f);
                if (!(c instanceof Boolean b ? b : Values.truthy(c))) return NORMAL;
                int r = body.exec(f);
                if (r == BREAK) return NORMAL;
                if (r == RETURN) return r;
                try {
                    ts.poll();
                } catch (SkeinError e) {
                    throw locate(e, f);
                }
            }
        }
    }

    static final class For extends StmtNode {
        final Store target;
        final ExprNode iterable;
        final StmtNode body;

        For(int line, int col, Store target, ExprNode iterable, StmtNode body) {
            super(line, col);
            this.target = target;
            this.iterable = iterable;
            this.body = body;
        }

        /** What {@link #iterate} returns when the loop goes on. */
        private static final int GO_ON = -1;

        @Override public int exec(Frame f) {
            Object it = iterable.eval(f);
            ThreadState ts = f.ts;
            try {
                if (it instanceof RangeValue r) return overRange(f, ts, r);
                SkeinIterator iter = Containers.iter(it);
                boolean exhausted = false;
                try {
                    while (true) {
                        Object v = iter.next();
                        if (v == SkeinIterator.DONE) {
                            exhausted = true;
                            return NORMAL;
                        }
                        int r = iterate(f, ts, v);
                        if (r != GO_ON) return r;
                    }
                } finally {
                    if (!exhausted) iter.close();   // leaving early: lazy producers cancel their work
                }
            } catch (SkeinError e) {
                throw locate(e, f);
            }
        }

        /** Ranges run on a primitive counter, with no iterator object. */
        private int overRange(Frame f, ThreadState ts, RangeValue range) {
            long step = range.step();
            for (long i = range.start(), left = range.count(); left != 0; left--, i += step) {   // counted: the last step may wrap
                int r = iterate(f, ts, i);
                if (r != GO_ON) return r;
            }
            return NORMAL;
        }

        /** One iteration: bind, run the body, poll; {@link #GO_ON}, or how the loop ends. */
        private int iterate(Frame f, ThreadState ts, Object v) {
            target.store(f, v);
            int r = body.exec(f);
            if (r == BREAK) return NORMAL;
            if (r == RETURN) return r;
            ts.poll();
            return GO_ON;
        }
    }

    static final class Return extends StmtNode {
        final ExprNode value;

        Return(int line, int col, ExprNode value) {
            super(line, col);
            this.value = value;
        }

        @Override public int exec(Frame f) {
            f.ret = value == null ? null : value.eval(f);
            return RETURN;
        }
    }

    static final class Jump extends StmtNode {
        final int kind;

        Jump(int line, int col, int kind) {
            super(line, col);
            this.kind = kind;
        }

        @Override public int exec(Frame f) { return kind; }
    }

    static final class Throw extends StmtNode {
        final ExprNode error;

        Throw(int line, int col, ExprNode error) {
            super(line, col);
            this.error = error;
        }

        @Override public int exec(Frame f) {
            SkeinError e = raised(error.eval(f));
            if (e.value().hasTrace()) throw e.tracedAt(f);   // a rethrow keeps the original trace
            throw locate(e, f);
        }

        /**
         * The error {@code throw v} raises, not yet located: v's own (a kind becomes an error
         * without message), or the TypeError for a value that is no error. Compiled code calls it too.
         */
        static SkeinError raised(Object v) {
            if (v instanceof ErrorKind k) v = new ErrorValue(k, "", null);
            if (!(v instanceof ErrorValue ev)) {
                return Errors.type("only errors can be thrown, not " + Values.typeName(v) + " (try: throw ValueError(\"…\"))");
            }
            return new SkeinError(ev);
        }
    }

    /** One {@code catch} clause: the kinds it catches (none: all) and where the error goes. */
    record CatchClause(ExprNode[] kinds, Store binding, StmtNode body) {}

    static final class Try extends StmtNode {
        final StmtNode body;
        final CatchClause[] catches;
        final StmtNode finallyBlock;

        Try(int line, int col, StmtNode body, CatchClause[] catches, StmtNode finallyBlock) {
            super(line, col);
            this.body = body;
            this.catches = catches;
            this.finallyBlock = finallyBlock;
        }

        @Override public int exec(Frame f) {
            int result;
            try {
                result = runCatching(f);
            } catch (SkeinError | StackOverflowError e) {
                if (finallyBlock != null) {
                    int r = finallyBlock.exec(f);
                    if (r != NORMAL) return r;   // a return/break in finally wins, as in Python
                }
                throw e;
            }
            if (finallyBlock != null) {
                int r = finallyBlock.exec(f);
                if (r != NORMAL) return r;
            }
            return result;
        }

        private int runCatching(Frame f) {
            try {
                return body.exec(f);
            } catch (SkeinError e) {
                uncatchable(e);
                CatchClause c = match(f, e.value());
                if (c == null) throw e;
                if (c.binding() != null) c.binding().store(f, e.value());
                return c.body().exec(f);
            } catch (StackOverflowError deep) {
                SkeinError e = locate(Function.recursionError(f.ts), f);
                CatchClause c = match(f, e.value());
                if (c == null) throw e;
                if (c.binding() != null) c.binding().store(f, e.value());
                return c.body().exec(f);
            }
        }

        private CatchClause match(Frame f, ErrorValue err) {
            for (CatchClause c : catches) {
                if (c.kinds().length == 0) return c;
                for (ExprNode k : c.kinds()) {
                    Object kind = k.eval(f);
                    boolean caught;
                    try {
                        caught = catches(kind, err);
                    } catch (SkeinError e) {
                        throw locate(e, f);
                    }
                    if (caught) return c;
                }
            }
            return null;
        }

        /** Rethrows a limit error (time, steps, memory, cancellation): no catch clause takes it. */
        static void uncatchable(SkeinError e) {
            if (e.isLimit()) throw e;
        }

        /** Whether a catch clause naming {@code kind} takes {@code err}; TypeError (not located) when kind is no error kind. */
        static boolean catches(Object kind, ErrorValue err) {
            if (!(kind instanceof ErrorKind ek)) {
                throw Errors.type("catch needs error kinds like ValueError, not " + Values.typeName(kind));
            }
            return err.kind().isA(ek);
        }
    }
}
