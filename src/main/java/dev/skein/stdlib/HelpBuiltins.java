package dev.skein.stdlib;

import dev.skein.runtime.Builtin;
import dev.skein.runtime.BoundMethod;
import dev.skein.runtime.Callable;
import dev.skein.runtime.Interpreter;
import dev.skein.runtime.ModuleValue;
import dev.skein.runtime.RecordType;
import dev.skein.runtime.SkeinList;
import dev.skein.runtime.Values;

import static dev.skein.stdlib.Builtins.def;

/**
 * {@code dir(x)}: the names {@code x} answers to after a dot. {@code help(x)}: what {@code x}
 * is, how to call it and what it offers, printed; the full reference is docs/language.md.
 */
final class HelpBuiltins {
    private HelpBuiltins() {}

    static final String REFERENCE = "docs/language.md";

    static void install(Interpreter.Builder b) {
        def(b, "dir", "object", (ts, a) -> SkeinList.of(Members.of(a[0]).toArray()));
        def(b, "help", "object", (ts, a) -> {
            ts.interp().stdout().write(text(a[0]));
            return null;
        });
    }

    /** What help(v) prints. */
    static String text(Object v) {
        StringBuilder sb = new StringBuilder();
        if (v instanceof ModuleValue m) {
            sb.append("module ").append(m.moduleName()).append('\n');
            for (String name : Members.of(m)) sb.append("    ").append(line(name, m)).append('\n');
        } else if (v instanceof RecordType r) {
            sb.append("record ").append(r.name()).append('(').append(r.parameters()).append(')');
            sb.append(", defined at ").append(r.definedAt()).append('\n');
        } else if (v instanceof BoundMethod m) {
            sb.append("method ").append(Values.typeName(m.receiver())).append('.').append(m.methodName())
              .append('(').append(java.util.Objects.requireNonNullElse(parameters(m.receiver(), m.methodName()), "…")).append(")\n");
        } else if (v instanceof Builtin f) {
            sb.append("builtin ").append(f.name()).append('(').append(shown(f.parameters())).append(")\n");
        } else if (v instanceof Callable f) {
            String params = f.parameters();
            sb.append("fn ").append(f.name()).append('(').append(params == null ? "…" : params).append(')');
            if (f.definedAt() != null) sb.append(", defined at ").append(f.definedAt());
            sb.append('\n');
        } else {
            sb.append(Values.typeName(v)).append(" value");
            var names = Members.of(v);
            if (!names.isEmpty()) {
                sb.append(", with:\n");
                for (String name : names) {
                    String params = parameters(v, name);
                    // An attribute (pool.size) has no parameters: it shows as a plain name.
                    sb.append("    ").append(params == null ? name : name + "(" + params + ")").append('\n');
                }
            } else {
                sb.append('\n');
            }
        }
        return sb.append("(the full reference: ").append(REFERENCE).append(")\n").toString();
    }

    /** The parameters of {@code receiver}'s method {@code name} as help shows them; … when unknown, null for an attribute. */
    private static String parameters(Object receiver, String name) {
        Callable method = TypeMethods.find(receiver, name);
        if (method == null && receiver instanceof Values.MethodHost host) method = host.method(name);
        if (method == null) return null;
        String spec = method.parameters();
        return spec == null ? "…" : shown(spec);
    }

    /** A builtin's parameter spec as help shows it: no receiver, optional ones marked {@code =…}. */
    static String shown(String spec) {
        String s = spec.strip();
        if (s.equals("self")) s = "";
        else if (s.startsWith("self,")) s = s.substring(5).strip();
        return s.replace("=?", "=…");
    }

    private static String line(String name, ModuleValue m) {
        Object member;
        try {
            member = m.member(name);
        } catch (dev.skein.runtime.SkeinError denied) {   // a member the sandbox withholds
            return name + "  (not available here)";
        }
        if (member instanceof Callable c && c.parameters() != null) return name + "(" + shown(c.parameters()) + ")";
        return name;
    }
}
