package dev.skein.interp;

import dev.skein.runtime.Arith;
import dev.skein.runtime.SkeinError;

/**
 * Linear-time {@code s += piece} in loops. Python's CPython appends in place when nothing else
 * holds the string; Java strings are immutable, so a loop whose body only ever extends a local
 * string (and never reads it) appends to a buffer kept in a hidden frame slot, and the variable
 * gets the finished string whenever the loop is left — normally, by break/return, or by an error.
 */
final class Accumulation {
    private Accumulation() {}

    /** {@code name += value} for an accumulated local. */
    static final class Append extends StmtNode {
        final int slot, buffer;
        final ExprNode value;

        Append(int line, int col, int slot, int buffer, ExprNode value) {
            super(line, col);
            this.slot = slot;
            this.buffer = buffer;
            this.value = value;
        }

        @Override public int exec(Frame f) {
            Object[] s = f.slots;
            Object v = value.eval(f);
            if (s[buffer] instanceof StringBuilder sb) {
                if (appendTo(sb, v)) return NORMAL;
                s[slot] = sb.toString();   // not a string after all: back to the general rule
                s[buffer] = null;
            } else if ((s[buffer] = startBuffer(s[slot], v)) != null) {
                return NORMAL;
            }
            try {
                s[slot] = Arith.add(s[slot], v);
            } catch (SkeinError e) {
                throw locate(e, f);
            }
            return NORMAL;
        }
    }

    /** Appends {@code piece} to the buffer when it is a string; false (nothing done) otherwise. */
    static boolean appendTo(Object buffer, Object piece) {
        if (buffer instanceof StringBuilder sb && piece instanceof String p) {
            sb.append(p);
            return true;
        }
        return false;
    }

    /** The buffer that {@code current += piece} starts when both are strings, or null. */
    static StringBuilder startBuffer(Object current, Object piece) {
        if (current instanceof String c && piece instanceof String p) {
            return new StringBuilder(Math.max(64, 2 * (c.length() + p.length()))).append(c).append(p);
        }
        return null;
    }

    /** The loop, followed (however it is left) by writing the buffers back to their variables. */
    static final class Loop extends StmtNode {
        final StmtNode loop;
        final int[][] pairs;   // {variable slot, buffer slot}

        Loop(int line, int col, StmtNode loop, int[][] pairs) {
            super(line, col);
            this.loop = loop;
            this.pairs = pairs;
        }

        @Override public int exec(Frame f) {
            try {
                return loop.exec(f);
            } finally {
                for (int[] p : pairs) {
                    if (f.slots[p[1]] instanceof StringBuilder sb) {
                        f.slots[p[0]] = sb.toString();
                        f.slots[p[1]] = null;
                    }
                }
            }
        }
    }
}
