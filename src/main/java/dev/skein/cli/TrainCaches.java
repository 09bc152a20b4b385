package dev.skein.cli;

import dev.skein.process.WorkerCaches;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Builds the process-pool workers' ahead-of-time cache (see {@link WorkerCaches}): runs a
 * training script whose one worker records the classes it loads and its method profiles, and
 * writes the cache when that worker exits. {@code bin/skein} runs it after building the jar,
 * recording the command line's own cache from the same run:
 * {@code java -XX:AOTCacheOutput=target/skein.aot -cp skein.jar dev.skein.cli.TrainCaches target/skein-worker.aot}.
 * On a JDK older than 25 there is no such cache and it does nothing.
 */
public final class TrainCaches {
    private static final String SCRIPT = "worker-training.skein";

    private TrainCaches() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length != 1) {
            System.err.println("usage: TrainCaches OUTPUT.aot");
            System.exit(2);
        }
        if (Runtime.version().feature() < 25) return;
        Path out = Path.of(args[0]).toAbsolutePath();
        WorkerCaches.Training training = WorkerCaches.startTraining(out);
        runTrainingScript();
        // The worker writes the cache as it exits, after the pool has closed.
        for (ProcessHandle child : ProcessHandle.current().descendants().toList()) child.onExit().join();
        if (!training.finish()) {
            System.err.println("skein: the workers' start-up cache was not written (workers start without it)");
            System.exit(1);
        }
    }

    /**
     * Runs the script through the command line's own entry point, so that a cache recorded for
     * this JVM too (bin/skein trains the parent's with {@code -XX:AOTCacheOutput}) covers what
     * running a script loads: the command line, parser, compiler and the pool's parent side.
     * {@code args}: the script's own (a cluster's name and a member's address: see {@link TrainClusterCache}).
     */
    static void runTrainingScript(String... args) throws IOException {
        Path script = Files.createTempFile("skein-training", ".skein");
        try (InputStream in = TrainCaches.class.getResourceAsStream(SCRIPT)) {
            if (in == null) throw new IOException("missing resource " + SCRIPT);
            Files.write(script, in.readAllBytes());
            PrintStream discard = new PrintStream(OutputStream.nullOutputStream());
            String[] argv = new String[args.length + 1];
            argv[0] = script.toString();
            System.arraycopy(args, 0, argv, 1, args.length);
            int code = Main.run(argv, InputStream.nullInputStream(), discard, System.err);
            if (code != 0) throw new IOException("the training script failed (exit code " + code + ")");
        } finally {
            Files.deleteIfExists(script);
        }
    }
}
