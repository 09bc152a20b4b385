package dev.skein.interp;

import dev.skein.runtime.Callable;
import dev.skein.runtime.Containers;
import dev.skein.runtime.Missing;
import dev.skein.runtime.ModuleValue;
import dev.skein.runtime.SkeinError;
import dev.skein.runtime.SkeinList;
import dev.skein.runtime.ThreadState;
import dev.skein.runtime.Values;
import java.util.ArrayList;
import java.util.List;

/** Calls, method calls and function literals. */
final class Calls {
    private Calls() {}

    /** The arguments of one call site: positional expressions, spreads, then keywords. */
    static final class Arguments {
        final ExprNode[] values;
        final boolean[] spread;     // null when no argument is spread
        final String[] kwNames;     // null when no keyword arguments; names the last values

        Arguments(ExprNode[] values, boolean[] spread, String[] kwNames) {
            this.values = values;
            this.spread = spread;
            this.kwNames = kwNames;
        }

        boolean simple() { return spread == null && kwNames == null; }

        /** Evaluates into an args array laid out for {@link Callable#call}. */
        Object[] eval(Frame f) {
            if (spread == null) {
                Object[] out = new Object[values.length];
                for (int i = 0; i < out.length; i++) out[i] = values[i].eval(f);
                return out;
            }
            List<Object> out = new ArrayList<>(values.length + 4);
            for (int i = 0; i < values.length; i++) {
                Object v = values[i].eval(f);
                if (spread[i]) {
                    for (Object x : Containers.toArray(v)) out.add(x);
                } else {
                    out.add(v);
                }
            }
            return out.toArray();
        }
    }

    static final class Call extends ExprNode {
        final ExprNode callee;
        final Arguments args;
        /** Positional-only arguments: the count a function must take exactly for the fast path. */
        final int simpleCount;
        final ExprNode[] values;

        Call(int line, int col, ExprNode callee, Arguments args) {
            super(line, col);
            this.callee = callee;
            this.args = args;
            this.simpleCount = args.simple() ? args.values.length : -2;
            this.values = args.values;
        }

        @Override public Object eval(Frame f) {
            Object fn = callee.eval(f);
            try {
                if (fn instanceof Function g && g.code.exactArity == simpleCount) {
                    // Fast path: fill the callee's slots directly, no intermediate array.
                    Code code = g.code;
                    Object[] slots = new Object[code.frameSize];
                    ExprNode[] vs = values;
                    for (int i = 0; i < vs.length; i++) slots[i] = vs[i].eval(f);
                    return g.run(new Frame(code, slots, g.captured, g.module, f.ts));
                }
                Object[] a = args.eval(f);
                return invoke(f.ts, fn, a, args.kwNames);
            } catch (SkeinError e) {
                throw locate(e, f);
            } catch (StackOverflowError deep) {
                throw locate(Function.recursionError(f.ts), f);
            }
        }
    }

    static Object invoke(ThreadState ts, Object fn, Object[] a, String[] kwNames) {
        if (fn instanceof Callable c) return c.call(ts, a, kwNames);
        return Values.call(ts, fn, a, kwNames);
    }

    /** {@code recv.name(args)}: built-in type methods, module members, callable fields. */
    static final class MethodCall extends ExprNode {
        final ExprNode receiver;
        final String name;
        final Arguments args;

        final boolean simple, isAppend, isGet;
        final int nargs;

        MethodCall(int line, int col, ExprNode receiver, String name, Arguments args) {
            super(line, col);
            this.receiver = receiver;
            this.name = name;
            this.args = args;
            this.simple = args.simple();
            this.nargs = args.values.length;
            this.isAppend = name.equals("append");
            this.isGet = name.equals("get");
        }

        @Override public Object eval(Frame f) {
            Object recv = receiver.eval(f);
            try {
                if (simple) {
                    // The commonest container methods skip the generic method lookup and binding.
                    if (recv instanceof SkeinList list && nargs == 1 && isAppend) {
                        list.append(args.values[0].eval(f));
                        return null;
                    }
                    if (recv instanceof dev.skein.runtime.SkeinDict d && isGet && (nargs == 1 || nargs == 2)) {
                        Object key = args.values[0].eval(f);
                        Object dflt = nargs == 2 ? args.values[1].eval(f) : null;
                        return d.getOr(key, dflt);
                    }
                }
                if (recv instanceof ModuleValue m) {
                    Object member = m.member(name);
                    if (member == Missing.MISSING) return Values.getAttr(recv, name);  // raises AttributeError
                    if (member instanceof Function g && args.simple() && g.acceptsExactly(args.values.length)) {
                        Object[] slots = new Object[g.code.frameSize];
                        ExprNode[] vs = args.values;
                        for (int i = 0; i < vs.length; i++) slots[i] = vs[i].eval(f);
                        return g.run(new Frame(g.code, slots, g.captured, g.module, f.ts));
                    }
                    return invoke(f.ts, member, args.eval(f), args.kwNames);
                }
                return Values.callMethod(f.ts, recv, name, args.eval(f), args.kwNames);
            } catch (SkeinError e) {
                throw locate(e, f);
            } catch (StackOverflowError deep) {
                throw locate(Function.recursionError(f.ts), f);
            }
        }
    }

    /** Where a closure's captured cell comes from in the frame that creates it. */
    record CaptureSource(boolean fromLocalSlot, int index) {}

    /** {@code fn(…) …} or a {@code fn name(…)} statement: makes a Function capturing its cells. */
    static final class Closure extends ExprNode {
        final Code code;
        final CaptureSource[] captures;

        Closure(int line, int col, Code code, CaptureSource[] captures) {
            super(line, col);
            this.code = code;
            this.captures = captures;
        }

        @Override public Object eval(Frame f) {
            Cell[] cells = new Cell[captures.length];
            for (int i = 0; i < cells.length; i++) {
                CaptureSource c = captures[i];
                cells[i] = c.fromLocalSlot() ? (Cell) f.slots[c.index()] : f.captured[c.index()];
            }
            return new Function(code, cells, f.module);
        }
    }
}
