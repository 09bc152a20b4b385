package dev.skein.repl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Tab after {@code :load }: file names (relative to the current directory), directories with a trailing {@code /}. */
final class FileNameCompleter {
    /** The command whose argument is a file name. */
    static final String LOAD = ":load ";

    private FileNameCompleter() {}

    /** Where the file name starts in {@code line}, or -1 when the line is not a {@code :load}. */
    static int argumentStart(String line) {
        String lead = line.stripLeading();
        if (!lead.startsWith(LOAD)) return -1;
        int at = line.length() - lead.length() + LOAD.length();
        while (at < line.length() && line.charAt(at) == ' ') at++;
        return at;
    }

    /** Paths that start with {@code partial}, sorted; each replaces the whole partial name. */
    static List<String> complete(String partial, Path workDir) {
        int slash = partial.lastIndexOf('/');
        String dirPart = slash < 0 ? "" : partial.substring(0, slash + 1);
        String namePrefix = partial.substring(slash + 1);
        Path dir = dirPart.isEmpty() ? workDir : workDir.resolve(dirPart.startsWith("~/") ? home() + dirPart.substring(1) : dirPart);
        List<String> out = new ArrayList<>();
        try (Stream<Path> entries = Files.list(dir)) {
            entries.forEach(p -> {
                String name = p.getFileName().toString();
                if (!name.startsWith(namePrefix) || (name.startsWith(".") && !namePrefix.startsWith("."))) return;
                out.add(dirPart + name + (Files.isDirectory(p) ? "/" : ""));
            });
        } catch (IOException | RuntimeException unreadable) {
            return List.of();
        }
        out.sort(null);
        return out;
    }

    private static String home() { return JLineRepl.homeDirectory().toString(); }
}
