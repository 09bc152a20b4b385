package dev.skein.interp;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skein.embed.SkeinEngine;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Generated methods carry a line table: a JVM stack walked inside a call from compiled code shows the Skein file and line. */
class CompiledLineNumbersTest {
    @Test
    void aJavaStackShowsTheSkeinLinesOfCompiledFrames() {
        List<String> frames = new ArrayList<>();
        SkeinEngine engine = SkeinEngine.builder()
                .function("where", call -> {
                    StackWalker.getInstance(StackWalker.Option.SHOW_HIDDEN_FRAMES).forEach(f -> frames.add(f.getFileName() + ":" + f.getLineNumber()));
                    return null;
                })
                .build();
        engine.newSession().eval("""
                fn inner(n) {
                    let x = n + 1
                    where()
                    return x
                }
                fn outer() {
                    return inner(1)
                }
                outer()
                """);
        assertTrue(frames.contains("<eval>:3"), "inner's call at line 3: " + frames);
        assertTrue(frames.contains("<eval>:7"), "outer's call at line 7: " + frames);
    }
}
