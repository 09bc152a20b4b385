package dev.skein.stdlib;

import dev.skein.runtime.Builtin;

import java.util.HashMap;
import java.util.Map;

/** Builds the immutable name → method map of one built-in type; methods are named "type.method". */
final class MethodTable {
    private final String typeName;
    private final Map<String, Builtin> methods = new HashMap<>();

    MethodTable(String typeName) { this.typeName = typeName; }

    /** Adds a method; {@code spec} lists the parameters after {@code self}. */
    MethodTable def(String name, String spec, Builtin.Body body) {
        String full = spec.isBlank() ? "self" : "self, " + spec;
        methods.put(name, new Builtin(typeName + "." + name, full, body));
        return this;
    }

    /** Adds a method of one slot ({@code self}), its body taking it directly (no array). */
    MethodTable def1(String name, String spec, Builtin.Body1 body) { return def(name, spec, (Builtin.Body) body); }

    /** Adds a method of two slots ({@code self} and one parameter), its body taking them directly. */
    MethodTable def2(String name, String spec, Builtin.Body2 body) { return def(name, spec, (Builtin.Body) body); }

    /** Adds a method of three slots ({@code self} and two parameters), its body taking them directly. */
    MethodTable def3(String name, String spec, Builtin.Body3 body) { return def(name, spec, (Builtin.Body) body); }

    Map<String, Builtin> build() { return Map.copyOf(methods); }
}
