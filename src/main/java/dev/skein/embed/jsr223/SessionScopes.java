package dev.skein.embed.jsr223;

import dev.skein.embed.SkeinSession;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.locks.ReentrantLock;
import javax.script.Bindings;

/**
 * javax.script's scope rules around each entry into a session (an eval, a compiled script, an
 * Invocable call): a name resolves in ENGINE_SCOPE first, then GLOBAL_SCOPE, both as they are at
 * that entry; what a script assigns or defines goes to ENGINE_SCOPE, never to GLOBAL_SCOPE.
 * GLOBAL_SCOPE entries are lent to the session for the length of the entry and taken back after
 * it unless the script assigned them. A plain (non-Skein) ENGINE_SCOPE map is the truth for the
 * names it holds: copied in at each entry (a key the host removed is removed from the session),
 * and what the script changed is written back after it — unless the map is read-only, when the
 * script's definitions stay in the session alone. The bookkeeping lives here, never in user maps.
 */
final class SessionScopes {
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<SkeinSession, State> states = new WeakHashMap<>();

    private static final class State {
        /** Names whose truth is the plain ENGINE_SCOPE map (copied in from it or written back to it). */
        final Set<String> fromBindings = new HashSet<>();
        /** GLOBAL_SCOPE names lent to the session → their value as read back, to tell if the script changed them. */
        final Map<String, Object> lent = new HashMap<>();
        /** Entries running now: lent names are taken back when the last one ends. */
        int active;
    }

    /** What {@link #enter} copied in from a plain map (name → value as read back). */
    record Entry(SkeinSession session, Bindings plain, Map<String, Object> copiedIn) {}

    /**
     * Before an entry: copies {@code plain} (the ENGINE_SCOPE map when it is not a
     * {@link SkeinBindings}, else null) into the session, then lends the GLOBAL_SCOPE entries
     * that ENGINE_SCOPE does not shadow.
     */
    Entry enter(SkeinSession session, Bindings plain, Bindings global) {
        lock.lock();
        try {
            State st = states.computeIfAbsent(session, s -> new State());
            st.active++;
            Map<String, Object> copiedIn = plain == null ? null : copyIn(session, plain, st);
            lend(session, plain, global, st);
            return new Entry(session, plain, copiedIn);
        } finally {
            lock.unlock();
        }
    }

    /** After an entry: takes lent names back (when no other entry runs) and writes changes to a plain map. */
    void exit(Entry e) {
        lock.lock();
        try {
            State st = states.get(e.session());
            if (st == null) return;
            if (--st.active == 0) {
                for (Map.Entry<String, Object> l : st.lent.entrySet()) {
                    if (unchanged(e.session(), l.getKey(), l.getValue())) e.session().remove(l.getKey());
                }
                st.lent.clear();
            }
            if (e.plain() != null) copyOut(e, st);
        } finally {
            lock.unlock();
        }
    }

    private static Map<String, Object> copyIn(SkeinSession session, Bindings plain, State st) {
        for (String name : st.fromBindings) {
            if (!plain.containsKey(name)) session.remove(name);   // the host removed it since
        }
        st.fromBindings.clear();
        Map<String, Object> normalized = new HashMap<>();
        for (Map.Entry<String, Object> e : plain.entrySet()) {
            if (SkeinSession.isGlobalName(e.getKey())) {
                session.bind(e.getKey(), e.getValue());   // a Java object becomes a host object (or a placeholder saying it is hidden)
                normalized.put(e.getKey(), session.get(e.getKey()));
                st.fromBindings.add(e.getKey());
            }
        }
        return normalized;
    }

    private static void lend(SkeinSession session, Bindings plain, Bindings global, State st) {
        Set<String> stillGlobal = new HashSet<>();
        if (global != null) {
            for (Map.Entry<String, Object> g : global.entrySet()) {
                String name = g.getKey();
                if (!SkeinSession.isGlobalName(name)) continue;
                boolean lentBefore = st.lent.containsKey(name);
                boolean shadowed = plain != null ? plain.containsKey(name) : session.contains(name) && !lentBefore;
                if (shadowed || (lentBefore && !unchanged(session, name, st.lent.get(name)))) continue;
                session.bind(name, g.getValue());
                st.lent.put(name, session.get(name));
                stillGlobal.add(name);
            }
        }
        st.lent.entrySet().removeIf(l -> {
            if (stillGlobal.contains(l.getKey())) return false;
            if (unchanged(session, l.getKey(), l.getValue())) session.remove(l.getKey());   // gone from GLOBAL_SCOPE
            return true;
        });
    }

    /** Writes back the globals the script defined or changed; stops quietly at a read-only map. */
    private static void copyOut(Entry e, State st) {
        for (Map.Entry<String, Object> g : e.session().globals().entrySet()) {
            String name = g.getKey();
            boolean untouched = e.copiedIn().containsKey(name) && Objects.equals(e.copiedIn().get(name), g.getValue());
            boolean lent = st.lent.containsKey(name) && Objects.equals(st.lent.get(name), g.getValue());
            if (untouched || lent) continue;
            try {
                e.plain().put(name, g.getValue());
            } catch (UnsupportedOperationException readOnly) {
                return;   // a read-only ENGINE_SCOPE (Map.of) refuses writes: the script's globals stay in its session
            }
            st.fromBindings.add(name);
        }
    }

    private static boolean unchanged(SkeinSession session, String name, Object lentValue) {
        return session.contains(name) && Objects.equals(session.get(name), lentValue);
    }
}
