package dev.skein.embed;

import dev.skein.embed.jsr223.ReturnValues;
import dev.skein.runtime.Callable;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;

/**
 * A Skein function handed to a Java method that takes a functional interface (Runnable,
 * Comparator, Function, a host's own): an implementation of the interface whose one abstract
 * method calls the function. Called on the thread of the host call it runs in that call's
 * thread state; called later or elsewhere it is a new entry into the session, with its limits.
 */
final class HostCallbacks {
    private HostCallbacks() {}

    /** Whether {@code type} is a functional interface: one abstract method besides Object's. */
    private static final ClassValue<Boolean> FUNCTIONAL = new ClassValue<>() {
        @Override protected Boolean computeValue(Class<?> type) { return abstractMethod(type) != null; }
    };

    static boolean isFunctional(Class<?> type) { return type.isInterface() && FUNCTIONAL.get(type); }

    private static Method abstractMethod(Class<?> type) {
        if (!type.isInterface() || HostDenyList.deniedType(type)) return null;
        Method found = null;
        for (Method m : type.getMethods()) {
            if (!Modifier.isAbstract(m.getModifiers()) || isObjectMethod(m)) continue;
            if (found != null) return null;
            found = m;
        }
        return found;
    }

    /** The methods of Object an interface may redeclare abstract (Comparator's equals): not the one to implement. */
    private static boolean isObjectMethod(Method m) {
        return switch (m.getName()) {
            case "equals" -> m.getParameterCount() == 1 && m.getParameterTypes()[0] == Object.class;
            case "hashCode", "toString" -> m.getParameterCount() == 0;
            default -> false;
        };
    }

    static Object proxy(Class<?> type, Callable function, HostInvocation call) {
        Link link = call.link();
        HostClasses classes = call.classes();
        InvocationHandler handler = (self, m, args) -> {
            if (m.getDeclaringClass() == Object.class) {
                return switch (m.getName()) {
                    case "equals" -> self == args[0];
                    case "hashCode" -> System.identityHashCode(self);
                    default -> "<skein function " + function.name() + " as " + type.getName() + ">";
                };
            }
            if (m.isDefault()) return InvocationHandler.invokeDefault(self, m, args);
            Object[] skeinArgs = new Object[args == null ? 0 : args.length];
            for (int i = 0; i < skeinArgs.length; i++) skeinArgs[i] = classes.toSkein(args[i]);
            return ReturnValues.coerce(link.toJava(link.call(function, skeinArgs, null)), m.getReturnType());
        };
        ClassLoader loader = type.getClassLoader() != null ? type.getClassLoader() : HostCallbacks.class.getClassLoader();
        return Proxy.newProxyInstance(loader, new Class<?>[] {type}, handler);
    }
}
