package dev.skein.stdlib;

import dev.skein.runtime.Callable;
import dev.skein.runtime.ErrorKind;
import dev.skein.runtime.ErrorValue;
import dev.skein.runtime.Errors;
import dev.skein.runtime.Interpreter;
import dev.skein.runtime.Missing;
import dev.skein.runtime.RecordType;
import dev.skein.runtime.RecordValue;
import dev.skein.runtime.SkeinError;
import dev.skein.runtime.SkeinList;
import dev.skein.runtime.ThreadState;
import dev.skein.runtime.Values;

import static dev.skein.stdlib.Builtins.def1;
import static dev.skein.stdlib.Builtins.def2;
import static dev.skein.stdlib.Builtins.def3;

/** Builtins that ask about a value: type, isinstance, callable, hash, getattr, hasattr. */
final class IntrospectionBuiltins {
    private IntrospectionBuiltins() {}

    static void install(Interpreter.Builder b) {
        def1(b, "type", "object", (ts, a0) -> Values.typeName(a0));
        def2(b, "isinstance", "object, classinfo", (ts, a0, a1) -> isInstance(a0, a1));
        def1(b, "callable", "object", (ts, a0) -> a0 instanceof Callable);
        def1(b, "hash", "object", (ts, a0) -> (long) Values.hash(a0));
        def3(b, "getattr", "object, name, default=?", (ts, a0, a1, a2) -> {
            Object v = lookup(ts, a0, attributeName(a1));
            if (v != Missing.MISSING) return v;
            if (Args.given(a2)) return a2;
            return Values.getAttr(ts, a0, (String) a1);   // raises the AttributeError
        });
        def2(b, "hasattr", "object, name", (ts, a0, a1) -> lookup(ts, a0, attributeName(a1)) != Missing.MISSING);
    }

    private static String attributeName(Object name) {
        if (name instanceof String s) return s;
        throw Errors.type("attribute name must be string, not '" + Values.typeName(name) + "'");
    }

    /** What {@code obj.name} gives (an attribute, or a method bound to its receiver), or MISSING. */
    private static Object lookup(ThreadState ts, Object obj, String name) {
        try {
            return Values.getAttr(ts, obj, name);
        } catch (SkeinError e) {
            if (e.kind() != ErrorKind.ATTRIBUTE) throw e;
            return Missing.MISSING;
        }
    }

    /**
     * {@code isinstance(value, t)} where t is a type name ("int", "str", a record's name), an
     * error kind (matches errors of that kind or below), a record type, or a list of those.
     * As in Python, a bool is also an int.
     */
    static boolean isInstance(Object value, Object t) {
        if (t instanceof SkeinList options) {
            for (Object option : options.snapshot()) if (isInstanceOf(value, option)) return true;
            return false;
        }
        return isInstanceOf(value, t);
    }

    private static boolean isInstanceOf(Object value, Object t) {
        if (t instanceof String name) {
            return name.equals(Values.typeName(value)) || (name.equals("int") && value instanceof Boolean);
        }
        if (t instanceof ErrorKind kind) return value instanceof ErrorValue e && e.kind().isA(kind);
        if (t instanceof RecordType type) return value instanceof RecordValue r && r.type() == type;
        throw Errors.type("isinstance() arg 2 must be a type name, an error kind, a record type or a list of them");
    }
}
