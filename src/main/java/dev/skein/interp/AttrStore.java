package dev.skein.interp;

import dev.skein.runtime.AttributeWrites;
import dev.skein.runtime.SkeinError;

/** {@code t.name = v}: the target is evaluated after the value, the write located at the target. */
final class AttrStore extends Store {
    final ExprNode target;
    final String name;

    AttrStore(int line, int col, ExprNode target, String name) {
        super(line, col);
        this.target = target;
        this.name = name;
    }

    @Override public void store(Frame f, Object v) {
        Object t = target.eval(f);
        try {
            AttributeWrites.set(f.ts, t, name, v);
        } catch (SkeinError e) {
            throw locate(e, f);
        }
    }
}
