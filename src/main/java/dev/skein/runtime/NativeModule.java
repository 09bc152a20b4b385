package dev.skein.runtime;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A standard-library module built in Java: a fixed table of members. */
public final class NativeModule implements ModuleValue {
    private final String name;
    private final Map<String, Object> members = new LinkedHashMap<>();

    public NativeModule(String name) { this.name = name; }

    /** Adds a builtin function member; returns this for chaining. */
    public NativeModule def(String fname, String spec, Builtin.Body body) {
        members.put(fname, new Builtin(name + "." + fname, spec, body));
        return this;
    }

    /** Adds a constant member. */
    public NativeModule constant(String cname, Object value) {
        members.put(cname, value);
        return this;
    }

    @Override public String moduleName() { return name; }

    @Override public Object member(String n) { return members.getOrDefault(n, Missing.MISSING); }

    @Override public Collection<String> memberNames() { return Collections.unmodifiableSet(members.keySet()); }

    @Override public String toString() { return "<module " + name + ">"; }
}
