package dev.skein.embed;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The host objects of one engine: a {@link HostClasses} per host-access policy in use (the
 * builder's, and the javax.script default), and how a value a host hands over becomes a global.
 */
final class HostValues {
    private final ConcurrentHashMap<HostAccess, HostClasses> byAccess = new ConcurrentHashMap<>();

    HostClasses classes(HostAccess access) { return byAccess.computeIfAbsent(access, HostClasses::new); }

    /**
     * {@code value} as the global {@code name}: converted (copied) when {@link ValueConverter}
     * can, otherwise a host object under {@code access}; when that hides it, a placeholder
     * ({@code placeholder}, javax.script) or an IllegalArgumentException (the native API).
     */
    Object toSkein(String name, Object value, HostAccess access, boolean placeholder) {
        try {
            return ValueConverter.toSkein(value);
        } catch (IllegalArgumentException notConvertible) {
            if (value instanceof HostObject || value instanceof HiddenHostObject) return value;
            if (access.allowsObjects()) {
                HostMembers m = classes(access).members(value.getClass());
                if (!m.denied && !m.isEmpty()) return new HostObject(value, m, classes(access));
            }
            if (placeholder) return new HiddenHostObject(name, value);
            throw new IllegalArgumentException(HiddenHostObject.message(name, value) + " (host access " + access + ")", notConvertible);
        }
    }

    /** A live read-only view of a Java collection, map or array: a host object with no members. */
    Object view(Object collection) {
        if (!(collection instanceof Collection<?> || collection instanceof Map<?, ?> || (collection != null && collection.getClass().isArray()))) {
            throw new IllegalArgumentException("a view needs a Collection, a Map or an array, not " + (collection == null ? "null" : collection.getClass().getName()));
        }
        HostClasses none = classes(HostAccess.NONE);
        return new HostObject(collection, none.members(collection.getClass()), none);
    }
}
