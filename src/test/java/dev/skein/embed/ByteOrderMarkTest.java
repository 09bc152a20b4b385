package dev.skein.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** An embedded string that starts with U+FEFF (a UTF-8 byte-order mark decoded) runs as without it. */
class ByteOrderMarkTest {
    @Test void evalAcceptsALeadingByteOrderMark() {
        try (SkeinEngine engine = SkeinEngine.builder().build()) {
            assertEquals(3L, engine.eval("\uFEFF1 + 2"));
            assertEquals(42L, engine.compile("\uFEFFfn f() { return 42 }\nf()").run(java.util.Map.of()));
            SkeinException e = org.junit.jupiter.api.Assertions.assertThrows(SkeinException.class, () -> engine.eval("\uFEFF1 +"));
            assertEquals(1, e.line());
            assertEquals(4, e.column());
        }
    }

    @Test void aScriptEngineAcceptsItToo() throws Exception {
        javax.script.ScriptEngine se = new javax.script.ScriptEngineManager().getEngineByName("skein");
        StringWriter out = new StringWriter();
        se.getContext().setWriter(out);
        se.eval("\uFEFFprint('bom')");
        assertEquals("bom\n", out.toString().replace("\r\n", "\n"));
    }
}
