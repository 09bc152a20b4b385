package dev.skein.stdlib;

import dev.skein.runtime.Interpreter;

/** The builtin functions every module sees: print, len, range, … and the error kinds. */
public final class Builtins {
    private Builtins() {}

    public static void install(Interpreter.Builder b) {
        dev.skein.runtime.ErrorKind.BUILTIN.forEach(b::builtin);
        b.builtin("print", new dev.skein.runtime.Builtin("print", "*values", (ts, a) -> {
            StringBuilder sb = new StringBuilder();
            for (Object v : (Object[]) a[0]) { if (sb.length() > 0) sb.append(' '); sb.append(dev.skein.runtime.Ops.str(v)); }
            ts.interp().stdout().write(sb.append('\n').toString());
            return null;
        }));
        b.builtin("range", new dev.skein.runtime.Builtin("range", "a, b=?", (ts, a) -> dev.skein.runtime.Missing.is(a[1])
            ? new dev.skein.runtime.RangeValue(0, (Long) a[0], 1) : new dev.skein.runtime.RangeValue((Long) a[0], (Long) a[1], 1)));
    }
}
