package dev.skein.repl;

import dev.skein.interp.ModuleInstance;
import dev.skein.runtime.Missing;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The session's global bindings before an entry runs, so that a failed (or interrupted) entry
 * leaves no trace: names it bound are unbound again and names it rebound get their old values.
 * Only bindings are restored; a list the entry appended to stays appended to.
 */
final class NamespaceSnapshot {
    private final ModuleInstance module;
    private final Map<String, Object> values = new HashMap<>();   // none is null: containsKey decides

    private NamespaceSnapshot(ModuleInstance module) { this.module = module; }

    static NamespaceSnapshot of(ModuleInstance module) {
        NamespaceSnapshot s = new NamespaceSnapshot(module);
        for (String name : module.declaredNames()) {
            Object v = module.get(name);
            if (v != Missing.MISSING) s.values.put(name, v);
        }
        return s;
    }

    /** Puts every binding back as it was, except the names in {@code keep} (the REPL's own {@code _e}). */
    void restore(List<String> keep) {
        for (String name : module.declaredNames()) {
            if (keep.contains(name)) continue;
            if (!values.containsKey(name)) {
                module.unset(name);
            } else if (module.get(name) != values.get(name)) {
                module.set(name, values.get(name));
            }
        }
    }
}
