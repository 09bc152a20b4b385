package dev.skein.embed;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What scripts may use of one Java class under one {@link HostAccess}: its exposed instance
 * methods grouped by name (each resolved to a method handle once, here), and its readable
 * properties (public fields, bean getters {@code getX()}/{@code isX()}, as handles taking (receiver, Object[])) and writable ones
 * (non-final public fields, bean setters). Built once per class and policy ({@link HostClasses}).
 * Methods are looked up on the public, exported types of the class's hierarchy, so an object of
 * a private class (what {@code List.of} returns) is used through its public interfaces.
 */
final class HostMembers {
    final Class<?> type;
    final HostAccess access;
    final boolean denied;
    private final Map<String, HostMethodGroup> methods;
    private final Map<String, MethodHandle> getters;
    private final Map<String, HostMethodGroup> setters;

    private HostMembers(Class<?> type, HostAccess access, boolean denied, Map<String, HostMethodGroup> methods,
                        Map<String, MethodHandle> getters, Map<String, HostMethodGroup> setters) {
        this.type = type;
        this.access = access;
        this.denied = denied;
        this.methods = methods;
        this.getters = getters;
        this.setters = setters;
    }

    static HostMembers of(Class<?> type, HostAccess access) {
        if (HostDenyList.deniedType(type)) return new HostMembers(type, access, true, Map.of(), Map.of(), Map.of());
        MethodHandles.Lookup lookup = MethodHandles.publicLookup();
        Map<String, List<HostMethodGroup.Candidate>> byName = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (Class<?> t : publicTypes(type)) {
            for (Method m : t.getDeclaredMethods()) {
                int mod = m.getModifiers();
                if (!Modifier.isPublic(mod) || Modifier.isStatic(mod) || m.isBridge() || m.isSynthetic()) continue;
                if (!seen.add(m.getName() + Arrays.toString(m.getParameterTypes()))) continue;   // the most derived one wins
                if (HostDenyList.deniedMethod(m) || !access.exposes(type, t, m)) continue;
                try {
                    byName.computeIfAbsent(m.getName(), k -> new ArrayList<>()).add(new HostMethodGroup.Candidate(m, lookup.unreflect(m)));
                } catch (IllegalAccessException e) {
                    // not reachable from outside its module: leave it out
                }
            }
        }
        Map<String, HostMethodGroup> methods = new LinkedHashMap<>();
        String owner = type.getSimpleName().isEmpty() ? type.getName() : type.getSimpleName();
        byName.forEach((name, cs) -> methods.put(name, new HostMethodGroup(owner, name, cs)));
        Map<String, MethodHandle> getters = new LinkedHashMap<>();
        Map<String, HostMethodGroup> setters = new LinkedHashMap<>();
        for (Field f : type.getFields()) {
            int mod = f.getModifiers();
            if (Modifier.isStatic(mod) || HostDenyList.deniedType(f.getType()) || !isPublicType(f.getDeclaringClass())
                    || !access.exposes(type, f.getDeclaringClass(), f)) continue;
            try {
                getters.put(f.getName(), lookup.unreflectGetter(f).asType(MethodType.genericMethodType(1)).asSpreader(Object[].class, 0));
                if (!Modifier.isFinal(mod)) {
                    setters.put(f.getName(), new HostMethodGroup(owner, f.getName(), List.of(new HostMethodGroup.Candidate(f, lookup.unreflectSetter(f)))));
                }
            } catch (IllegalAccessException e) {
                // not reachable: leave it out
            }
        }
        methods.forEach((name, group) -> {
            String property = beanProperty(name, "get");
            if (property == null) property = beanProperty(name, "is");
            MethodHandle getter = group.getter();
            if (property != null && getter != null) getters.putIfAbsent(property, getter);
            String settable = beanProperty(name, "set");
            if (settable != null && group.hasArity(1)) setters.putIfAbsent(settable, group);
        });
        return new HostMembers(type, access, false, Map.copyOf(methods), Map.copyOf(getters), Map.copyOf(setters));
    }

    /** {@code getName} → {@code name}, {@code getURL} → {@code URL}; null when {@code method} is not prefix + capital. */
    private static String beanProperty(String method, String prefix) {
        if (method.length() <= prefix.length() || !method.startsWith(prefix) || !Character.isUpperCase(method.charAt(prefix.length()))) return null;
        String rest = method.substring(prefix.length());
        if (rest.length() > 1 && Character.isUpperCase(rest.charAt(1))) return rest;
        return Character.toLowerCase(rest.charAt(0)) + rest.substring(1);
    }

    /** The class, its superclasses and all their interfaces that are public and exported, most derived first. */
    private static List<Class<?>> publicTypes(Class<?> type) {
        List<Class<?>> out = new ArrayList<>();
        Set<Class<?>> visited = new HashSet<>();
        Deque<Class<?>> todo = new ArrayDeque<>();
        for (Class<?> c = type; c != null; c = c.getSuperclass()) todo.add(c);
        while (!todo.isEmpty()) {
            Class<?> c = todo.poll();
            if (!visited.add(c)) continue;
            if (isPublicType(c)) out.add(c);
            todo.addAll(Arrays.asList(c.getInterfaces()));
        }
        return out;
    }

    private static boolean isPublicType(Class<?> c) {
        for (Class<?> k = c; k != null; k = k.getEnclosingClass()) if (!Modifier.isPublic(k.getModifiers())) return false;
        return c.getModule().isExported(c.getPackageName());
    }

    boolean isEmpty() { return methods.isEmpty() && getters.isEmpty(); }

    /** Whether the class itself is public and exported (if not, only its public supertypes' members are reachable). */
    boolean isPublic() { return isPublicType(type); }

    HostMethodGroup method(String name) { return methods.get(name); }

    MethodHandle getter(String name) { return getters.get(name); }

    HostMethodGroup setter(String name) { return setters.get(name); }

    /** Everything a script can name on such an object, sorted. */
    List<String> names() {
        TreeSet<String> all = new TreeSet<>(methods.keySet());
        all.addAll(getters.keySet());
        return List.copyOf(all);
    }
}
