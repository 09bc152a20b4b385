package dev.skein.embed;

import dev.skein.runtime.Callable;
import dev.skein.runtime.Errors;
import dev.skein.runtime.SkeinError;
import dev.skein.runtime.Values;

/**
 * What a script sees for a binding that holds a Java object the engine's {@link HostAccess}
 * does not expose (javax.script with host access off, or a class the policy leaves out): the
 * name exists, and any use of the object says why it cannot be used, instead of "not declared".
 */
final class HiddenHostObject implements Values.Named, Values.MethodHost, Values.Attributes {
    private final String binding;
    private final Object target;

    HiddenHostObject(String binding, Object target) {
        this.binding = binding;
        this.target = target;
    }

    Object target() { return target; }

    static String message(String binding, Object target) {
        return "'" + binding + "' is a Java object (" + target.getClass().getName() + ") that this engine does not expose; see docs/embedding.md";
    }

    private SkeinError refused() { return Errors.permission(message(binding, target)); }

    @Override public String typeName() { return "hidden java object"; }

    @Override public Callable method(String name) { throw refused(); }

    @Override public Object attribute(String name) { throw refused(); }

    @Override public String toString() { return "<hidden java " + target.getClass().getName() + ">"; }
}
