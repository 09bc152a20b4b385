package dev.skein.concurrent;

import dev.skein.runtime.Interpreter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One timeline being recorded and the file it goes to: what {@code skein --trace}, the REPL's
 * {@code :trace} and the embedding builder's {@code trace(Path)} share. It records the tasks of
 * every interpreter attached to it (an embedded engine makes one per session).
 */
public final class TraceRecording {
    private final Timeline timeline;
    private final Path file;
    private final ReentrantLock lock = new ReentrantLock();
    private final Set<Interpreter> attached = Collections.newSetFromMap(new WeakHashMap<>());
    private boolean finished;

    /** {@code name} names the group of the script's own threads ("skein REPL"). */
    public TraceRecording(String name, Path file) {
        this.timeline = new Timeline(name);
        this.file = file;
    }

    /** Records {@code interp}'s tasks from now on (nothing once the trace is written). */
    public void attach(Interpreter interp) {
        lock.lock();
        try {
            if (finished) return;
            attached.add(interp);
            PoolRegistry.of(interp).trace(timeline);
        } finally {
            lock.unlock();
        }
    }

    /** Stops recording {@code interp}'s tasks. */
    public void detach(Interpreter interp) {
        lock.lock();
        try {
            if (attached.remove(interp)) PoolRegistry.of(interp).trace(null);
        } finally {
            lock.unlock();
        }
    }

    public Path file() { return file; }

    /** Stops recording and writes the file (once); returns how many events it holds. */
    public int finish() throws IOException {
        lock.lock();
        try {
            finished = true;
            for (Interpreter i : attached) PoolRegistry.of(i).trace(null);
            attached.clear();
        } finally {
            lock.unlock();
        }
        return timeline.write(file);
    }

    /** "cannot write the trace 'out.json': no such directory". */
    public String failure(IOException e) {
        String why = e instanceof java.nio.file.NoSuchFileException ? "no such directory"
                : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return "cannot write the trace '" + file + "': " + why;
    }
}
