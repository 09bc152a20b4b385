package dev.skein.concurrent;

import dev.skein.runtime.Containers;
import dev.skein.runtime.Convert;
import dev.skein.runtime.Errors;
import dev.skein.runtime.SkeinIterator;
import dev.skein.runtime.ThreadState;
import dev.skein.runtime.Values;

/**
 * {@code progress(iterable, label=…, total=…)}: passes the items through and draws a bar on
 * stderr — count, percentage and ETA when the length is known, the rate otherwise — but only
 * when stderr is a terminal; otherwise it adds nothing to the output.
 */
public final class Progress implements SkeinIterator, Values.Named {
    private static final long REDRAW_NANOS = 100_000_000L;

    private final ThreadState ts;
    private final SkeinIterator inner;
    private final String label;
    private final long total;        // -1 when unknown
    private final boolean draw;
    private final long start = System.nanoTime();
    private long count;
    private long lastDraw;
    private boolean finished;

    public Progress(ThreadState ts, Object iterable, String label, Long total) {
        this.ts = ts;
        this.inner = Containers.iter(iterable);
        this.label = label;
        this.total = total != null ? total : knownLength(iterable);
        this.draw = ts.interp().stderrIsTerminal();
    }

    private static long knownLength(Object o) {
        if (o instanceof SkeinIterator) return -1;
        try {
            return Containers.len(o);
        } catch (dev.skein.runtime.SkeinError notSized) {
            return -1;
        }
    }

    @Override public Object next() {
        Object v = inner.next();
        if (v == DONE) {
            if (draw && !finished) {
                finished = true;
                render(true);
            }
            return DONE;
        }
        count++;
        if (draw && System.nanoTime() - lastDraw > REDRAW_NANOS) render(false);
        return v;
    }

    @Override public void close() {
        inner.close();
        if (draw && !finished) {
            finished = true;
            render(true);
        }
    }

    private void render(boolean last) {
        lastDraw = System.nanoTime();
        double elapsed = (lastDraw - start) / 1e9;
        double rate = elapsed > 0 ? count / elapsed : 0;
        StringBuilder sb = new StringBuilder("\r");
        if (!label.isEmpty()) sb.append(label).append(": ");
        if (total > 0) {
            double frac = Math.min(1.0, (double) count / total);
            int width = 30, filled = (int) (frac * width);
            sb.append(String.format("%3d%%|", (int) (frac * 100))).append("█".repeat(filled)).append(" ".repeat(width - filled))
              .append("| ").append(count).append('/').append(total);
            double eta = rate > 0 ? (total - count) / rate : 0;
            sb.append(" [").append(clock(elapsed)).append('<').append(clock(eta)).append(", ").append(String.format("%.1f it/s]", rate));
        } else {
            sb.append(count).append(" it [").append(clock(elapsed)).append(", ").append(String.format("%.1f it/s]", rate));
        }
        if (last) sb.append('\n');
        ts.interp().stderr().write(sb.toString());
        ts.interp().stderr().flush();
    }

    private static String clock(double seconds) {
        long s = (long) seconds;
        return String.format("%02d:%02d", s / 60, s % 60);
    }

    @Override public String typeName() { return "progress"; }

    @Override public String toString() { return label.isEmpty() ? "<progress>" : "<progress " + Convert.repr(label) + ">"; }

    static void checkLabel(Object label) {
        if (!(label instanceof String)) throw Errors.type("progress label must be a str");
    }
}
