package dev.skein.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Recording the workers' ahead-of-time cache (see {@link WorkerJvm}): while a training is open,
 * every worker this JVM starts records a cache to a partial file as it exits; {@link
 * Training#finish} moves it into place with a stamp of this build. The command line's
 * {@code TrainCaches} drives it with a training script.
 */
public final class WorkerCaches {
    private WorkerCaches() {}

    /** One training of the cache at {@code out}. */
    public record Training(Path out, Path partial) {
        /** After the workers have exited: installs the cache; false if none was written. */
        public boolean finish() throws IOException {
            System.clearProperty(WorkerJvm.TRAIN_PROPERTY);
            if (!Files.isRegularFile(partial)) return false;
            Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Files.writeString(WorkerJvm.stampOf(out), WorkerJvm.fingerprint(System.getProperty("java.class.path")));
            return true;
        }
    }

    /** From now on, workers started by this JVM record a cache for {@code out}. */
    public static Training startTraining(Path out) throws IOException {
        Path partial = out.resolveSibling(out.getFileName() + ".partial");
        Files.deleteIfExists(partial);
        Files.deleteIfExists(WorkerJvm.stampOf(out));
        System.setProperty(WorkerJvm.TRAIN_PROPERTY, partial.toString());
        return new Training(out, partial);
    }
}
