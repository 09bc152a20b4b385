package dev.skein.interp;

import dev.skein.ast.Expr;
import dev.skein.ast.Span;
import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Writes {@code await}, {@code submit} and {@code map … over} as {@link ConcurrencyNodes} runs
 * them: the same evaluation order, the same helpers ({@code Waiting.await}, {@code Pool.submit},
 * {@code MapIterator}, and the nodes' static pool and method-target helpers), and one region
 * located at the expression where the node wraps its work in {@code try … locate}.
 */
final class BytecodeConcurrency implements Opcodes {
    private static final String OBJ = "Ljava/lang/Object;";
    private static final String TS = "Ldev/skein/runtime/ThreadState;";
    private static final String POOL = "dev/skein/concurrent/Pool";
    private static final String NODES = "dev/skein/interp/ConcurrencyNodes";

    private final BytecodeCompiler unit;
    private final BytecodeFunction fn;
    private final BytecodeExpressions exprs;
    private final MethodVisitor mv;

    BytecodeConcurrency(BytecodeCompiler unit, BytecodeFunction fn, BytecodeExpressions exprs) {
        this.unit = unit;
        this.fn = fn;
        this.exprs = exprs;
        this.mv = fn.mv;
    }

    /** Pushes the value of an {@code await}, {@code submit} or {@code map} expression. */
    void value(Expr e) {
        if (e instanceof Expr.Await a) await(a);
        else if (e instanceof Expr.Submit s) submit(s);
        else map((Expr.MapOver) e);
    }

    /** {@code await f [timeout t]}: the future first; then, located, the timeout and the wait. */
    private void await(Expr.Await a) {
        Span at = a.span();
        exprs.value(a.future());
        int future = fn.newLocal(false);
        mv.visitVarInsn(ASTORE, future);
        Label region = fn.startRegion();
        mv.visitVarInsn(ALOAD, BytecodeFunction.TS);
        mv.visitVarInsn(ALOAD, future);
        seconds(a.timeout());
        mv.visitLdcInsn(fn.file + ":" + at.line());
        mv.visitMethodInsn(INVOKESTATIC, "dev/skein/concurrent/Waiting", "await", "(" + TS + OBJ + "Ljava/lang/Double;Ljava/lang/String;)" + OBJ, false);
        fn.endRegion(region, at.line(), at.column(), false);
    }

    /**
     * {@code submit callee(args) [to pool] [timeout t]}, all located at the {@code submit}: the
     * callee (for {@code r.name(…)}: r's member or bound method), the positional arguments then
     * the keyword ones (as {@link Compiler#arguments} orders them), the pool, the timeout; the
     * call itself runs on the pool.
     */
    private void submit(Expr.Submit s) {
        Span at = s.span();
        Expr.Call call = s.call();
        Label region = fn.startRegion();
        int callee = fn.newLocal(false), args = fn.newLocal(false), pool = fn.newLocal(false);
        if (call.callee() instanceof Expr.Attr attr) {
            exprs.value(attr.target());
            mv.visitVarInsn(ALOAD, BytecodeFunction.TS);
            mv.visitInsn(SWAP);
            mv.visitLdcInsn(attr.name());
            mv.visitMethodInsn(INVOKESTATIC, NODES + "$MethodTarget", "of", "(" + TS + OBJ + "Ljava/lang/String;)" + OBJ, false);
        } else {
            exprs.value(call.callee());
        }
        mv.visitVarInsn(ASTORE, callee);
        List<Expr> values = new ArrayList<>();
        List<String> keywords = new ArrayList<>();
        for (Expr.Arg arg : call.args()) if (arg.name() == null) values.add(arg.value());
        for (Expr.Arg arg : call.args()) {
            if (arg.name() != null) {
                values.add(arg.value());
                keywords.add(arg.name());
            }
        }
        exprs.valuesArray(values);
        mv.visitVarInsn(ASTORE, args);
        pool(s.pool(), pool);
        mv.visitVarInsn(ALOAD, pool);
        mv.visitVarInsn(ALOAD, BytecodeFunction.TS);
        mv.visitVarInsn(ALOAD, callee);
        mv.visitVarInsn(ALOAD, args);
        if (keywords.isEmpty()) {
            mv.visitInsn(ACONST_NULL);
        } else {
            unit.constant(mv, keywords.toArray(new String[0]));
            mv.visitTypeInsn(CHECKCAST, "[Ljava/lang/String;");
        }
        seconds(s.timeout());
        mv.visitLdcInsn(fn.file + ":" + at.line() + ":" + at.column());
        mv.visitMethodInsn(INVOKEVIRTUAL, POOL, "submit",
                "(" + TS + OBJ + "[" + OBJ + "[Ljava/lang/String;Ljava/lang/Double;Ljava/lang/String;)Ldev/skein/concurrent/Future;", false);
        fn.endRegion(region, at.line(), at.column(), false);
    }

    /**
     * {@code map fn over xs, ys [to pool] [chunk n] [unordered] [timeout t] [buffer b]}, all
     * located at the {@code map}: the function, the iterables, the pool, chunk and buffer (each
     * converted when evaluated), the timeout, then the {@code MapIterator}.
     */
    private void map(Expr.MapOver m) {
        Span at = m.span();
        Label region = fn.startRegion();
        int function = fn.newLocal(false), iterables = fn.newLocal(false), pool = fn.newLocal(false);
        int chunk = fn.newLocal(false), buffer = fn.newLocal(false);
        exprs.value(m.function());
        mv.visitVarInsn(ASTORE, function);
        exprs.valuesArray(m.iterables());
        mv.visitVarInsn(ASTORE, iterables);
        pool(m.pool(), pool);
        count(m.chunk(), "chunk", chunk);
        count(m.buffer(), "buffer", buffer);
        String iterator = "dev/skein/concurrent/MapIterator";
        mv.visitTypeInsn(NEW, iterator);
        mv.visitInsn(DUP);
        mv.visitVarInsn(ALOAD, BytecodeFunction.TS);
        mv.visitVarInsn(ALOAD, pool);
        mv.visitVarInsn(ALOAD, function);
        mv.visitVarInsn(ALOAD, iterables);
        mv.visitVarInsn(ALOAD, chunk);
        mv.visitInsn(m.unordered() ? ICONST_1 : ICONST_0);
        seconds(m.timeout());
        mv.visitVarInsn(ALOAD, buffer);
        mv.visitLdcInsn(fn.file + ":" + at.line());
        mv.visitMethodInsn(INVOKESPECIAL, iterator, "<init>",
                "(" + TS + "L" + POOL + ";" + OBJ + "[" + OBJ + "Ljava/lang/Long;ZLjava/lang/Double;Ljava/lang/Long;Ljava/lang/String;)V", false);
        fn.endRegion(region, at.line(), at.column(), false);
    }

    /** The pool after {@code to} (checked), or the current one, into local {@code into} (as {@link ConcurrencyNodes#pool}). */
    private void pool(Expr e, int into) {
        if (e == null) {
            mv.visitVarInsn(ALOAD, BytecodeFunction.TS);
            mv.visitMethodInsn(INVOKESTATIC, NODES, "currentPool", "(" + TS + ")L" + POOL + ";", false);
        } else {
            exprs.value(e);
            mv.visitMethodInsn(INVOKESTATIC, NODES, "toPool", "(" + OBJ + ")L" + POOL + ";", false);
        }
        mv.visitVarInsn(ASTORE, into);
    }

    /** An optional count ({@code chunk}, {@code buffer}) as a Long, or null, into local {@code into}. */
    private void count(Expr e, String what, int into) {
        if (e == null) {
            mv.visitInsn(ACONST_NULL);
        } else {
            exprs.value(e);
            mv.visitLdcInsn(what);
            mv.visitMethodInsn(INVOKESTATIC, "dev/skein/runtime/Convert", "toLong", "(" + OBJ + "Ljava/lang/String;)J", false);
            mv.visitMethodInsn(INVOKESTATIC, "java/lang/Long", "valueOf", "(J)Ljava/lang/Long;", false);
        }
        mv.visitVarInsn(ASTORE, into);
    }

    /** Pushes an optional timeout in seconds ({@code Seconds.optional}), or null. */
    private void seconds(Expr e) {
        if (e == null) {
            mv.visitInsn(ACONST_NULL);
        } else {
            exprs.value(e);
            mv.visitMethodInsn(INVOKESTATIC, "dev/skein/runtime/Seconds", "optional", "(" + OBJ + ")Ljava/lang/Double;", false);
        }
    }
}
