package dev.skein.embed.jsr223;

import dev.skein.embed.SkeinSession;
import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import javax.script.Bindings;

/**
 * The session behind each plain (non-Skein) ENGINE_SCOPE bindings object, kept on the engine's
 * side so no internal key ever lands in the user's map (and read-only or {@code Map.of}-backed
 * bindings work). Keyed by identity — two bindings with equal entries are two scopes — and
 * weakly: when the host drops a bindings object its session is closed at the next lookup.
 */
final class SessionsByBindings {
    private final ReferenceQueue<Bindings> dropped = new ReferenceQueue<>();
    private final Map<Key, SkeinSession> sessions = new HashMap<>();
    private final ReentrantLock lock = new ReentrantLock();

    /** The session of {@code bindings}, opened with {@code open} the first time. */
    SkeinSession sessionFor(Bindings bindings, Supplier<SkeinSession> open) {
        List<SkeinSession> orphans = new ArrayList<>();
        SkeinSession s;
        lock.lock();
        try {
            for (Reference<? extends Bindings> r; (r = dropped.poll()) != null; ) {
                SkeinSession orphan = sessions.remove((Key) r);
                if (orphan != null) orphans.add(orphan);
            }
            Key probe = new Key(bindings, null);
            s = sessions.get(probe);
            if (s == null || s.isClosed()) {
                s = open.get();
                sessions.put(new Key(bindings, dropped), s);
            }
        } finally {
            lock.unlock();
        }
        for (SkeinSession orphan : orphans) orphan.close();
        return s;
    }

    /** A weak reference equal to another only when both still point at the same object. */
    private static final class Key extends WeakReference<Bindings> {
        private final int hash;

        Key(Bindings b, ReferenceQueue<Bindings> queue) {
            super(b, queue);
            hash = System.identityHashCode(b);
        }

        @Override public boolean equals(Object o) {
            if (this == o) return true;
            Object mine = get();
            return mine != null && o instanceof Key k && k.get() == mine;
        }

        @Override public int hashCode() { return hash; }
    }
}
