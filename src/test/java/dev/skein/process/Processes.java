package dev.skein.process;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Operating-system process helpers for the tests: liveness, waiting for exit, worker children. */
final class Processes {
    private Processes() {}

    static boolean isAlive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** Waits until none of these processes is alive; returns those still alive after the limit. */
    static List<Long> awaitGone(List<Long> pids, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            List<Long> alive = new ArrayList<>();
            for (long pid : pids) if (isAlive(pid)) alive.add(pid);
            if (alive.isEmpty() || System.nanoTime() > deadline) return alive;
            sleep(50);
        }
    }

    /** Kills with SIGKILL (what {@code kill -9} does on Linux). */
    static void kill9(long pid) {
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
    }

    /** Live worker processes (running WorkerMain) that are children of this JVM. */
    static Set<Long> workerChildren() {
        return workersAmong(ProcessHandle.current().children().toList());
    }

    /** Live worker processes below the given process (children and their children). */
    static Set<Long> workerDescendants(long pid) {
        Optional<ProcessHandle> h = ProcessHandle.of(pid);
        return h.isEmpty() ? Set.of() : workersAmong(h.get().descendants().toList());
    }

    private static Set<Long> workersAmong(List<ProcessHandle> handles) {
        return handles.stream()
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().commandLine().orElse("").contains(WorkerMain.class.getName())
                        || p.info().arguments().map(a -> List.of(a).contains(WorkerMain.class.getName())).orElse(false))
                .map(ProcessHandle::pid)
                .collect(Collectors.toSet());
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
