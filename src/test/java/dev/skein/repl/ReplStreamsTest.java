package dev.skein.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.skein.process.ProcessPools;
import dev.skein.runtime.Interpreter;
import dev.skein.runtime.OutputSink;
import dev.skein.stdlib.Stdlib;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** At the prompt, {@code print(…, file=stderr)} and {@code stderr.write} go to the session's stderr, not its stdout. */
class ReplStreamsTest {
    @Test
    void stderrIsTheSessionsStderr() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        try (ReplSession session = new ReplSession(() -> ProcessPools.install(Stdlib.install(Interpreter.builder()))
                .stdout(OutputSink.of(out)).stderr(OutputSink.of(err)).grantAll().build())) {
            Reply shown = session.feed("stderr");
            assertEquals("<stream stderr>\n", shown.out());
            session.feed("print('oops', 2, file = stderr, flush = true)");
            session.feed("let n = stderr.write('raw\\n')");
            session.feed("print('fine', flush = true)");
            assertEquals("oops 2\nraw\n", err.toString(StandardCharsets.UTF_8));
            assertEquals("fine\n", out.toString(StandardCharsets.UTF_8));
            assertEquals("4\n", session.feed("n").out());
        }
    }
}
