package dev.skein.concurrent;

import dev.skein.runtime.Containers;
import dev.skein.runtime.Errors;
import dev.skein.runtime.Seconds;
import dev.skein.runtime.SkeinIterator;
import dev.skein.runtime.SkeinList;
import dev.skein.runtime.ThreadState;
import dev.skein.runtime.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** {@code completed(futures, timeout=…)} (Python's as_completed) and {@code wait(…)}. */
public final class Completion {
    private Completion() {}

    static List<Future> futures(Object iterable, String what) {
        List<Future> out = new ArrayList<>();
        for (Object o : Containers.toArray(iterable)) {
            if (o instanceof Future f) {
                if (!out.contains(f)) out.add(f);
            } else {
                throw Errors.type(what + " needs futures, not " + Values.typeName(o));
            }
        }
        return out;
    }

    /** Yields each future as it finishes; TimeoutError if some are not done by the deadline. */
    public static SkeinIterator completed(ThreadState ts, Object iterable, Double timeout) {
        List<Future> fs = futures(iterable, "completed");
        long deadline = Seconds.deadline(timeout);
        LinkedBlockingQueue<Future> done = new LinkedBlockingQueue<>();
        for (Future f : fs) f.whenDone(() -> done.add(f));
        return new SkeinIterator() {
            int yielded;

            @Override public Object next() {
                if (yielded == fs.size()) return DONE;
                try {
                    while (true) {
                        Future f = done.poll(Math.max(1, Math.min(50_000_000L, deadline - System.nanoTime())), TimeUnit.NANOSECONDS);
                        if (f != null) { yielded++; return f; }
                        ts.poll();
                        if (System.nanoTime() - deadline >= 0) {
                            throw Errors.timeout((fs.size() - yielded) + " (of " + fs.size() + ") futures unfinished after " + Seconds.show(timeout));
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw Errors.limit(dev.skein.runtime.ErrorKind.CANCELLED, "interrupted while waiting for futures");
                }
            }

            @Override public String toString() { return "<completed iterator>"; }
        };
    }

    /** {@code wait(futures, timeout=, return_when=)}: returns [done, pending], both lists in input order. */
    public static SkeinList waitFor(ThreadState ts, Object iterable, Double timeout, String returnWhen) {
        List<Future> fs = futures(iterable, "wait");
        if (!returnWhen.equals("all") && !returnWhen.equals("first_completed") && !returnWhen.equals("first_error")) {
            throw Errors.value("return_when must be \"all\", \"first_completed\" or \"first_error\", not '" + returnWhen + "'");
        }
        long deadline = Seconds.deadline(timeout);
        LinkedBlockingQueue<Future> done = new LinkedBlockingQueue<>();
        for (Future f : fs) f.whenDone(() -> done.add(f));
        int finished = 0;
        try {
            while (finished < fs.size()) {
                long left = deadline - System.nanoTime();
                if (deadline != Long.MAX_VALUE && left <= 0) break;
                Future f = done.poll(Math.max(1, Math.min(50_000_000L, left)), TimeUnit.NANOSECONDS);
                ts.poll();
                if (f == null) continue;
                finished++;
                if (returnWhen.equals("first_completed")) break;
                if (returnWhen.equals("first_error") && (f.isFailed() || f.isCancelled())) break;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Errors.limit(dev.skein.runtime.ErrorKind.CANCELLED, "interrupted while waiting for futures");
        }
        SkeinList doneList = new SkeinList(), pending = new SkeinList();
        for (Future f : fs) (f.isDone() ? doneList : pending).append(f);
        return SkeinList.of(doneList, pending);
    }
}
