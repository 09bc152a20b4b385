package dev.skein.interp;

import dev.skein.ast.Expr;
import dev.skein.ast.Span;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Writes the bytecode of expressions. Values stay boxed (Long, Double, Boolean, …) and every
 * operator calls the runtime helper the tree's node calls ({@code Arith}, {@code Values}), so
 * results and errors are the tree's by construction. Conditions ({@code if}, {@code while},
 * {@code and}/{@code or}/{@code not}) are written as jumps, so comparisons never box a Boolean there.
 *
 * <p>Error positions follow the tree node by node: where a node wraps an operation in
 * {@code try … catch → locate}, the same instructions form a region ({@link BytecodeFunction#endRegion}).
 */
final class BytecodeExpressions implements Opcodes {
    private static final String OBJ = "Ljava/lang/Object;";
    private static final String BINARY = "(" + OBJ + OBJ + ")" + OBJ;
    private static final String TEST = "(" + OBJ + OBJ + ")Z";
    private static final String VALUES = "dev/skein/runtime/Values";
    static final String FUNCTION = "dev/skein/interp/Function";
    private static final String CALLS = "dev/skein/interp/Calls";

    private static final String OPERATORS = "dev/skein/interp/Operators";
    /** The operators with a long fast path in {@link Operators} (the tree's nodes use the same). */
    private static final java.util.Set<String> FAST = java.util.Set.of("+", "-", "*", "//", "%");

    /** Binary operator → its method, as in {@link Operators#forSymbol}. */
    static final Map<String, String> ARITH = Map.ofEntries(
            Map.entry("+", "add"), Map.entry("-", "sub"), Map.entry("*", "mul"), Map.entry("/", "truediv"),
            Map.entry("//", "floordiv"), Map.entry("%", "mod"), Map.entry("**", "pow"), Map.entry("&", "bitand"),
            Map.entry("|", "bitor"), Map.entry("^", "bitxor"), Map.entry("<<", "shl"), Map.entry(">>", "shr"));

    /** Operators whose runtime helper takes the thread state last: huge int products and powers poll it. */
    private static final java.util.Set<String> POLLING = java.util.Set.of("*", "**");

    /** Stack: a, b. Calls {@code owner}'s helper for {@code op}, passing the thread state when it takes one. */
    static void callArith(MethodVisitor mv, String owner, String op) {
        if (POLLING.contains(op)) {
            mv.visitVarInsn(ALOAD, BytecodeFunction.TS);
            mv.visitMethodInsn(INVOKESTATIC, owner, ARITH.get(op), "(" + OBJ + OBJ + "Ldev/skein/runtime/ThreadState;)" + OBJ, false);
        } else {
            mv.visitMethodInsn(INVOKESTATIC, owner, ARITH.get(op), BINARY, false);
        }
    }

    private final BytecodeCompiler unit;
    private final BytecodeFunction fn;
    private final MethodVisitor mv;

    BytecodeExpressions(BytecodeCompiler unit, BytecodeFunction fn) {
        this.unit = unit;
        this.fn = fn;
        this.mv = fn.mv;
    }

    // ------------------------------------------------------------------ values

    /** Pushes the value of {@code e}. */
    void value(Expr e) {
        if (e instanceof Expr.Literal l) {
            literal(l.value());
        } else if (e instanceof Expr.Name n) {
            read(n.span(), unit.binding(n));
        } else if (e instanceof Expr.Unary u) {
            value(u.operand());
            Label start = fn.startRegion();
            String helper = switch (u.op()) { case "-" -> "neg"; case "+" -> "pos"; default -> "invert"; };
            mv.visitMethodInsn(INVOKESTATIC, "dev/skein/runtime/Arith", helper, "(" + OBJ + ")" + OBJ, false);
            fn.endRegion(start, u.span().line(), u.span().column(), false);
        } else if (e instanceof Expr.Binary b && BytecodeFused.fuses(unit, fn, e)) {
            BytecodeFused.value(unit, fn, this, b);
        } else if (e instanceof Expr.Binary b) {
            value(b.left());
            value(b.right());
            arith(b.op(), b.span());
        } else if (e instanceof Expr.And a) {
            shortCircuit(a.left(), a.right(), IFEQ);
        } else if (e instanceof Expr.Or o) {
            shortCircuit(o.left(), o.right(), IFNE);
        } else if (e instanceof Expr.Conditional c) {
            Label otherwise = new Label(), end = new Label();
            branch(c.condition(), false, otherwise);
            value(c.then());
            mv.visitJumpInsn(GOTO, end);
            mv.visitLabel(otherwise);
            value(c.otherwise());
            mv.visitLabel(end);
        } else if (e instanceof Expr.Call c) {
            call(c);
        } else if (e instanceof Expr.Not || e instanceof Expr.Compare) {
            booleanValue(e);
        } else if (BytecodeData.handles(e)) {
            data().value(e);
        } else if (e instanceof Expr.Comprehension c) {
            new BytecodeComprehensions(unit, fn, this).value(c);
        } else if (e instanceof Expr.Lambda l) {
            BytecodeClosures.closure(unit, fn, l);
        } else if (e instanceof Expr.Await || e instanceof Expr.Submit || e instanceof Expr.MapOver) {
            new BytecodeConcurrency(unit, fn, this).value(e);
        } else {
            throw new IllegalStateException("not in the compiled subset: " + e);
        }
    }

    /** {@code and}/{@code or}: the left value when {@code keepLeft} (a jump on its truthiness) says so, else the right one. */
    private void shortCircuit(Expr left, Expr right, int keepLeft) {
        Label end = new Label();
        value(left);
        mv.visitInsn(DUP);
        truthy();
        mv.visitJumpInsn(keepLeft, end);
        mv.visitInsn(POP);
        value(right);
        mv.visitLabel(end);
    }

    /** Stack: left, right. Applies a binary operator, located at {@code at} like the tree's BinaryNode. */
    void arith(String op, Span at) {
        Label start = fn.startRegion();
        if (!fn.compact && BytecodeArith.inlines(op)) {
            new BytecodeArith(fn).binary(op, "dev/skein/runtime/Arith");
        } else {
            callArith(mv, FAST.contains(op) ? OPERATORS : "dev/skein/runtime/Arith", op);
        }
        fn.endRegion(start, at.line(), at.column(), false);
    }

    private void booleanValue(Expr e) {
        Label no = new Label(), end = new Label();
        branch(e, false, no);
        mv.visitFieldInsn(GETSTATIC, "java/lang/Boolean", "TRUE", "Ljava/lang/Boolean;");
        mv.visitJumpInsn(GOTO, end);
        mv.visitLabel(no);
        mv.visitFieldInsn(GETSTATIC, "java/lang/Boolean", "FALSE", "Ljava/lang/Boolean;");
        mv.visitLabel(end);
    }

    private void literal(Object v) {
        if (v == null) mv.visitInsn(ACONST_NULL);
        else if (v instanceof Boolean b) mv.visitFieldInsn(GETSTATIC, "java/lang/Boolean", b ? "TRUE" : "FALSE", "Ljava/lang/Boolean;");
        else if (v instanceof String s) mv.visitLdcInsn(s);
        else if (v instanceof dev.skein.ast.LiteralBytes b) data().bytes(b);
        else unit.constant(mv, v);   // Long, Double, BigInteger: one shared box, as the tree's Const
    }

    void read(Span at, Binding b) {
        if (BytecodeClosures.read(fn, b)) return;   // a cell local or a capture
        if (b instanceof Binding.Local l) {
            int counter = fn.unboxedLocal(l.slot());
            if (counter >= 0) {   // a range loop's variable: boxed where it is read
                mv.visitVarInsn(LLOAD, counter);
                mv.visitMethodInsn(INVOKESTATIC, "java/lang/Long", "valueOf", "(J)Ljava/lang/Long;", false);
            } else {
                mv.visitVarInsn(ALOAD, fn.slotLocal(l.slot()));
            }
        } else if (b instanceof Binding.Global g) {
            Label assigned = new Label();
            globals();
            fn.push(unit.globalIndex(g.name()));
            mv.visitInsn(AALOAD);
            mv.visitInsn(DUP);
            mv.visitFieldInsn(GETSTATIC, "dev/skein/interp/Unset", "UNSET", "Ldev/skein/interp/Unset;");
            mv.visitJumpInsn(IF_ACMPNE, assigned);
            mv.visitInsn(POP);
            mv.visitLdcInsn(g.name());
            mv.visitMethodInsn(INVOKESTATIC, BytecodeFunction.SUPPORT, "usedBeforeLet", "(Ljava/lang/String;)L" + BytecodeFunction.SKEIN_ERROR + ";", false);
            fn.locateAndThrow(at.line(), at.column());
            mv.visitLabel(assigned);
        } else if (b instanceof Binding.Builtin bi) {
            unit.constant(mv, unit.builtin(bi.name()));
        } else {
            throw new IllegalStateException("not in the compiled subset: " + b);
        }
    }

    /** Pushes the module's globals array (read each time: the module replaces it when it grows). */
    void globals() {
        mv.visitVarInsn(ALOAD, BytecodeFunction.MODULE);
        mv.visitFieldInsn(GETFIELD, "dev/skein/interp/ModuleInstance", "globals", "[" + OBJ);
    }

    private void truthy() {
        mv.visitMethodInsn(INVOKESTATIC, VALUES, "truthy", "(" + OBJ + ")Z", false);
    }

    // ------------------------------------------------------------------ conditions

    /** Jumps to {@code target} when {@code e}'s truthiness is {@code when}; falls through otherwise. */
    void branch(Expr e, boolean when, Label target) {
        if (e instanceof Expr.Not n) {
            branch(n.operand(), !when, target);
        } else if (e instanceof Expr.And a) {
            if (!when) {
                branch(a.left(), false, target);
                branch(a.right(), false, target);
            } else {
                Label skip = new Label();
                branch(a.left(), false, skip);
                branch(a.right(), true, target);
                mv.visitLabel(skip);
            }
        } else if (e instanceof Expr.Or o) {
            if (when) {
                branch(o.left(), true, target);
                branch(o.right(), true, target);
            } else {
                Label skip = new Label();
                branch(o.left(), true, skip);
                branch(o.right(), false, target);
                mv.visitLabel(skip);
            }
        } else if (e instanceof Expr.Compare c) {
            compare(c, when, target);
        } else if (e instanceof Expr.Literal l && l.value() instanceof Boolean b) {
            if (b == when) mv.visitJumpInsn(GOTO, target);
        } else {
            value(e);
            truthy();
            mv.visitJumpInsn(when ? IFNE : IFEQ, target);
        }
    }

    /**
     * {@code a op b} and chains {@code a < b < c} (each middle operand evaluated once, stopping
     * at the first false). Each comparison is located, as in the tree.
     */
    private void compare(Expr.Compare c, boolean when, Label target) {
        if (BytecodeFused.fuses(unit, fn, c)) {
            BytecodeFused.compare(unit, fn, this, c);
            mv.visitJumpInsn(when ? IFNE : IFEQ, target);
            return;
        }
        List<Expr> operands = c.operands();
        List<String> ops = c.ops();
        boolean chain = ops.size() > 1;
        Label isFalse = new Label();
        int left = chain ? fn.newLocal(false) : -1;
        value(operands.get(0));
        for (int i = 0; i < ops.size(); i++) {
            if (chain) {
                if (i > 0) mv.visitVarInsn(ALOAD, left);
                value(operands.get(i + 1));
                if (i < ops.size() - 1) {
                    mv.visitInsn(DUP);
                    mv.visitVarInsn(ASTORE, left);   // the next comparison's left operand
                }
            } else {
                value(operands.get(1));
            }
            String op = ops.get(i);
            Label start = fn.startRegion();   // == too: a value nested too deeply is a RecursionError here
            test(op);
            fn.endRegion(start, c.span().line(), c.span().column(), false);
            if (i < ops.size() - 1) mv.visitJumpInsn(IFEQ, isFalse);
        }
        // Stack: the last comparison's outcome (0/1); earlier false ones jumped to isFalse.
        if (!chain) {
            mv.visitJumpInsn(when ? IFNE : IFEQ, target);
            return;
        }
        Label end = new Label();
        mv.visitJumpInsn(when ? IFNE : IFEQ, target);
        mv.visitJumpInsn(GOTO, end);
        mv.visitLabel(isFalse);
        if (!when) mv.visitJumpInsn(GOTO, target);
        mv.visitLabel(end);
    }

    /** Pushes the outcome (0/1) of a one-operator comparison, as {@link #compare} writes it. */
    void compareOutcome(Expr.Compare c) {
        value(c.operands().get(0));
        value(c.operands().get(1));
        String op = c.ops().get(0);
        boolean located = !(op.equals("==") || op.equals("!="));
        Label start = located ? fn.startRegion() : null;
        test(op);
        if (located) fn.endRegion(start, c.span().line(), c.span().column(), false);
    }

    /** Stack: a, b. Leaves the comparison's outcome as an int. */
    private void test(String op) {
        if (!fn.compact && BytecodeArith.inlinesTest(op)) {
            String slow = switch (op) { case "<" -> "lt"; case "<=" -> "le"; case ">" -> "gt"; case ">=" -> "ge"; default -> "eq"; };
            new BytecodeArith(fn).test(op, VALUES, slow);
            return;
        }
        switch (op) {
            case "<" -> mv.visitMethodInsn(INVOKESTATIC, OPERATORS, "lt", TEST, false);
            case "<=" -> mv.visitMethodInsn(INVOKESTATIC, OPERATORS, "le", TEST, false);
            case ">" -> mv.visitMethodInsn(INVOKESTATIC, OPERATORS, "gt", TEST, false);
            case ">=" -> mv.visitMethodInsn(INVOKESTATIC, OPERATORS, "ge", TEST, false);
            case "==", "!=" -> {
                mv.visitMethodInsn(INVOKESTATIC, VALUES, "eq", TEST, false);
                if (op.equals("!=")) negate();
            }
            default -> {   // in, not in: the container is the right operand
                mv.visitInsn(SWAP);
                mv.visitMethodInsn(INVOKESTATIC, "dev/skein/runtime/Containers", "contains", TEST, false);
                if (op.equals("not in")) negate();
            }
        }
    }

    private void negate() {
        mv.visitInsn(ICONST_1);
        mv.visitInsn(IXOR);
    }

    // ------------------------------------------------------------------ calls

    /**
     * {@code f(a, b)}: the callee is evaluated first; arguments and the call form one region, as
     * in the tree's Call node. When the callee is the function a top-level {@code fn} statement
     * of this unit defined, and that function is compiled here, a code identity test guards a
     * direct {@code invokestatic} (Rhino's direct call); otherwise the generic call protocol.
     */
    private void call(Expr.Call c) {
        if (c.callee() instanceof Expr.Attr a) {
            methodCall(a, c.args());
            return;
        }
        if (!BytecodeData.simple(c.args())) {   // keyword or spread arguments
            data().call(c);
            return;
        }
        dev.skein.runtime.Builtin builtin = BytecodeCalls.directBuiltin(unit, c);
        if (builtin != null) {   // its body straight from the class data, as Builtin.call would run it
            Label start = fn.startRegion();
            BytecodeCalls.builtinCall(unit, fn, builtin, argumentLocals(c.args()));
            fn.endRegion(start, c.span().line(), c.span().column(), true);
            return;
        }
        value(c.callee());
        int callee = fn.newLocal(false);
        mv.visitVarInsn(ASTORE, callee);
        Label start = fn.startRegion();
        int n = c.args().size();
        int[] args = argumentLocals(c.args());
        Label done = new Label(), generic = new Label();
        BytecodeCompiler.Direct direct = unit.directTarget(c.callee(), n);
        if (direct != null) {
            mv.visitVarInsn(ALOAD, callee);
            mv.visitTypeInsn(INSTANCEOF, FUNCTION);
            mv.visitJumpInsn(IFEQ, generic);
            mv.visitVarInsn(ALOAD, callee);
            mv.visitTypeInsn(CHECKCAST, FUNCTION);
            mv.visitFieldInsn(GETFIELD, FUNCTION, "code", "Ldev/skein/interp/Code;");
            unit.constant(mv, direct.code());
            mv.visitJumpInsn(IF_ACMPNE, generic);
            mv.visitVarInsn(ALOAD, BytecodeFunction.TS);
            mv.visitVarInsn(ALOAD, callee);
            mv.visitTypeInsn(CHECKCAST, FUNCTION);
            mv.visitFieldInsn(GETFIELD, FUNCTION, "module", "Ldev/skein/interp/ModuleInstance;");
            for (int a : args) mv.visitVarInsn(ALOAD, a);
            mv.visitMethodInsn(INVOKESTATIC, unit.className(), direct.method(), BytecodeCompiler.descriptor(n), false);
            mv.visitJumpInsn(GOTO, done);
        }
        mv.visitLabel(generic);
        mv.visitVarInsn(ALOAD, BytecodeFunction.TS);
        mv.visitVarInsn(ALOAD, callee);
        argumentArray(args);
        mv.visitMethodInsn(INVOKESTATIC, BytecodeFunction.SUPPORT, "call",
                "(Ldev/skein/runtime/ThreadState;" + OBJ + "[" + OBJ + ")" + OBJ, false);
        mv.visitLabel(done);
        fn.endRegion(start, c.span().line(), c.span().column(), true);
    }

    /**
     * {@code recv.name(a, b)}, as the tree's MethodCall: the receiver first; then, in one region
     * located at the attribute, a module's member is looked up ({@link Calls#moduleMember}), the
     * arguments run, and {@link Calls#callMethod} (or {@link Calls#append}) makes the call.
     */
    private void methodCall(Expr.Attr a, List<Expr.Arg> arguments) {
        value(a.target());
        int recv = fn.newLocal(false), member = fn.newLocal(false);
        mv.visitVarInsn(ASTORE, recv);
        Label start = fn.startRegion();
        unit.constant(mv, new ModuleMemberSite(a.name()));
        mv.visitTypeInsn(CHECKCAST, "dev/skein/interp/ModuleMemberSite");
        mv.visitVarInsn(ALOAD, recv);
        mv.visitMethodInsn(INVOKEVIRTUAL, "dev/skein/interp/ModuleMemberSite", "lookup", "(" + OBJ + ")" + OBJ, false);
        mv.visitVarInsn(ASTORE, member);
        int n = arguments.size();
        if (!BytecodeData.simple(arguments)) {   // keyword or spread arguments
            data().callMethod(recv, member, a.name(), arguments);
        } else if (n == 1 && a.name().equals("append")) {
            value(arguments.get(0).value());
            int item = fn.newLocal(false);
            mv.visitVarInsn(ASTORE, item);
            mv.visitVarInsn(ALOAD, BytecodeFunction.TS);
            mv.visitVarInsn(ALOAD, recv);
            mv.visitVarInsn(ALOAD, member);
            mv.visitVarInsn(ALOAD, item);
            mv.visitMethodInsn(INVOKESTATIC, CALLS, "append", "(Ldev/skein/runtime/ThreadState;" + OBJ + OBJ + OBJ + ")" + OBJ, false);
        } else {
            BytecodeCalls.methodCall(unit, this, fn, recv, member, a.name(), argumentLocals(arguments));
        }
        fn.endRegion(start, a.span().line(), a.span().column(), true);
    }

    /** Evaluates positional arguments, in order, into fresh locals. */
    private int[] argumentLocals(List<Expr.Arg> arguments) {
        int[] args = new int[arguments.size()];
        for (int i = 0; i < args.length; i++) {
            value(arguments.get(i).value());
            args[i] = fn.newLocal(false);
            mv.visitVarInsn(ASTORE, args[i]);
        }
        return args;
    }

    /** Pushes a new Object[] of the values, evaluated in order. */
    void valuesArray(List<Expr> values) {
        fn.push(values.size());
        mv.visitTypeInsn(ANEWARRAY, "java/lang/Object");
        for (int i = 0; i < values.size(); i++) {
            mv.visitInsn(DUP);
            fn.push(i);
            value(values.get(i));
            mv.visitInsn(AASTORE);
        }
    }

    /** Pushes a new Object[] of the argument locals. */
    void argumentArray(int[] args) {
        fn.push(args.length);
        mv.visitTypeInsn(ANEWARRAY, "java/lang/Object");
        for (int i = 0; i < args.length; i++) {
            mv.visitInsn(DUP);
            fn.push(i);
            mv.visitVarInsn(ALOAD, args[i]);
            mv.visitInsn(AASTORE);
        }
    }

    /** The writer of data expressions (subscripts, literals, f-strings, keyword calls): {@link BytecodeData}. */
    private BytecodeData data() { return new BytecodeData(unit, fn, this); }
}
