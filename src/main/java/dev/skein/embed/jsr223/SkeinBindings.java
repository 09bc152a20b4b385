package dev.skein.embed.jsr223;

import dev.skein.embed.SkeinSession;
import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import javax.script.Bindings;

/**
 * ENGINE_SCOPE bindings backed by a {@link SkeinSession}: names that are Skein identifiers are
 * the session's globals (a put is visible to the next script at once; a get converts the current
 * value to Java; a Java object is a host object, see {@link SkeinSession#bind}); other keys
 * ({@code javax.script.filename}, …) are kept beside them, unseen by scripts. Made by
 * {@link SkeinScriptEngine#createBindings()}.
 */
public final class SkeinBindings extends AbstractMap<String, Object> implements Bindings {
    private final SkeinSession session;
    private final Map<String, Object> other = new LinkedHashMap<>();
    private final ReentrantLock otherLock = new ReentrantLock();

    SkeinBindings(SkeinSession session) { this.session = session; }

    private <T> T withOther(Supplier<T> action) {
        otherLock.lock();
        try {
            return action.get();
        } finally {
            otherLock.unlock();
        }
    }

    /** The session whose globals these are. */
    public SkeinSession session() { return session; }

    private static String key(Object k) {
        if (k == null) throw new NullPointerException("a bindings key cannot be null");
        if (!(k instanceof String s)) throw new ClassCastException("a bindings key must be a String");
        if (s.isEmpty()) throw new IllegalArgumentException("a bindings key cannot be empty");
        return s;
    }

    /**
     * Sets a global when the key is a Skein name; anything else (a key like
     * {@code javax.script.filename}) is kept here, unseen by scripts.
     */
    @Override public Object put(String name, Object value) {
        String k = key(name);
        Object old = get(k);
        if (SkeinSession.isGlobalName(k)) {
            withOther(() -> other.remove(k));
            session.bind(k, value);   // a Java object becomes a host object (or a placeholder saying it is hidden)
        } else {
            withOther(() -> other.put(k, value));
        }
        return old;
    }

    @Override public Object get(Object name) {
        String k = key(name);
        if (SkeinSession.isGlobalName(k) && session.contains(k)) return session.get(k);
        return withOther(() -> other.get(k));
    }

    @Override public boolean containsKey(Object name) {
        String k = key(name);
        return (SkeinSession.isGlobalName(k) && session.contains(k)) || withOther(() -> other.containsKey(k));
    }

    @Override public Object remove(Object name) {
        String k = key(name);
        Object old = get(k);
        if (SkeinSession.isGlobalName(k)) session.remove(k);
        withOther(() -> other.remove(k));
        return old;
    }

    @Override public void clear() {
        for (String k : session.globals().keySet()) session.remove(k);
        withOther(() -> {
            other.clear();
            return null;
        });
    }

    /** A snapshot: the globals converted to Java, then the other keys. */
    @Override public Set<Entry<String, Object>> entrySet() {
        Map<String, Object> all = new LinkedHashMap<>(session.globals());
        withOther(() -> {
            all.putAll(other);
            return null;
        });
        return Collections.unmodifiableMap(all).entrySet();
    }
}
