package dev.skein.interp;

import dev.skein.runtime.Containers;
import dev.skein.runtime.ThreadState;
import dev.skein.runtime.Convert;
import dev.skein.runtime.SkeinDict;
import dev.skein.runtime.SkeinError;
import dev.skein.runtime.SkeinIterator;
import dev.skein.runtime.SkeinList;
import dev.skein.runtime.SkeinSet;
import dev.skein.runtime.SliceValue;
import dev.skein.runtime.Values;

/** Container literals, comprehensions, f-strings, indexing and attribute reads. */
final class Literals {
    private Literals() {}

    static final class ListLit extends ExprNode {
        final ExprNode[] items;

        ListLit(int line, int col, ExprNode[] items) {
            super(line, col);
            this.items = items;
        }

        @Override public Object eval(Frame f) {
            Object[] out = new Object[items.length];
            for (int i = 0; i < out.length; i++) out[i] = items[i].eval(f);
            return SkeinList.wrap(out);
        }
    }

    static final class DictLit extends ExprNode {
        final ExprNode[] keys, values;

        DictLit(int line, int col, ExprNode[] keys, ExprNode[] values) {
            super(line, col);
            this.keys = keys;
            this.values = values;
        }

        @Override public Object eval(Frame f) {
            SkeinDict d = new SkeinDict(keys.length);
            for (int i = 0; i < keys.length; i++) {
                Object k = keys[i].eval(f);
                Object v = values[i].eval(f);
                try {
                    d.put(k, v);
                } catch (SkeinError e) {
                    throw locate(e, f);
                }
            }
            return d;
        }
    }

    static final class SetLit extends ExprNode {
        final ExprNode[] items;

        SetLit(int line, int col, ExprNode[] items) {
            super(line, col);
            this.items = items;
        }

        @Override public Object eval(Frame f) {
            SkeinSet s = new SkeinSet();
            for (ExprNode item : items) {
                Object v = item.eval(f);
                try {
                    s.add(v);
                } catch (SkeinError e) {
                    throw locate(e, f);
                }
            }
            return s;
        }
    }

    /** One clause of a comprehension: a {@code for} (target + iterable) or an {@code if}. */
    record Clause(Store target, ExprNode source, boolean isFor) {}

    /**
     * {@code [e for x in xs if c]}, sets and dicts likewise. Generator expressions are
     * evaluated eagerly into a list (documented), which is what their consumers see anyway.
     */
    static final class Comprehension extends ExprNode {
        final char kind;   // 'l' list, 's' set, 'd' dict
        final ExprNode element, value;
        final Clause[] clauses;

        Comprehension(int line, int col, char kind, ExprNode element, ExprNode value, Clause[] clauses) {
            super(line, col);
            this.kind = kind;
            this.element = element;
            this.value = value;
            this.clauses = clauses;
        }

        @Override public Object eval(Frame f) {
            Object sink = kind == 'd' ? new SkeinDict() : kind == 's' ? new SkeinSet() : new SkeinList();
            try {
                run(f, 0, sink);
            } catch (SkeinError e) {
                throw locate(e, f);
            }
            return sink;
        }

        private void run(Frame f, int clause, Object sink) {
            if (clause == clauses.length) {
                Object e = element.eval(f);
                if (sink instanceof SkeinList l) l.append(e);
                else if (sink instanceof SkeinSet s) s.add(e);
                else ((SkeinDict) sink).put(e, value.eval(f));
                return;
            }
            Clause c = clauses[clause];
            if (!c.isFor()) {
                if (Values.truthy(c.source().eval(f))) run(f, clause + 1, sink);
                return;
            }
            SkeinIterator it = Containers.iter(c.source().eval(f));
            for (Object v = it.next(); v != SkeinIterator.DONE; v = it.next()) {
                c.target().store(f, v);
                run(f, clause + 1, sink);
                f.ts.poll();
            }
        }
    }

    /** A field of an f-string: value, conversion (0, 'r', 's', 'a') and format spec. */
    record Field(ExprNode value, char conversion, ExprNode spec) {}

    static final class FString extends ExprNode {
        final Object[] parts;   // String or Field

        FString(int line, int col, Object[] parts) {
            super(line, col);
            this.parts = parts;
        }

        @Override public Object eval(Frame f) {
            StringBuilder sb = new StringBuilder();
            for (Object p : parts) {
                if (p instanceof String s) { sb.append(s); continue; }
                Field fd = (Field) p;
                Object v = fd.value().eval(f);
                try {
                    v = convert(v, fd.conversion());
                    String spec = fd.spec() == null ? "" : (String) fd.spec().eval(f);
                    sb.append(FieldFormat.format(v, spec));
                } catch (SkeinError e) {
                    throw locate(e, f);
                }
            }
            return sb.toString();
        }
    }

    /** A field's conversion ({@code !r}, {@code !a}, {@code !s}; 0 for none), before its format spec runs. */
    static Object convert(Object v, char conversion) {
        return switch (conversion) {
            case 'r' -> Convert.repr(v);
            case 'a' -> dev.skein.runtime.FormatSpec.ascii(v);
            case 's' -> Convert.str(v);
            default -> v;
        };
    }

    static final class Index extends ExprNode {
        final ExprNode target, index;

        Index(int line, int col, ExprNode target, ExprNode index) {
            super(line, col);
            this.target = target;
            this.index = index;
        }

        @Override public Object eval(Frame f) {
            Object t = target.eval(f);
            Object i = index.eval(f);
            try {
                if (t instanceof SkeinList l && i instanceof Long n) return l.getPy(n);
                return index(f.ts, t, i);
            } catch (SkeinError e) {
                throw locate(e, f);
            }
        }
    }

    /**
     * {@code t[i]} past the list fast path (which {@link Index} and compiled code test inline):
     * a string indexed by an int, then the general rule.
     */
    static Object index(ThreadState ts, Object t, Object i) {
        if (t instanceof String s) return Containers.stringIndex(ts, s, i);
        return Containers.getIndex(t, i);
    }

    static final class Slice extends ExprNode {
        final ExprNode start, stop, step;

        Slice(int line, int col, ExprNode start, ExprNode stop, ExprNode step) {
            super(line, col);
            this.start = start;
            this.stop = stop;
            this.step = step;
        }

        @Override public Object eval(Frame f) {
            return new SliceValue(start == null ? null : start.eval(f), stop == null ? null : stop.eval(f),
                    step == null ? null : step.eval(f));
        }
    }

    static final class Attr extends ExprNode {
        final ExprNode target;
        final String name;

        Attr(int line, int col, ExprNode target, String name) {
            super(line, col);
            this.target = target;
            this.name = name;
        }

        @Override public Object eval(Frame f) {
            Object t = target.eval(f);
            try {
                return Values.getAttr(f.ts, t, name);
            } catch (SkeinError e) {
                throw locate(e, f);
            }
        }
    }
}
