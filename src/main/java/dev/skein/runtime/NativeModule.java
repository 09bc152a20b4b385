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

    /** Adds a function of one parameter, its body taking it directly (no array). */
    public NativeModule def1(String fname, String spec, Builtin.Body1 body) { return def(fname, spec, body); }

    /** Adds a function of two parameters, its body taking them directly. */
    public NativeModule def2(String fname, String spec, Builtin.Body2 body) { return def(fname, spec, body); }

    /** Adds a function of three parameters, its body taking them directly. */
    public NativeModule def3(String fname, String spec, Builtin.Body3 body) { return def(fname, spec, body); }

    /** Adds a constant member. */
    public NativeModule constant(String cname, Object value) {
        members.put(cname, value);
        return this;
    }

    /**
     * Adds a member that exists but raises PermissionError when read, because the host did not
     * grant {@code needed}: a sandboxed script learns why, rather than reading an empty stand-in.
     */
    public NativeModule denied(String cname, Capability needed) {
        members.put(cname, new Denied(needed));
        return this;
    }

    private record Denied(Capability needed) {}

    @Override public String moduleName() { return name; }

    @Override public Object member(String n) {
        Object v = members.getOrDefault(n, Missing.MISSING);
        if (v instanceof Denied d) throw Errors.permission(Capability.notGranted(d.needed()));
        return v;
    }

    @Override public Collection<String> memberNames() { return Collections.unmodifiableSet(members.keySet()); }

    @Override public String toString() { return "<module " + name + ">"; }
}
