package dev.skein.interp;

import dev.skein.ast.Expr;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Arithmetic trees over plain locals and number literals ({@code p * p >= n}, {@code n % p == 0},
 * {@code dx * dx + dy * dy + dz * dz}) computed in {@code long} or {@code double} JVM locals from
 * end to end, so that no intermediate result is boxed: {@link BytecodeArith}'s per-operator paths
 * box every result, and a box that merges with the general path's result is one the JIT cannot
 * remove. Each tree gets, in order:
 * <ol>
 *   <li>a long path, taken when every local holds an int (a range loop's counter is one already);
 *       an overflow, a zero divisor or {@code MIN_VALUE // -1} leaves it;</li>
 *   <li>a double path ({@code + - *} only), taken when every local holds a float;</li>
 *   <li>the general code, written as without this class (in the compact form), which gives every
 *       other case — big integers, mixed int and float, errors — exactly the tree's results,
 *       messages and positions. Re-evaluating the tree there is safe: reading locals and
 *       literals has no effect.</li>
 * </ol>
 * Only trees that save a box are fused: two operators or more, one operator on a range counter,
 * or a comparison of an operator's result.
 */
final class BytecodeFused implements Opcodes {
    private static final java.util.Set<String> LONG_OPS = java.util.Set.of("+", "-", "*", "//", "%");
    private static final Map<String, Integer> DOUBLE_OPS = Map.of("+", DADD, "-", DSUB, "*", DMUL);

    private final BytecodeCompiler unit;
    private final BytecodeFunction fn;
    private final BytecodeExpressions exprs;
    private final MethodVisitor mv;
    /** The locals the tree reads (slot → its JVM local), each type-checked once per evaluation. */
    private final Map<Integer, Integer> objectLeaves = new LinkedHashMap<>();
    private int temps;
    /** In the path being written: slot → the wide temporary its unboxed value is already in. */
    private final Map<Integer, Integer> unboxed = new java.util.HashMap<>();

    private BytecodeFused(BytecodeCompiler unit, BytecodeFunction fn, BytecodeExpressions exprs) {
        this.unit = unit;
        this.fn = fn;
        this.exprs = exprs;
        this.mv = fn.mv;
    }

    // ------------------------------------------------------------------ which trees

    /** Whether {@code e} is an arithmetic tree worth fusing (pushes its value, see {@link #value}). */
    static boolean fuses(BytecodeCompiler unit, BytecodeFunction fn, Expr e) {
        return !fn.compact && e instanceof Expr.Binary && fusable(unit, e) && (operators(e) >= 2 || readsCounter(unit, fn, e));
    }

    /** Whether a one-operator comparison has an operator's result as an operand (see {@link #compare}). */
    static boolean fuses(BytecodeCompiler unit, BytecodeFunction fn, Expr.Compare c) {
        if (fn.compact || c.ops().size() != 1 || !BytecodeArith.inlinesTest(c.ops().get(0))) return false;
        Expr a = c.operands().get(0), b = c.operands().get(1);
        return fusable(unit, a) && fusable(unit, b) && (a instanceof Expr.Binary || b instanceof Expr.Binary);
    }

    private static boolean fusable(BytecodeCompiler unit, Expr e) {
        if (e instanceof Expr.Binary b) return LONG_OPS.contains(b.op()) && fusable(unit, b.left()) && fusable(unit, b.right());
        if (e instanceof Expr.Literal l) return l.value() instanceof Long || l.value() instanceof Double;
        return e instanceof Expr.Name n && unit.binding(n) instanceof Binding.Local l && !l.cell();
    }

    private static int operators(Expr e) {
        return e instanceof Expr.Binary b ? 1 + operators(b.left()) + operators(b.right()) : 0;
    }

    private static boolean readsCounter(BytecodeCompiler unit, BytecodeFunction fn, Expr e) {
        if (e instanceof Expr.Binary b) return readsCounter(unit, fn, b.left()) || readsCounter(unit, fn, b.right());
        return e instanceof Expr.Name n && fn.unboxedLocal(((Binding.Local) unit.binding(n)).slot()) >= 0;
    }

    /** Literal and local kinds that rule a path out. */
    private boolean has(Expr e, Class<?> literalType) {
        if (e instanceof Expr.Binary b) return has(b.left(), literalType) || has(b.right(), literalType);
        return e instanceof Expr.Literal l && literalType.isInstance(l.value());
    }

    private boolean longPossible(List<Expr> trees) {
        return trees.stream().noneMatch(t -> has(t, Double.class));
    }

    private boolean doublePossible(List<Expr> trees) {
        return trees.stream().noneMatch(t -> has(t, Long.class) || readsCounter(unit, fn, t) || hasOp(t, "//") || hasOp(t, "%"));
    }

    private static boolean hasOp(Expr e, String op) {
        return e instanceof Expr.Binary b && (b.op().equals(op) || hasOp(b.left(), op) || hasOp(b.right(), op));
    }

    // ------------------------------------------------------------------ writing them

    /** Pushes the value of the tree {@code e} (an Object). */
    static void value(BytecodeCompiler unit, BytecodeFunction fn, BytecodeExpressions exprs, Expr.Binary e) {
        new BytecodeFused(unit, fn, exprs).write(List.of(e), null, () -> exprs.value(e));
    }

    /** Pushes the outcome (0/1) of the one-operator comparison {@code c}. */
    static void compare(BytecodeCompiler unit, BytecodeFunction fn, BytecodeExpressions exprs, Expr.Compare c) {
        new BytecodeFused(unit, fn, exprs).write(c.operands(), c.ops().get(0), () -> exprs.compareOutcome(c));
    }

    /**
     * The paths for {@code trees} (one value, or a comparison's two operands with {@code test}),
     * each leaving the same kind of result; {@code general} writes the unfused code.
     */
    private void write(List<Expr> trees, String test, Runnable general) {
        for (Expr t : trees) collectLeaves(t);
        Label generic = new Label(), done = new Label();
        boolean doubles = doublePossible(trees);
        if (longPossible(trees)) {
            Label notLongs = doubles ? new Label() : generic;
            checkLeaves("java/lang/Long", notLongs);
            List<Integer> results = new ArrayList<>();
            for (Expr t : trees) results.add(evalLong(t, generic));
            finish(results, test, LLOAD, "java/lang/Long", "(J)Ljava/lang/Long;", LCMP);
            mv.visitJumpInsn(GOTO, done);
            if (doubles) mv.visitLabel(notLongs);
        }
        if (doubles) {
            temps = 0;
            unboxed.clear();
            checkLeaves("java/lang/Double", generic);
            List<Integer> results = new ArrayList<>();
            for (Expr t : trees) results.add(evalDouble(t));
            // NaN compares false with everything (true for !=): DCMPG makes it "greater", DCMPL "less".
            int compare = test != null && (test.equals("<") || test.equals("<=")) ? DCMPG : DCMPL;
            finish(results, test, DLOAD, "java/lang/Double", "(D)Ljava/lang/Double;", compare);
            mv.visitJumpInsn(GOTO, done);
        }
        mv.visitLabel(generic);
        fn.compact = true;   // the general code without inline paths: the fused ones were tried
        try {
            general.run();
        } finally {
            fn.compact = false;
        }
        mv.visitLabel(done);
    }

    /** Pushes a path's result: the one tree's value boxed, or the outcome (0/1) of {@code test} on the two. */
    private void finish(List<Integer> results, String test, int loadOpcode, String box, String valueOf, int compareOpcode) {
        mv.visitVarInsn(loadOpcode, results.get(0));
        if (test == null) {
            mv.visitMethodInsn(INVOKESTATIC, box, "valueOf", valueOf, false);
            return;
        }
        mv.visitVarInsn(loadOpcode, results.get(1));
        mv.visitInsn(compareOpcode);
        outcome(test);
    }

    private void collectLeaves(Expr e) {
        if (e instanceof Expr.Binary b) {
            collectLeaves(b.left());
            collectLeaves(b.right());
        } else if (e instanceof Expr.Name n) {
            int slot = ((Binding.Local) unit.binding(n)).slot();
            if (fn.unboxedLocal(slot) < 0) objectLeaves.putIfAbsent(slot, fn.slotLocal(slot));
        }
    }

    /** Falls through when every local leaf holds a {@code type}; jumps to {@code otherwise} if one does not. */
    private void checkLeaves(String type, Label otherwise) {
        for (int local : objectLeaves.values()) {
            mv.visitVarInsn(ALOAD, local);
            mv.visitTypeInsn(INSTANCEOF, type);
            mv.visitJumpInsn(IFEQ, otherwise);
        }
    }

    /** Stack: an LCMP/DCMP result. Leaves 1 when {@code op} holds, else 0. */
    private void outcome(String op) {
        Label yes = new Label(), end = new Label();
        mv.visitJumpInsn(BytecodeArith.jump(op), yes);
        mv.visitInsn(ICONST_0);
        mv.visitJumpInsn(GOTO, end);
        mv.visitLabel(yes);
        mv.visitInsn(ICONST_1);
        mv.visitLabel(end);
    }

    /** Computes {@code e} into a long local (returned); jumps to {@code generic} where a long would be wrong. */
    private int evalLong(Expr e, Label generic) {
        if (e instanceof Expr.Binary b) {
            int x = evalLong(b.left(), generic), y = evalLong(b.right(), generic);
            new BytecodeArith(fn).longOp(b.op(), x, y, generic);
            return store(LSTORE);
        }
        if (e instanceof Expr.Literal l) {
            mv.visitLdcInsn(l.value());
            return store(LSTORE);
        }
        int slot = ((Binding.Local) unit.binding((Expr.Name) e)).slot();
        int counter = fn.unboxedLocal(slot);
        if (counter >= 0) return counter;
        return unboxLeaf(slot, "java/lang/Long", "longValue", "()J", LSTORE);
    }

    /** Computes {@code e} into a double local (returned). */
    private int evalDouble(Expr e) {
        if (e instanceof Expr.Binary b) {
            int x = evalDouble(b.left()), y = evalDouble(b.right());
            mv.visitVarInsn(DLOAD, x);
            mv.visitVarInsn(DLOAD, y);
            mv.visitInsn(DOUBLE_OPS.get(b.op()));
            return store(DSTORE);
        }
        if (e instanceof Expr.Literal l) {
            mv.visitLdcInsn(l.value());
            return store(DSTORE);
        }
        int slot = ((Binding.Local) unit.binding((Expr.Name) e)).slot();
        return unboxLeaf(slot, "java/lang/Double", "doubleValue", "()D", DSTORE);
    }

    /** The wide temporary holding local {@code slot}'s value unboxed (checked to be a {@code box} already): once per path. */
    private int unboxLeaf(int slot, String box, String unbox, String descriptor, int storeOpcode) {
        Integer done = unboxed.get(slot);
        if (done != null) return done;
        mv.visitVarInsn(ALOAD, fn.slotLocal(slot));
        mv.visitTypeInsn(CHECKCAST, box);
        mv.visitMethodInsn(INVOKEVIRTUAL, box, unbox, descriptor, false);
        int t = store(storeOpcode);
        unboxed.put(slot, t);
        return t;
    }

    /** Stores the wide value on the stack into the tree's next temporary. */
    private int store(int opcode) {
        int t = fn.fusedTemp(temps++);
        mv.visitVarInsn(opcode, t);
        return t;
    }
}
