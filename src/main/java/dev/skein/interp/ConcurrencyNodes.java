package dev.skein.interp;

import dev.skein.concurrent.MapIterator;
import dev.skein.concurrent.Pool;
import dev.skein.concurrent.PoolRegistry;
import dev.skein.concurrent.Waiting;
import dev.skein.runtime.Convert;
import dev.skein.runtime.Errors;
import dev.skein.runtime.Seconds;
import dev.skein.runtime.SkeinError;
import dev.skein.runtime.ThreadState;
import dev.skein.runtime.Values;

/** Nodes for {@code submit}, {@code await} and {@code map … over}. */
final class ConcurrencyNodes {
    private ConcurrencyNodes() {}

    static Pool pool(Frame f, ExprNode poolExpr) {
        return poolExpr == null ? currentPool(f.ts) : toPool(poolExpr.eval(f));
    }

    /** The pool a {@code submit} or {@code map} without {@code to} uses. */
    static Pool currentPool(ThreadState ts) { return PoolRegistry.of(ts.interp()).current(ts); }

    /** The value after {@code to}: a pool, else a TypeError (not located). */
    static Pool toPool(Object p) {
        if (p instanceof Pool pool) return pool;
        throw Errors.type("'to' needs a pool, not " + Values.typeName(p));
    }

    static Double seconds(Frame f, ExprNode e) {
        return e == null ? null : Seconds.optional(e.eval(f));
    }

    /** {@code submit callee(args) [to pool] [timeout t]}: callee and arguments evaluated here, the call runs there. */
    static final class Submit extends ExprNode {
        final ExprNode callee;
        final Calls.Arguments args;
        final ExprNode pool, timeout;

        Submit(int line, int col, ExprNode callee, Calls.Arguments args, ExprNode pool, ExprNode timeout) {
            super(line, col);
            this.callee = callee;
            this.args = args;
            this.pool = pool;
            this.timeout = timeout;
        }

        @Override public Object eval(Frame f) {
            try {
                Object fn = callee.eval(f);
                Object[] a = args.eval(f);
                Pool p = pool(f, pool);
                return p.submit(f.ts, fn, a, args.kwNames, seconds(f, timeout), f.code.file + ":" + line + ":" + column);
            } catch (SkeinError e) {
                throw locate(e, f);
            }
        }
    }

    static final class MethodTarget extends ExprNode {
        final ExprNode receiver;
        final String name;

        MethodTarget(int line, int col, ExprNode receiver, String name) {
            super(line, col);
            this.receiver = receiver;
            this.name = name;
        }

        @Override public Object eval(Frame f) { return of(f.ts, receiver.eval(f), name); }

        /**
         * What {@code submit r.name(…)} calls: r's field or module member, else the method bound
         * to r; a name r does not have is an AttributeError here, at the submit, not at the await.
         */
        static Object of(dev.skein.runtime.ThreadState ts, Object r, String name) {
            return dev.skein.runtime.Values.getAttr(ts, r, name);
        }
    }

    static final class Await extends ExprNode {
        final ExprNode future, timeout;

        Await(int line, int col, ExprNode future, ExprNode timeout) {
            super(line, col);
            this.future = future;
            this.timeout = timeout;
        }

        @Override public Object eval(Frame f) {
            Object v = future.eval(f);
            try {
                return Waiting.await(f.ts, v, seconds(f, timeout), f.code.file + ":" + line);
            } catch (SkeinError e) {
                throw locate(e, f);
            }
        }
    }

    static final class MapOver extends ExprNode {
        final ExprNode function;
        final ExprNode[] iterables;
        final ExprNode pool, chunk, timeout, buffer;
        final boolean unordered;

        MapOver(int line, int col, ExprNode function, ExprNode[] iterables, ExprNode pool, ExprNode chunk,
                boolean unordered, ExprNode timeout, ExprNode buffer) {
            super(line, col);
            this.function = function;
            this.iterables = iterables;
            this.pool = pool;
            this.chunk = chunk;
            this.unordered = unordered;
            this.timeout = timeout;
            this.buffer = buffer;
        }

        @Override public Object eval(Frame f) {
            try {
                Object fn = function.eval(f);
                Object[] its = new Object[iterables.length];
                for (int i = 0; i < its.length; i++) its[i] = iterables[i].eval(f);
                Pool p = pool(f, pool);
                Long c = chunk == null ? null : Convert.toLong(chunk.eval(f), "chunk");
                Long b = buffer == null ? null : Convert.toLong(buffer.eval(f), "buffer");
                return new MapIterator(f.ts, p, fn, its, c, unordered, seconds(f, timeout), b, f.code.file + ":" + line);
            } catch (SkeinError e) {
                throw locate(e, f);
            }
        }
    }
}
