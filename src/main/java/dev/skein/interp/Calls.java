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
                if (spread[i]) addSpread(out, v);
                else out.add(v);
            }
            return out.toArray();
        }
    }

    /** {@code *v} in an argument list: v's items, in order (compiled calls use it too). */
    static void addSpread(List<Object> out, Object v) {
        for (Object x : Containers.toArray(v)) out.add(x);
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
                    Code code = g.code.ready();
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
            } catch (OutOfMemoryError oom) {
                throw locate(dev.skein.runtime.Allocation.outOfMemory(f.ts, oom), f);
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

        final boolean simple, isAppend;
        final int nargs;

        MethodCall(int line, int col, ExprNode receiver, String name, Arguments args) {
            super(line, col);
            this.receiver = receiver;
            this.name = name;
            this.args = args;
            this.simple = args.simple();
            this.nargs = args.values.length;
            this.isAppend = name.equals("append");
        }

        @Override public Object eval(Frame f) {
            Object recv = receiver.eval(f);
            try {
                Object member = moduleMember(recv, name);
                // The commonest container method skips the generic method lookup and the args array.
                if (simple && nargs == 1 && isAppend) return append(f.ts, recv, member, args.values[0].eval(f));
                return callMethod(f.ts, recv, member, name, args.eval(f), args.kwNames, simple);
            } catch (SkeinError e) {
                throw locate(e, f);
            } catch (StackOverflowError deep) {
                throw locate(Function.recursionError(f.ts), f);
            } catch (OutOfMemoryError oom) {
                throw locate(dev.skein.runtime.Allocation.outOfMemory(f.ts, oom), f);
            }
        }
    }

    /** What {@link #moduleMember} gives for a receiver that is not a module. */
    static final Object NOT_A_MODULE = new Object();

    /**
     * The first step of {@code recv.name(…)}, before the arguments run: for a module, its member
     * (AttributeError when it has none); for anything else {@link #NOT_A_MODULE}. The tree's
     * {@link MethodCall} and compiled code both call this, then {@link #callMethod} or {@link #append}.
     */
    static Object moduleMember(Object recv, String name) {
        if (!(recv instanceof ModuleValue m)) return NOT_A_MODULE;
        Object member = m.member(name);
        return member == Missing.MISSING ? Values.getAttr(recv, name) : member;  // getAttr raises AttributeError
    }

    /**
     * {@code recv.name(args)}, given {@link #moduleMember}: a module's function is run directly
     * when the arguments are {@code simple} (no spread, no keywords) and fit it exactly; a dict's
     * {@code get} goes straight to the dict; anything else through the method protocol.
     */
    static Object callMethod(ThreadState ts, Object recv, Object member, String name, Object[] args, String[] kwNames, boolean simple) {
        if (member != NOT_A_MODULE) {
            if (member instanceof Function g && simple && g.acceptsExactly(args.length)) return g.callExactly(ts, args);
            return invoke(ts, member, args, kwNames);
        }
        if (simple && recv instanceof dev.skein.runtime.SkeinDict d && (args.length == 1 || args.length == 2) && name.equals("get")) {
            return d.getOr(args[0], args.length == 2 ? args[1] : null);
        }
        return Values.callMethod(ts, recv, name, args, kwNames);
    }

    /** {@code recv.append(item)} with one positional argument: a list appends directly. */
    static Object append(ThreadState ts, Object recv, Object member, Object item) {
        if (member == NOT_A_MODULE && recv instanceof SkeinList list) {
            list.append(item);
            return null;
        }
        return callMethod(ts, recv, member, "append", new Object[] {item}, null, true);
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
            return make(code, cells, f.module);
        }

        /** The one way a closure is made, for the node and for compiled code. */
        static Function make(Code code, Cell[] cells, ModuleInstance module) { return new Function(code, cells, module); }
    }
}
