package dev.skein.interp;

import java.util.Map;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The arithmetic and comparison fast paths written into each generated method, so that every
 * operator site has its own type and branch profile: two {@code long}s (with the overflow checks
 * Skein's semantics need: an overflow leaves for the general helper, which goes to arbitrary
 * precision) or two {@code double}s run inline; anything else calls the helper the tree's node
 * calls ({@link Operators}, {@code Arith}, {@code Values}). A shared helper inlined at every site
 * would carry one profile for all of them: a float at one site then deoptimizes the integer code
 * of another, which is what made repeated runs of the same function swing.
 *
 * <p>Large functions get the compact form (the helper call only): the JIT does not compile a
 * method over 8,000 bytes of bytecode ({@code -XX:-DontCompileHugeMethods} is not ours to set in
 * a host's JVM), so {@link BytecodeCompiler} writes such a function again without the inline paths.
 */
final class BytecodeArith implements Opcodes {
    private static final String LONG = "java/lang/Long";
    private static final String DOUBLE = "java/lang/Double";

    /** Operators with an inline long path; the first three have a double path too. */
    static boolean inlines(String op) {
        return switch (op) {
            case "+", "-", "*", "//", "%" -> true;
            default -> false;
        };
    }

    /** Comparisons with inline long and double paths. */
    static boolean inlinesTest(String op) {
        return switch (op) {
            case "<", "<=", ">", ">=", "==", "!=" -> true;
            default -> false;
        };
    }

    private static final Map<String, Integer> DOUBLE_OPS = Map.of("+", DADD, "-", DSUB, "*", DMUL);

    private final BytecodeFunction fn;
    private final MethodVisitor mv;

    BytecodeArith(BytecodeFunction fn) {
        this.fn = fn;
        this.mv = fn.mv;
    }

    /**
     * Stack: a, b. Leaves {@code a op b}; the general path is {@code owner}'s helper for op. Errors
     * come only from that call, so the caller's error region locates them as before.
     */
    void binary(String op, String owner) {
        int b = fn.scratch(false, 1), a = fn.scratch(false, 0);
        mv.visitVarInsn(ASTORE, b);
        mv.visitVarInsn(ASTORE, a);
        Label slow = new Label(), done = new Label(), notLongs = new Label();
        bothOf(a, b, LONG, notLongs, slow);
        int x = unboxLong(a, 0), y = unboxLong(b, 1);
        longOp(op, x, y, slow);   // leaves the long result
        mv.visitMethodInsn(INVOKESTATIC, LONG, "valueOf", "(J)Ljava/lang/Long;", false);
        mv.visitJumpInsn(GOTO, done);
        mv.visitLabel(notLongs);
        Integer dop = DOUBLE_OPS.get(op);
        if (dop != null) {
            bothOf(a, b, DOUBLE, slow, slow);
            unboxDouble(a);
            unboxDouble(b);
            mv.visitInsn(dop);
            mv.visitMethodInsn(INVOKESTATIC, DOUBLE, "valueOf", "(D)Ljava/lang/Double;", false);
            mv.visitJumpInsn(GOTO, done);
        }
        mv.visitLabel(slow);
        mv.visitVarInsn(ALOAD, a);
        mv.visitVarInsn(ALOAD, b);
        BytecodeExpressions.callArith(mv, owner, op);
        mv.visitLabel(done);
    }

    /**
     * Stack: a, b. Leaves the comparison's outcome as an int (0/1); the general path calls
     * {@code owner.method(a, b)} (a boolean), negated for {@code !=}.
     */
    void test(String op, String owner, String method) {
        int b = fn.scratch(false, 1), a = fn.scratch(false, 0);
        mv.visitVarInsn(ASTORE, b);
        mv.visitVarInsn(ASTORE, a);
        Label slow = new Label(), done = new Label(), notLongs = new Label(), yes = new Label();
        bothOf(a, b, LONG, notLongs, slow);
        unboxLongOnStack(a);
        unboxLongOnStack(b);
        mv.visitInsn(LCMP);
        mv.visitJumpInsn(jump(op), yes);
        mv.visitInsn(ICONST_0);
        mv.visitJumpInsn(GOTO, done);
        mv.visitLabel(notLongs);
        bothOf(a, b, DOUBLE, slow, slow);
        unboxDouble(a);
        unboxDouble(b);
        // NaN compares false with everything (true for !=): DCMPG makes it "greater", DCMPL "less".
        mv.visitInsn(op.equals("<") || op.equals("<=") ? DCMPG : DCMPL);
        mv.visitJumpInsn(jump(op), yes);
        mv.visitInsn(ICONST_0);
        mv.visitJumpInsn(GOTO, done);
        mv.visitLabel(yes);
        mv.visitInsn(ICONST_1);
        mv.visitJumpInsn(GOTO, done);
        mv.visitLabel(slow);
        mv.visitVarInsn(ALOAD, a);
        mv.visitVarInsn(ALOAD, b);
        mv.visitMethodInsn(INVOKESTATIC, owner, method, "(Ljava/lang/Object;Ljava/lang/Object;)Z", false);
        if (op.equals("!=")) {
            mv.visitInsn(ICONST_1);
            mv.visitInsn(IXOR);
        }
        mv.visitLabel(done);
    }

    /** The int jump that is taken when a {@code LCMP}/{@code DCMP} result means {@code op} holds. */
    static int jump(String op) {
        return switch (op) {
            case "<" -> IFLT;
            case "<=" -> IFLE;
            case ">" -> IFGT;
            case ">=" -> IFGE;
            case "==" -> IFEQ;
            default -> IFNE;
        };
    }

    /** Falls through when both locals hold {@code type}; jumps to {@code firstNot} or {@code secondNot} otherwise. */
    private void bothOf(int a, int b, String type, Label firstNot, Label secondNot) {
        mv.visitVarInsn(ALOAD, a);
        mv.visitTypeInsn(INSTANCEOF, type);
        mv.visitJumpInsn(IFEQ, firstNot);
        mv.visitVarInsn(ALOAD, b);
        mv.visitTypeInsn(INSTANCEOF, type);
        mv.visitJumpInsn(IFEQ, secondNot);
    }

    private int unboxLong(int local, int scratch) {
        int l = fn.scratch(true, scratch);
        unboxLongOnStack(local);
        mv.visitVarInsn(LSTORE, l);
        return l;
    }

    private void unboxLongOnStack(int local) {
        mv.visitVarInsn(ALOAD, local);
        mv.visitTypeInsn(CHECKCAST, LONG);
        mv.visitMethodInsn(INVOKEVIRTUAL, LONG, "longValue", "()J", false);
    }

    private void unboxDouble(int local) {
        mv.visitVarInsn(ALOAD, local);
        mv.visitTypeInsn(CHECKCAST, DOUBLE);
        mv.visitMethodInsn(INVOKEVIRTUAL, DOUBLE, "doubleValue", "()D", false);
    }

    /**
     * Leaves {@code x op y} as a long, or jumps to {@code slow} where the long result would be
     * wrong (overflow, a zero divisor, {@code MIN_VALUE // -1}): the same tests as {@link Operators}.
     */
    void longOp(String op, int x, int y, Label slow) {
        int r = fn.scratch(true, 2);
        switch (op) {
            case "+" -> {
                load(x, y);
                mv.visitInsn(LADD);
                mv.visitVarInsn(LSTORE, r);
                overflowIfNegative(x, r, y, r, slow);   // ((x ^ r) & (y ^ r)) < 0
            }
            case "-" -> {
                load(x, y);
                mv.visitInsn(LSUB);
                mv.visitVarInsn(LSTORE, r);
                overflowIfNegative(x, y, x, r, slow);   // ((x ^ y) & (x ^ r)) < 0
            }
            case "*" -> {
                load(x, y);
                mv.visitInsn(LMUL);
                mv.visitVarInsn(LSTORE, r);
                // Exact when the high 64 bits of the 128-bit product are the low word's sign.
                load(x, y);
                mv.visitMethodInsn(INVOKESTATIC, "java/lang/Math", "multiplyHigh", "(JJ)J", false);
                mv.visitVarInsn(LLOAD, r);
                mv.visitIntInsn(BIPUSH, 63);
                mv.visitInsn(LSHR);
                mv.visitInsn(LCMP);
                mv.visitJumpInsn(IFNE, slow);
            }
            default -> {   // "//", "%": floor division, as Python
                mv.visitVarInsn(LLOAD, y);
                mv.visitInsn(LCONST_0);
                mv.visitInsn(LCMP);
                mv.visitJumpInsn(IFEQ, slow);
                if (op.equals("//")) {
                    mv.visitVarInsn(LLOAD, x);
                    mv.visitLdcInsn(Long.MIN_VALUE);
                    mv.visitInsn(LCMP);
                    mv.visitJumpInsn(IFEQ, slow);
                }
                load(x, y);
                mv.visitMethodInsn(INVOKESTATIC, "java/lang/Math", op.equals("//") ? "floorDiv" : "floorMod", "(JJ)J", false);
                mv.visitVarInsn(LSTORE, r);
            }
        }
        mv.visitVarInsn(LLOAD, r);
    }

    private void load(int x, int y) {
        mv.visitVarInsn(LLOAD, x);
        mv.visitVarInsn(LLOAD, y);
    }

    /** Jumps to {@code slow} when {@code (p ^ q) & (s ^ t)} is negative. */
    private void overflowIfNegative(int p, int q, int s, int t, Label slow) {
        mv.visitVarInsn(LLOAD, p);
        mv.visitVarInsn(LLOAD, q);
        mv.visitInsn(LXOR);
        mv.visitVarInsn(LLOAD, s);
        mv.visitVarInsn(LLOAD, t);
        mv.visitInsn(LXOR);
        mv.visitInsn(LAND);
        mv.visitInsn(LCONST_0);
        mv.visitInsn(LCMP);
        mv.visitJumpInsn(IFLT, slow);
    }
}
