package dev.skein.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * {@code print(…, file=stderr)}, {@code stderr.write} and {@code flush=true} in an embedded
 * engine: they reach the host's own writers, also from a process-pool worker.
 */
class EmbedStreamsTest {
    @Test void stderrAndFlushGoToTheHostsWriters() {
        StringWriter out = new StringWriter(), err = new StringWriter();
        AtomicInteger flushes = new AtomicInteger();
        Writer counted = new Writer() {
            @Override public void write(char[] c, int off, int len) { out.write(c, off, len); }
            @Override public void flush() { flushes.incrementAndGet(); }
            @Override public void close() { }
        };
        try (SkeinEngine engine = SkeinEngine.builder().stdout(counted).stderr(err).build();
             SkeinSession session = engine.newSession()) {
            session.eval("\nprint('to err', 1, file = stderr)\nstderr.write('raw\\n')\nprint('to out', file = stdout)");
            assertEquals("to err 1\nraw\n", err.toString());
            assertEquals("to out\n", out.toString());
            int before = flushes.get();
            session.eval("\nfn f() {\n    print('now', flush = true)\n    return 1\n}\nlet x = f()");
            assertTrue(flushes.get() >= before + 2, "flushed by print and after the entry: " + (flushes.get() - before));
        }
    }

    @Test void aProcessWorkersStderrReachesTheHostsErrWriter() {
        StringWriter out = new StringWriter(), err = new StringWriter();
        try (SkeinEngine engine = SkeinEngine.builder().stdout(out).stderr(err).allowProcesses().build()) {
            Object r = engine.eval("\nfn work(x) {\n    print('worker says', x, file = stderr)\n    return x\n}\n"
                    + "let p = processes(1)\nlet r = await (submit work(3) to p)\np.shutdown()\nr");
            assertEquals(3L, r);
            assertEquals("worker says 3\n", err.toString());
            assertEquals("", out.toString());
        }
    }
}
