package dev.skein.concurrent;

import dev.skein.runtime.SkeinIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The lazy maps made inside a pool's {@code with} block (on the block's own thread) that have not
 * run to their end or been closed. The block finishes them as it ends, so the work a map asked
 * for in the block runs in the block, as its submitted tasks do, instead of silently never
 * running (the pool is shut down after the block and would refuse it).
 */
final class OpenMaps {
    private final ReentrantLock lock = new ReentrantLock();
    private final List<MapIterator> maps = new ArrayList<>();

    void add(MapIterator m) {
        lock.lock();
        try { maps.add(m); } finally { lock.unlock(); }
    }

    void remove(MapIterator m) {
        lock.lock();
        try { maps.remove(m); } finally { lock.unlock(); }
    }

    /**
     * Consumes each open map to its end, oldest first, dropping its results, as
     * {@code for _ in m {}} would at the end of the block; the first item error is raised.
     */
    void finish() {
        while (true) {
            MapIterator m;
            lock.lock();
            try {
                if (maps.isEmpty()) return;
                m = maps.get(0);
            } finally {
                lock.unlock();
            }
            try {
                while (m.next() != SkeinIterator.DONE) { /* results nobody reads */ }
            } finally {
                remove(m);   // an item's error ends this map; the block's error path cancels the rest
            }
        }
    }
}
