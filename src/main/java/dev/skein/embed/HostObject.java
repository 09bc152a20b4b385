package dev.skein.embed;

import dev.skein.runtime.AttributeWrites;
import dev.skein.runtime.Callable;
import dev.skein.runtime.Errors;
import dev.skein.runtime.HostContainer;
import dev.skein.runtime.SkeinError;
import dev.skein.runtime.SkeinIterator;
import dev.skein.runtime.ThreadState;
import dev.skein.runtime.Values;
import java.lang.invoke.MethodHandle;
import java.lang.reflect.Array;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A Java object a host handed to a script (or a host method returned): {@code obj.method(args)}
 * calls its exposed methods ({@link HostMethodGroup} chooses the overload), {@code obj.name}
 * reads a public field or bean getter (or is the bound method), and a Java collection, map or
 * array is a live read-only container ({@code len}, {@code x[i]}, {@code in}, {@code for}).
 * Its repr is {@code <java org.apache.tools.ant.Project>}. Never portable: a process pool
 * refuses it at submit. Its own thread-safety is the host's: thread pools share it as is.
 */
final class HostObject implements Values.Named, Values.MethodHost, Values.Attributes, AttributeWrites.Writable, HostContainer {
    private final Object target;
    private final HostMembers members;
    private final HostClasses classes;

    HostObject(Object target, HostMembers members, HostClasses classes) {
        this.target = target;
        this.members = members;
        this.classes = classes;
    }

    /** The Java object. */
    public Object target() { return target; }

    /** What a script can name on it ({@code dir(obj)}): its exposed methods and properties, sorted. */
    public List<String> memberNames() { return members.names(); }

    @Override public java.util.Collection<String> methodNames() { return memberNames(); }   // what dir(obj) lists

    @Override public String typeName() { return "java " + members.type.getSimpleName(); }

    @Override public Callable method(String name) {
        HostMethodGroup g = members.method(name);
        return g == null ? null : new Bound(g);
    }

    @Override public Object attribute(String name) {
        MethodHandle getter = members.getter(name);
        if (getter != null) return invoke(getter, new Object[0], name);
        HostMethodGroup g = members.method(name);
        if (g != null) return new Bound(g);
        throw missing(name);
    }

    /** {@code obj.name = value}: a public field or a bean setter {@code setName}. */
    @Override public void setAttribute(ThreadState ts, String name, Object value) {
        HostMethodGroup setter = members.setter(name);
        if (setter == null) throw missing(name);
        new Bound(setter).call(ts, new Object[] {value}, null);
    }

    private SkeinError missing(String name) {
        String cls = members.type.getName();
        if (name.equals("getClass") || name.equals("class")) return Errors.permission("'" + name + "' of a Java object is never exposed to scripts");
        String hint = members.isPublic() ? "" : "; its class is not public, so only members of its public supertypes are";
        return Errors.attribute("the Java object " + cls + " has no member '" + name + "' that scripts may use (host access "
                + members.access + hint + "; see docs/embedding.md)");
    }

    private Object invoke(MethodHandle h, Object[] javaArgs, String what) {
        Object r;
        try {
            r = (Object) h.invokeExact(target, javaArgs);
        } catch (SkeinError e) {
            throw e;
        } catch (Throwable t) {
            throw HostErrors.fromHostMethod(t, members.type.getSimpleName() + "." + what);
        }
        return classes.toSkein(r);
    }

    /** One of its methods, bound to it: what {@code obj.method} is and what {@code obj.method(…)} calls. */
    private final class Bound implements Callable {
        private final HostMethodGroup group;

        Bound(HostMethodGroup group) { this.group = group; }

        @Override public Object call(ThreadState ts, Object[] args, String[] kwNames) {
            if (kwNames != null) throw Errors.type(name() + "() is a Java method: it takes no keyword arguments");
            HostMethodGroup.Candidate c = group.choose(args);
            HostInvocation call = new HostInvocation(ts, classes);
            try {
                Object[] javaArgs = new Object[args.length];
                for (int i = 0; i < args.length; i++) javaArgs[i] = HostArguments.convert(args[i], c.params[i], call);
                return invoke(c.invoker, javaArgs, group.name);
            } finally {
                call.finish();
            }
        }

        @Override public String name() { return group.owner + "." + group.name; }

        @Override public Object receiver() { return HostObject.this; }

        @Override public String toString() { return "<java method " + name() + ">"; }
    }

    // ------------------------------------------------------------------ a live view of a Java container

    @Override public boolean isTrue() {
        boolean container = target instanceof Collection<?> || target instanceof Map<?, ?> || target.getClass().isArray();
        return !container || length() != 0;
    }

    @Override public long length() {
        if (target instanceof Collection<?> c) return c.size();
        if (target instanceof Map<?, ?> m) return m.size();
        if (target.getClass().isArray()) return Array.getLength(target);
        throw Errors.type("object of type '" + typeName() + "' has no len()");
    }

    @Override public Object item(Object index) {
        if (target instanceof Map<?, ?> m) {
            Object key = javaKey(index);
            Object v = m.get(key);
            if (v == null && !m.containsKey(key)) throw Errors.key(dev.skein.runtime.Convert.repr(index));
            return classes.toSkein(v);
        }
        boolean list = target instanceof List<?>;
        if (!list && !target.getClass().isArray()) throw Errors.type("'" + typeName() + "' object is not subscriptable");
        if (!(index instanceof Long i)) throw Errors.type("indices of a Java list or array must be integers, not " + Values.typeName(index));
        long n = length();
        long j = i < 0 ? i + n : i;
        if (j < 0 || j >= n) throw Errors.index("index " + i + " out of range for a Java " + (list ? "list" : "array") + " of " + n);
        return classes.toSkein(list ? ((List<?>) target).get((int) j) : Array.get(target, (int) j));
    }

    @Override public boolean holds(Object item) {
        if (target instanceof Map<?, ?> m) return m.containsKey(javaKey(item));
        SkeinIterator it = iterate();
        for (Object v = it.next(); v != SkeinIterator.DONE; v = it.next()) if (Values.eq(v, item)) return true;
        return false;
    }

    @Override public SkeinIterator iterate() {
        if (target.getClass().isArray()) {
            int n = Array.getLength(target);
            return new SkeinIterator() {
                int i;
                @Override public Object next() { return i < n ? classes.toSkein(Array.get(target, i++)) : DONE; }
            };
        }
        Iterator<?> j;
        if (target instanceof Map<?, ?> m) j = m.keySet().iterator();
        else if (target instanceof Iterable<?> it) j = it.iterator();
        else throw Errors.type("'" + typeName() + "' object is not iterable");
        return () -> j.hasNext() ? classes.toSkein(j.next()) : SkeinIterator.DONE;
    }

    /** A Skein key as the Java key it most likely stands for: a host object's target, else the Skein value (str, int as Long). */
    private static Object javaKey(Object k) { return k instanceof HostObject h ? h.target : k; }

    @Override public boolean equals(Object o) { return o instanceof HostObject h && h.target.equals(target); }

    @Override public int hashCode() { return target.hashCode(); }

    @Override public String toString() { return "<java " + members.type.getName() + ">"; }
}
