package dev.skein.embed;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Set;

/**
 * What no host-access policy ever exposes: types that reach the JVM's machinery (classes and
 * class loaders, reflection and method handles, {@code Runtime}, {@code System}, threads and
 * executors, {@code Unsafe}, internals) and the methods of {@code Object} that lead to them.
 * Members returning such a type are left out of a class's table, and a value of such a type
 * returned through a wider declared type (Object) is refused when it arrives.
 */
final class HostDenyList {
    private HostDenyList() {}

    /** Supertypes whose instances are never handed to a script. */
    private static final List<Class<?>> TYPES = List.of(Class.class, ClassLoader.class, Module.class, ModuleLayer.class,
            Package.class, Runtime.class, System.class, Thread.class, ThreadGroup.class, Thread.Builder.class,
            java.util.concurrent.ThreadFactory.class, java.util.concurrent.Executor.class, java.util.Timer.class,
            ProcessBuilder.class, Process.class, ProcessHandle.class, StackWalker.class, java.lang.ref.Reference.class,
            java.lang.reflect.AccessibleObject.class, java.lang.reflect.Member.class, java.lang.reflect.Type.class,
            java.lang.reflect.InvocationHandler.class, java.lang.invoke.MethodHandle.class, java.lang.invoke.MethodHandles.Lookup.class,
            java.lang.invoke.VarHandle.class, java.lang.invoke.CallSite.class,
            javax.script.ScriptEngineManager.class);   // it finds other languages' engines, with their own rules

    /** Packages none of whose types are exposed. */
    private static final List<String> PACKAGES = List.of("java.lang.reflect", "java.lang.invoke", "java.lang.instrument",
            "java.lang.ref", "sun.", "jdk.internal.", "com.sun.", "dev.skein.runtime", "dev.skein.interp");

    /** Methods of every object that are never exposed, whatever the receiver. */
    private static final Set<String> METHODS = Set.of("getClass", "wait", "notify", "notifyAll", "finalize", "clone");

    static boolean deniedType(Class<?> t) {
        if (t.isArray()) return deniedType(t.getComponentType());
        if (t.isPrimitive()) return false;
        String name = t.getName();
        for (String p : PACKAGES) if (name.startsWith(p.endsWith(".") ? p : p + ".")) return true;
        for (Class<?> d : TYPES) if (d.isAssignableFrom(t)) return true;
        return false;
    }

    static boolean deniedMethod(Method m) {
        if (METHODS.contains(m.getName()) || deniedType(m.getReturnType())) return true;
        for (Class<?> p : m.getParameterTypes()) if (deniedType(p)) return true;
        return false;
    }
}
