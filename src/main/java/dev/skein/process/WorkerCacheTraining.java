package dev.skein.process;

import dev.skein.interp.ModuleInstance;
import dev.skein.interp.Runner;
import dev.skein.runtime.Interpreter;
import dev.skein.runtime.OutputSink;
import dev.skein.runtime.ThreadState;
import dev.skein.stdlib.Stdlib;
import dev.skein.syntax.Source;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Builds the process-pool workers' ahead-of-time cache (see {@link WorkerJvm}): runs a training
 * script whose one worker records the classes it loads and its method profiles, and writes the
 * cache when that worker exits. {@code bin/skein} runs it after building the jar:
 * {@code java -cp skein.jar dev.skein.process.WorkerCacheTraining target/skein-worker.aot}.
 * On a JDK older than 25 there is no such cache and it does nothing.
 */
public final class WorkerCacheTraining {
    private static final String SCRIPT = "worker-training.skein";

    private WorkerCacheTraining() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length != 1) {
            System.err.println("usage: WorkerCacheTraining OUTPUT.aot");
            System.exit(2);
        }
        if (Runtime.version().feature() < 25) return;
        Path out = Path.of(args[0]).toAbsolutePath();
        Path partial = out.resolveSibling(out.getFileName() + ".partial");
        Files.deleteIfExists(partial);
        Files.deleteIfExists(WorkerJvm.stampOf(out));
        System.setProperty(WorkerJvm.TRAIN_PROPERTY, partial.toString());
        runTrainingScript();
        // The worker writes the cache as it exits, after the pool has closed.
        for (ProcessHandle child : ProcessHandle.current().descendants().toList()) child.onExit().join();
        if (!Files.isRegularFile(partial)) {
            System.err.println("skein: the workers' start-up cache was not written (workers start without it)");
            System.exit(1);
        }
        Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Files.writeString(WorkerJvm.stampOf(out), WorkerJvm.fingerprint(System.getProperty("java.class.path")));
    }

    private static void runTrainingScript() throws IOException {
        String text;
        try (InputStream in = WorkerCacheTraining.class.getResourceAsStream(SCRIPT)) {
            if (in == null) throw new IOException("missing resource " + SCRIPT);
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        OutputSink discard = OutputSink.of(java.io.OutputStream.nullOutputStream());
        Interpreter interp = Stdlib.install(Interpreter.builder()).grantAll().stdout(discard).stderr(OutputSink.of(System.err)).build();
        Runner runner = Runner.of(interp);
        ModuleInstance module = new ModuleInstance("__main__", SCRIPT);
        runner.run(runner.compile(new Source(SCRIPT, text), module, false), module, new ThreadState(interp));
        dev.skein.concurrent.PoolRegistry.of(interp).closeAll();
    }
}
