package dev.skein.runtime;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Where {@code print} goes. Each {@link #write} is atomic, so lines printed by concurrent tasks
 * never interleave mid-line.
 */
public interface OutputSink {
    void write(String text);

    void flush();

    static OutputSink of(PrintStream out) {
        ReentrantLock lock = new ReentrantLock();
        return new OutputSink() {
            @Override public void write(String text) {
                byte[] b = LoneSurrogates.utf8(text);   // valid UTF-8 always: a lone surrogate as its escape
                lock.lock();
                try { out.write(b, 0, b.length); } finally { lock.unlock(); }
            }
            @Override public void flush() { out.flush(); }
        };
    }

    static OutputSink of(OutputStream out) { return of(new PrintStream(out, false, StandardCharsets.UTF_8)); }

    static OutputSink of(Writer out) {
        ReentrantLock lock = new ReentrantLock();
        return new OutputSink() {
            @Override public void write(String text) {
                lock.lock();
                try { out.write(text); } catch (IOException e) { throw Errors.io(e.getMessage()); } finally { lock.unlock(); }
            }
            @Override public void flush() {
                try { out.flush(); } catch (IOException ignored) { /* nothing useful to do */ }
            }
        };
    }
}
