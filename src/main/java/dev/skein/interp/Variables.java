package dev.skein.interp;

import dev.skein.runtime.Containers;
import dev.skein.runtime.Errors;
import dev.skein.runtime.SkeinError;
import dev.skein.runtime.SkeinIterator;
import dev.skein.runtime.SkeinList;

/**
 * Reading and writing variables. The compiler has already decided where each name lives: a
 * frame slot, a cell in a slot (captured by a closure), a captured cell of the running
 * function, or a module global. No name is looked up at run time.
 */
final class Variables {
    private Variables() {}

    static final class Const extends ExprNode {
        final Object value;

        Const(int line, int col, Object value) {
            super(line, col);
            this.value = value;
        }

        @Override public Object eval(Frame f) { return value; }
    }

    static final class LocalGet extends ExprNode {
        final int slot;

        LocalGet(int line, int col, int slot) {
            super(line, col);
            this.slot = slot;
        }

        @Override public Object eval(Frame f) { return f.slots[slot]; }
    }

    static final class CellGet extends ExprNode {
        final int slot;

        CellGet(int line, int col, int slot) {
            super(line, col);
            this.slot = slot;
        }

        @Override public Object eval(Frame f) { return ((Cell) f.slots[slot]).value; }
    }

    static final class CaptureGet extends ExprNode {
        final int index;

        CaptureGet(int line, int col, int index) {
            super(line, col);
            this.index = index;
        }

        @Override public Object eval(Frame f) { return f.captured[index].value; }
    }

    static final class GlobalGet extends ExprNode {
        final int index;
        final String name;

        GlobalGet(int line, int col, int index, String name) {
            super(line, col);
            this.index = index;
            this.name = name;
        }

        @Override public Object eval(Frame f) {
            Object v = f.module.globals[index];
            if (v == Unset.UNSET) throw locate(Errors.name("'" + name + "' is used before its 'let' has run"), f);
            return v;
        }
    }

    // ------------------------------------------------------------------ stores

    static final class LocalStore extends Store {
        final int slot;

        LocalStore(int line, int col, int slot) {
            super(line, col);
            this.slot = slot;
        }

        @Override public void store(Frame f, Object v) { f.slots[slot] = v; }
    }

    /** Assignment to an existing captured local. */
    static final class CellStore extends Store {
        final int slot;

        CellStore(int line, int col, int slot) {
            super(line, col);
            this.slot = slot;
        }

        @Override public void store(Frame f, Object v) { ((Cell) f.slots[slot]).value = v; }
    }

    /**
     * A declaration ({@code let}, a loop variable, a catch binding) of a captured local: a new
     * cell each time, so closures made in different loop iterations keep their own values.
     */
    static final class CellInit extends Store {
        final int slot;

        CellInit(int line, int col, int slot) {
            super(line, col);
            this.slot = slot;
        }

        @Override public void store(Frame f, Object v) { f.slots[slot] = new Cell(v); }
    }

    static final class CaptureStore extends Store {
        final int index;

        CaptureStore(int line, int col, int index) {
            super(line, col);
            this.index = index;
        }

        @Override public void store(Frame f, Object v) { f.captured[index].value = v; }
    }

    static final class GlobalStore extends Store {
        final int index;

        GlobalStore(int line, int col, int index) {
            super(line, col);
            this.index = index;
        }

        @Override public void store(Frame f, Object v) { f.module.globals[index] = v; }
    }

    static final class IndexStore extends Store {
        final ExprNode target;
        final ExprNode index;

        IndexStore(int line, int col, ExprNode target, ExprNode index) {
            super(line, col);
            this.target = target;
            this.index = index;
        }

        @Override public void store(Frame f, Object v) {
            Object t = target.eval(f);
            Object i = index.eval(f);
            try {
                setIndex(t, i, v);
            } catch (SkeinError e) {
                throw locate(e, f);
            }
        }

        /** {@code t[i] = v}; a list indexed by a long goes straight to the list (compiled code calls this too). */
        static void setIndex(Object t, Object i, Object v) {
            if (t instanceof SkeinList l && i instanceof Long n) l.setPy(n, v);
            else Containers.setIndex(t, i, v);
        }

        /** {@code t[i] = v} for an index the compiled code holds as a long (a range loop's variable). */
        static void setIndex(Object t, long i, Object v) {
            if (t instanceof SkeinList l) l.setPy(i, v);
            else Containers.setIndex(t, i, v);
        }
    }

    /** {@code a, b = value}: unpacks an iterable of exactly as many items. */
    static final class Destructure extends Store {
        final Store[] items;

        Destructure(int line, int col, Store[] items) {
            super(line, col);
            this.items = items;
        }

        @Override public void store(Frame f, Object v) {
            Object[] values;
            try {
                values = unpack(v, items.length);
            } catch (SkeinError e) {
                throw locate(e, f);
            }
            for (int i = 0; i < items.length; i++) items[i].store(f, values[i]);
        }

        static Object[] unpack(Object v, int n) {
            Object[] values;
            if (v instanceof SkeinList l) values = l.snapshot();
            else {
                SkeinIterator it = Containers.iter(v);
                values = new Object[n];
                int k = 0;
                for (Object x = it.next(); x != SkeinIterator.DONE; x = it.next()) {
                    if (k == n) throw Errors.value("too many values to unpack (expected " + n + ")");
                    values[k++] = x;
                }
                if (k < n) throw Errors.value("not enough values to unpack (expected " + n + ", got " + k + ")");
                return values;
            }
            if (values.length > n) throw Errors.value("too many values to unpack (expected " + n + ")");
            if (values.length < n) throw Errors.value("not enough values to unpack (expected " + n + ", got " + values.length + ")");
            return values;
        }
    }
}
