package dev.skein.embed.clients;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The Ant and Spring examples of docs/embedding.md, read from the doc itself so the suite runs what users read. */
final class DocExamples {
    private DocExamples() {}

    static final String ANT_BUILD_XML = block("xml", "<project name=\"skein-demo\"");

    /** The fenced block of {@code lang} in docs/embedding.md that starts with {@code start}. */
    static String block(String lang, String start) {
        try {
            String doc = Files.readString(Path.of("docs/embedding.md"));
            Matcher m = Pattern.compile("```" + lang + "\\n(.*?)```", Pattern.DOTALL).matcher(doc);
            while (m.find()) if (m.group(1).startsWith(start)) return m.group(1);
            throw new IllegalStateException("docs/embedding.md has no ```" + lang + " block starting with " + start);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
