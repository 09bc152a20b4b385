package dev.skein.process;

import static org.junit.jupiter.api.Assertions.fail;

import dev.skein.concurrent.Pool;
import dev.skein.concurrent.PoolRegistry;
import dev.skein.interp.Code;
import dev.skein.interp.ModuleInstance;
import dev.skein.interp.Runner;
import dev.skein.runtime.Interpreter;
import dev.skein.runtime.OutputSink;
import dev.skein.runtime.SkeinError;
import dev.skein.runtime.ThreadState;
import dev.skein.stdlib.Stdlib;
import dev.skein.syntax.Source;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One interpreter and one script module for a test class. Snippets compile into the module one
 * after another, the way a REPL grows a session, so a pool created by an early snippet (often
 * in {@code @BeforeAll}) serves every test. Each snippet gets its own source name
 * ({@code NAME-N.skein}), so function keys never collide; snippets run on a large stack.
 */
public final class ScriptSession implements AutoCloseable {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final OutputSink outSink = OutputSink.of(out);
    private final OutputSink errSink = OutputSink.of(err);
    public final Interpreter interp;
    final Runner runner;
    final ModuleInstance module;
    private final String name;
    private int snippets;

    ScriptSession(String name) {
        this(name, b -> b);
    }

    /** With more builtins than the process layer's (another layer's pool kinds). */
    public ScriptSession(String name, java.util.function.UnaryOperator<Interpreter.Builder> more) {
        this.name = name;
        this.interp = more.apply(ProcessPools.install(Stdlib.install(Interpreter.builder()))).stdout(outSink).stderr(errSink).grantAll().build();
        this.runner = Runner.of(interp);
        this.module = new ModuleInstance("__main__", name + ".skein");
    }

    /** The source name the next snippet will get, e.g. {@code pool_test-3.skein}. */
    String nextSourceName() { return name + "-" + (snippets + 1) + ".skein"; }

    /** Runs a snippet that must not fail. */
    public void ok(String code) {
        SkeinError e = run(code);
        if (e != null) fail("snippet failed: " + e.value().headline() + "\n" + e.value().trace() + "\n--- code ---\n" + code);
    }

    /** Runs a snippet (60 s at most); returns the Skein error it ended with, or null. */
    public SkeinError run(String code) {
        return run(code, Duration.ofSeconds(60));
    }

    public SkeinError run(String code, Duration limit) {
        snippets++;
        Source source = new Source(name + "-" + snippets + ".skein", code);
        Code compiled = runner.compile(source, module, false);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try {
                runner.run(compiled, module, new ThreadState(interp));
            } catch (Throwable e) {
                thrown.set(e);
            }
        }, "skein-test-snippet", 256L << 20);
        t.start();
        try {
            t.join(limit.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (t.isAlive()) {
            t.interrupt();
            fail("snippet did not finish within " + limit.toSeconds() + " s:\n" + code + "\n--- stdout so far ---\n" + peekStdout());
        }
        Throwable e = thrown.get();
        if (e == null) return null;
        if (e instanceof SkeinError se) return se;
        throw new AssertionError("a Java exception escaped the interpreter", e);
    }

    public Object global(String global) { return module.get(global); }

    public Pool pool(String global) { return (Pool) module.get(global); }

    /** The worker processes of the process pool in {@code global}. */
    List<Long> workerPids(String global) { return ((ProcessTransport) pool(global).transport()).workerPids(); }

    /** Everything printed since the last call. */
    public String takeStdout() {
        outSink.flush();
        String s = out.toString(StandardCharsets.UTF_8);
        out.reset();
        return s;
    }

    public String peekStdout() {
        outSink.flush();
        return out.toString(StandardCharsets.UTF_8);
    }

    public String takeStderr() {
        errSink.flush();
        String s = err.toString(StandardCharsets.UTF_8);
        err.reset();
        return s;
    }

    /** Closes every pool of the session and waits (10 s at most) until its workers are gone. */
    @Override public void close() {
        List<Long> pids = new ArrayList<>();
        for (var p : PoolRegistry.of(interp).pools()) if (p.transport() instanceof ProcessTransport pt) pids.addAll(pt.workerPids());
        PoolRegistry.of(interp).closeAll();
        Processes.awaitGone(pids, Duration.ofSeconds(10));
    }
}
