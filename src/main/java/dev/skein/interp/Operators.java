package dev.skein.interp;

import dev.skein.runtime.Arith;
import dev.skein.runtime.Containers;
import dev.skein.runtime.SkeinError;
import dev.skein.runtime.ThreadState;
import dev.skein.runtime.Values;

/**
 * Operator nodes. The hot ones (+, -, *, %, //, comparisons) inline the {@code long} fast path
 * and fall back to {@link dev.skein.runtime.Arith} for every other type and for overflow.
 */
final class Operators {
    private Operators() {}

    /** A binary operator's general semantics. */
    @FunctionalInterface
    interface BinaryOp {
        /** {@code ts} is the running thread's, polled by the products and powers of huge ints. */
        Object apply(Object a, Object b, ThreadState ts);
    }

    static BinaryOp forSymbol(String op) {
        return switch (op) {
            case "+" -> (a, b, ts) -> Arith.add(a, b);
            case "-" -> (a, b, ts) -> Arith.sub(a, b);
            case "*" -> Arith::mul;
            case "/" -> (a, b, ts) -> Arith.truediv(a, b);
            case "//" -> (a, b, ts) -> Arith.floordiv(a, b);
            case "%" -> (a, b, ts) -> Arith.mod(a, b);
            case "**" -> Arith::pow;
            case "&" -> (a, b, ts) -> Arith.bitand(a, b);
            case "|" -> (a, b, ts) -> Arith.bitor(a, b);
            case "^" -> (a, b, ts) -> Arith.bitxor(a, b);
            case "<<" -> (a, b, ts) -> Arith.shl(a, b);
            case ">>" -> (a, b, ts) -> Arith.shr(a, b);
            default -> throw new IllegalArgumentException(op);
        };
    }

    static ExprNode binary(int line, int col, String op, ExprNode l, ExprNode r) {
        if (r instanceof Variables.Const c && c.value instanceof Long k) {
            // `n - 1`, `i + 1`, `x * 2`: the constant operand needs no evaluation or type test.
            switch (op) {
                case "+": return new AddConst(line, col, l, k);
                case "-": if (k != Long.MIN_VALUE) return new AddConst(line, col, l, -k); break;
                case "%": if (k != 0) return new ModConst(line, col, l, k); break;
                default: break;
            }
        }
        return switch (op) {
            case "+" -> new Add(line, col, l, r);
            case "-" -> new Sub(line, col, l, r);
            case "*" -> new Mul(line, col, l, r);
            case "%" -> new Mod(line, col, l, r);
            case "//" -> new FloorDiv(line, col, l, r);
            default -> new Binary(line, col, forSymbol(op), l, r);
        };
    }

    abstract static class BinaryNode extends ExprNode {
        final ExprNode left;
        final ExprNode right;

        BinaryNode(int line, int col, ExprNode left, ExprNode right) {
            super(line, col);
            this.left = left;
            this.right = right;
        }

        @Override public final Object eval(Frame f) {
            Object a = left.eval(f);
            Object b = right.eval(f);
            try {
                return apply(a, b, f.ts);
            } catch (SkeinError e) {
                throw locate(e, f);
            }
        }

        abstract Object apply(Object a, Object b, ThreadState ts);
    }

    static final class Binary extends BinaryNode {
        final BinaryOp op;

        Binary(int line, int col, BinaryOp op, ExprNode l, ExprNode r) {
            super(line, col, l, r);
            this.op = op;
        }

        @Override Object apply(Object a, Object b, ThreadState ts) { return op.apply(a, b, ts); }
    }

    static final class Add extends BinaryNode {
        Add(int line, int col, ExprNode l, ExprNode r) { super(line, col, l, r); }

        @Override Object apply(Object a, Object b, ThreadState ts) { return add(a, b); }
    }

    /** {@code x + k} (and {@code x - k} as {@code x + (-k)}) for a constant int k. */
    static final class AddConst extends ExprNode {
        final ExprNode left;
        final long k;
        final Long boxed;

        AddConst(int line, int col, ExprNode left, long k) {
            super(line, col);
            this.left = left;
            this.k = k;
            this.boxed = k;
        }

        @Override public Object eval(Frame f) {
            Object a = left.eval(f);
            if (a instanceof Long x) {
                long r = x + k;
                if (((x ^ r) & (k ^ r)) >= 0) return r;
            }
            try {
                return Arith.add(a, boxed);
            } catch (SkeinError e) {
                throw locate(e, f);
            }
        }
    }

    /** {@code x % k} for a constant non-zero int k. */
    static final class ModConst extends ExprNode {
        final ExprNode left;
        final long k;
        final Long boxed;

        ModConst(int line, int col, ExprNode left, long k) {
            super(line, col);
            this.left = left;
            this.k = k;
            this.boxed = k;
        }

        @Override public Object eval(Frame f) {
            Object a = left.eval(f);
            if (a instanceof Long x) return Math.floorMod((long) x, k);
            try {
                return Arith.mod(a, boxed);
            } catch (SkeinError e) {
                throw locate(e, f);
            }
        }
    }

    static final class Sub extends BinaryNode {
        Sub(int line, int col, ExprNode l, ExprNode r) { super(line, col, l, r); }

        @Override Object apply(Object a, Object b, ThreadState ts) { return sub(a, b); }
    }

    static final class Mul extends BinaryNode {
        Mul(int line, int col, ExprNode l, ExprNode r) { super(line, col, l, r); }

        @Override Object apply(Object a, Object b, ThreadState ts) { return mul(a, b, ts); }
    }

    static final class Mod extends BinaryNode {
        Mod(int line, int col, ExprNode l, ExprNode r) { super(line, col, l, r); }

        @Override Object apply(Object a, Object b, ThreadState ts) { return mod(a, b); }
    }

    static final class FloorDiv extends BinaryNode {
        FloorDiv(int line, int col, ExprNode l, ExprNode r) { super(line, col, l, r); }

        @Override Object apply(Object a, Object b, ThreadState ts) { return floordiv(a, b); }
    }

    // ------------------------------------------------------------------ fast paths
    //
    // The long fast paths of the hot operators, small enough for the JIT to inline; every other
    // type and overflow go to Arith. The tree's nodes and the compiled code both call these.

    static Object add(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            long r = x + y;
            if (((x ^ r) & (y ^ r)) >= 0) return r;
        }
        return Arith.add(a, b);
    }

    static Object sub(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            long r = x - y;
            if (((x ^ y) & (x ^ r)) >= 0) return r;
        }
        return Arith.sub(a, b);
    }

    static Object mul(Object a, Object b, ThreadState ts) {
        if (a instanceof Long x && b instanceof Long y) {
            long hi = Math.multiplyHigh(x, y), lo = x * y;
            if ((hi == 0 && lo >= 0) || (hi == -1 && lo < 0)) return lo;
        }
        return Arith.mul(a, b, ts);
    }

    static Object mod(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y && y != 0) return Math.floorMod((long) x, (long) y);
        return Arith.mod(a, b);
    }

    static Object floordiv(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y && y != 0 && x != Long.MIN_VALUE) return Math.floorDiv((long) x, (long) y);
        return Arith.floordiv(a, b);
    }

    static boolean lt(Object a, Object b) {
        return a instanceof Long x && b instanceof Long y ? x < y : Values.lt(a, b);
    }

    static boolean le(Object a, Object b) {
        return a instanceof Long x && b instanceof Long y ? x <= y : Values.le(a, b);
    }

    static boolean gt(Object a, Object b) {
        return a instanceof Long x && b instanceof Long y ? x > y : Values.gt(a, b);
    }

    static boolean ge(Object a, Object b) {
        return a instanceof Long x && b instanceof Long y ? x >= y : Values.ge(a, b);
    }

    // ------------------------------------------------------------------ unary

    static final class Unary extends ExprNode {
        final String op;
        final ExprNode operand;

        Unary(int line, int col, String op, ExprNode operand) {
            super(line, col);
            this.op = op;
            this.operand = operand;
        }

        @Override public Object eval(Frame f) {
            Object v = operand.eval(f);
            try {
                return switch (op) {
                    case "-" -> (v instanceof Long l && l != Long.MIN_VALUE) ? (Object) (-l) : Arith.neg(v);
                    case "+" -> Arith.pos(v);
                    default -> Arith.invert(v);
                };
            } catch (SkeinError e) {
                throw locate(e, f);
            }
        }
    }

    static final class Not extends ExprNode {
        final ExprNode operand;

        Not(int line, int col, ExprNode operand) {
            super(line, col);
            this.operand = operand;
        }

        @Override public Object eval(Frame f) { return !Values.truthy(operand.eval(f)); }
    }

    static final class And extends ExprNode {
        final ExprNode left, right;

        And(int line, int col, ExprNode left, ExprNode right) {
            super(line, col);
            this.left = left;
            this.right = right;
        }

        @Override public Object eval(Frame f) {
            Object a = left.eval(f);
            return Values.truthy(a) ? right.eval(f) : a;
        }
    }

    static final class Or extends ExprNode {
        final ExprNode left, right;

        Or(int line, int col, ExprNode left, ExprNode right) {
            super(line, col);
            this.left = left;
            this.right = right;
        }

        @Override public Object eval(Frame f) {
            Object a = left.eval(f);
            return Values.truthy(a) ? a : right.eval(f);
        }
    }

    static final class Conditional extends ExprNode {
        final ExprNode condition, then, otherwise;

        Conditional(int line, int col, ExprNode condition, ExprNode then, ExprNode otherwise) {
            super(line, col);
            this.condition = condition;
            this.then = then;
            this.otherwise = otherwise;
        }

        @Override public Object eval(Frame f) {
            return Values.truthy(condition.eval(f)) ? then.eval(f) : otherwise.eval(f);
        }
    }

    // ------------------------------------------------------------------ comparisons

    /** One comparison operator applied to two values. */
    static boolean compare(String op, Object a, Object b) {
        return switch (op) {
            case "<" -> Values.lt(a, b);
            case "<=" -> Values.le(a, b);
            case ">" -> Values.gt(a, b);
            case ">=" -> Values.ge(a, b);
            case "==" -> Values.eq(a, b);
            case "!=" -> !Values.eq(a, b);
            case "in" -> Containers.contains(b, a);
            case "not in" -> !Containers.contains(b, a);
            default -> throw new IllegalArgumentException(op);
        };
    }

    static ExprNode comparison(int line, int col, String op, ExprNode l, ExprNode r) {
        if (r instanceof Variables.Const c && c.value instanceof Long k && (op.equals("<") || op.equals("<=") || op.equals(">") || op.equals(">="))) {
            return new CompareConst(line, col, op, l, k);
        }
        return switch (op) {
            case "<", "<=", ">", ">=" -> new Ordering(line, col, l, r, orderingKind(op));
            case "==" -> new Equal(line, col, l, r, false);
            case "!=" -> new Equal(line, col, l, r, true);
            default -> new Compare(line, col, op, l, r);
        };
    }

    /** {@code x < k}, {@code x <= k}, {@code x > k}, {@code x >= k} for a constant int k. */
    static final class CompareConst extends ExprNode {
        final ExprNode left;
        final long k;
        final Long boxed;
        final int kind;   // 0 <, 1 <=, 2 >, 3 >=

        CompareConst(int line, int col, String op, ExprNode left, long k) {
            super(line, col);
            this.left = left;
            this.k = k;
            this.boxed = k;
            this.kind = orderingKind(op);
        }

        @Override public Object eval(Frame f) {
            Object a = left.eval(f);
            if (a instanceof Long x) {
                long v = x;
                return switch (kind) { case 0 -> v < k; case 1 -> v <= k; case 2 -> v > k; default -> v >= k; };
            }
            try {
                return switch (kind) { case 0 -> Values.lt(a, boxed); case 1 -> Values.le(a, boxed); case 2 -> Values.gt(a, boxed); default -> Values.ge(a, boxed); };
            } catch (SkeinError e) {
                throw locate(e, f);
            }
        }
    }

    /** The four orderings, numbered as in {@link CompareConst}: 0 {@code <}, 1 {@code <=}, 2 {@code >}, 3 {@code >=}. */
    static int orderingKind(String op) {
        return switch (op) { case "<" -> 0; case "<=" -> 1; case ">" -> 2; default -> 3; };
    }

    /** {@code a < b}, {@code a <= b}, {@code a > b}, {@code a >= b}: left operand first, long fast path. */
    static final class Ordering extends ExprNode {
        final ExprNode left, right;
        final int kind;

        Ordering(int line, int col, ExprNode left, ExprNode right, int kind) {
            super(line, col);
            this.left = left;
            this.right = right;
            this.kind = kind;
        }

        @Override public Object eval(Frame f) {
            Object x = left.eval(f), y = right.eval(f);
            if (x instanceof Long p && y instanceof Long q) {
                long a = p, b = q;
                return switch (kind) { case 0 -> a < b; case 1 -> a <= b; case 2 -> a > b; default -> a >= b; };
            }
            try {
                return switch (kind) { case 0 -> Values.lt(x, y); case 1 -> Values.le(x, y); case 2 -> Values.gt(x, y); default -> Values.ge(x, y); };
            } catch (SkeinError e) {
                throw locate(e, f);
            }
        }
    }

    static final class Equal extends ExprNode {
        final ExprNode a, b;
        final boolean negate;

        Equal(int line, int col, ExprNode a, ExprNode b, boolean negate) {
            super(line, col);
            this.a = a;
            this.b = b;
            this.negate = negate;
        }

        @Override public Object eval(Frame f) {
            Object x = a.eval(f), y = b.eval(f);
            if (x instanceof Long p && y instanceof Long q) return (p.longValue() == q.longValue()) != negate;
            try {
                return Values.eq(x, y) != negate;
            } catch (SkeinError e) {   // a value nested too deeply for the stack
                throw locate(e, f);
            }
        }
    }

    static final class Compare extends ExprNode {
        final String op;
        final ExprNode a, b;

        Compare(int line, int col, String op, ExprNode a, ExprNode b) {
            super(line, col);
            this.op = op;
            this.a = a;
            this.b = b;
        }

        @Override public Object eval(Frame f) {
            Object x = a.eval(f), y = b.eval(f);
            try {
                return compare(op, x, y);
            } catch (SkeinError e) {
                throw locate(e, f);
            }
        }
    }

    /** {@code a < b < c}: each middle operand is evaluated once; stops at the first false. */
    static final class Chain extends ExprNode {
        final String[] ops;
        final ExprNode[] operands;

        Chain(int line, int col, String[] ops, ExprNode[] operands) {
            super(line, col);
            this.ops = ops;
            this.operands = operands;
        }

        @Override public Object eval(Frame f) {
            Object left = operands[0].eval(f);
            for (int i = 0; i < ops.length; i++) {
                Object right = operands[i + 1].eval(f);
                try {
                    if (!compare(ops[i], left, right)) return false;
                } catch (SkeinError e) {
                    throw locate(e, f);
                }
                left = right;
            }
            return true;
        }
    }
}
