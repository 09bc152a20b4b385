package dev.skein.process;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of a worker JVM: the same java and classpath as this process, tuned to start
 * fast and stay small, and — on JDK 25 or newer — the workers' ahead-of-time cache when there is
 * one. The cache (classes already loaded and linked, JEP 483) is what makes a worker ready in a
 * few tens of milliseconds instead of hundreds. It also holds the training run's method
 * profiles (JEP 515), which workers do not replay on JDK 25: see {@link #cacheOptions}.
 *
 * <p>Where the cache is: the system property {@value #CACHE_PROPERTY}, else
 * {@code <name>-worker.aot} beside the jar when the classpath is a single {@code <name>.jar}
 * (what {@code bin/skein} builds and trains; see {@link WorkerCaches}). A cache whose
 * stamp does not match this java and classpath is not used: the worker starts without it.
 */
final class WorkerJvm {
    private WorkerJvm() {}

    /** A path to the workers' AOT cache, overriding the one found beside the jar. */
    static final String CACHE_PROPERTY = "skein.worker.aotCache";
    /** More options for worker JVMs, separated by spaces (e.g. {@code -Xmx2g}). */
    static final String OPTIONS_PROPERTY = "skein.worker.jvmOptions";
    /** Seconds a worker may take to become ready before it is stopped (default 60). */
    static final String START_TIMEOUT_PROPERTY = "skein.worker.startTimeout";
    /** Set only by {@link WorkerCaches}: workers record a new cache to this path. */
    static final String TRAIN_PROPERTY = "skein.worker.aotCacheOutput";

    static double startTimeoutSeconds() {
        try {
            double s = Double.parseDouble(System.getProperty(START_TIMEOUT_PROPERTY, "60"));
            return s > 0 ? s : 60;
        } catch (NumberFormatException e) {
            return 60;
        }
    }

    static List<String> command(String mainClass, List<String> args) { return command(mainClass, args, true); }

    /** With {@code useCache} false, never the AOT cache (after workers failed to start with it). */
    static List<String> command(String mainClass, List<String> args, boolean useCache) {
        String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String classpath = System.getProperty("java.class.path");
        List<String> cmd = new ArrayList<>();
        cmd.add(java);
        cmd.add("-XX:+UseSerialGC");
        cmd.add("-Xms16m");
        cmd.add("-Xss512m");
        cmd.add("-XX:+ExitOnOutOfMemoryError");
        cmd.add("-XX:TieredStopAtLevel=4");
        cmd.add("-XX:-UsePerfData");
        // The JVM's own messages and warnings go to stderr: stdout is the frame channel.
        cmd.add("-XX:+DisplayVMOutputToStderr");
        cmd.add("-Xlog:disable");
        cmd.add("-Xlog:all=warning:stderr");
        cmd.addAll(useCache ? cacheOptions(classpath) : List.of("-Xshare:auto"));
        String extra = System.getProperty(OPTIONS_PROPERTY, "").strip();
        if (!extra.isEmpty()) cmd.addAll(List.of(extra.split("\\s+")));
        cmd.add("-cp");
        cmd.add(classpath);
        cmd.add(mainClass);
        cmd.addAll(args);
        return cmd;
    }

    /**
     * Only a read-only cache: a dynamic class-data archive would be dumped by every exiting
     * worker at once, which is slow and contended. Without a usable AOT cache, the JDK's own
     * class-data archive.
     */
    private static List<String> cacheOptions(String classpath) {
        if (Runtime.version().feature() < 25) return List.of("-Xshare:auto");
        String training = System.getProperty(TRAIN_PROPERTY);
        if (training != null) {
            return List.of("-XX:AOTCacheOutput=" + training);
        }
        Path cache = cachePath(classpath);
        if (cache == null || !matches(cache, classpath)) return List.of("-Xshare:auto");
        List<String> options = new ArrayList<>(List.of("-XX:AOTCache=" + cache, "-Xlog:aot=off:stderr", "-Xlog:cds=off:stderr"));
        if (Runtime.version().feature() == 25) {
            // The cache's classes, not its training profiles: replaying them made a worker compile
            // about twice as much while it ran a task (C1 220 methods against 135; JIT CPU 0.28 s
            // against 0.15–0.25 s) without starting it faster. Only where the flag is known to exist.
            options.addAll(List.of("-XX:+UnlockDiagnosticVMOptions", "-XX:-AOTReplayTraining"));
        }
        return options;
    }

    /**
     * What a cache was trained for: this java and this exact classpath (each jar's size and
     * modification time). The JVM does not reliably refuse a cache trained on an older build of
     * the same jar, and old classes must never run, so a stamp written with the cache decides.
     */
    static String fingerprint(String classpath) {
        StringBuilder sb = new StringBuilder(System.getProperty("java.home")).append('\n').append(Runtime.version()).append('\n');
        for (String entry : classpath.split(File.pathSeparator)) {
            File f = new File(entry).getAbsoluteFile();
            sb.append(f).append(' ').append(f.length()).append(' ').append(f.lastModified()).append('\n');
        }
        return sb.toString();
    }

    static Path stampOf(Path cache) { return cache.resolveSibling(cache.getFileName() + ".stamp"); }

    static boolean matches(Path cache, String classpath) {
        try {
            return Files.isRegularFile(cache) && Files.readString(stampOf(cache)).equals(fingerprint(classpath));
        } catch (IOException | RuntimeException noStamp) {
            return false;
        }
    }

    /** The configured cache, or the one beside a single-jar classpath; null if neither applies. */
    static Path cachePath(String classpath) {
        String configured = System.getProperty(CACHE_PROPERTY);
        if (configured != null && !configured.isEmpty()) return Path.of(configured);
        if (classpath == null || classpath.contains(File.pathSeparator) || !classpath.endsWith(".jar")) return null;
        Path jar = Path.of(classpath).toAbsolutePath();
        String name = jar.getFileName().toString();
        return jar.resolveSibling(name.substring(0, name.length() - ".jar".length()) + "-worker.aot");
    }
}
