package dev.skein.concurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.skein.runtime.Builtin;
import dev.skein.runtime.Interpreter;
import dev.skein.runtime.SkeinDict;
import dev.skein.runtime.SkeinList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A run records its task's arguments as tagged numbers and the summary is formatted when the trace
 * is written: what a slice's {@code args} shows, read back through a real buffer.
 */
class TraceArgsTest {
    private final Interpreter interp = Interpreter.builder().build();
    private final Pool pool = new Pool(PoolRegistry.of(interp), "threads", 1, new ThreadTransport(interp, "threads"));
    private final Builtin fn = new Builtin("f", "", (ts, args) -> null);

    @AfterEach void close() { pool.shutdown(null, false, true); }

    /** The summary a trace shows for a call with these arguments (the trailing ones named by {@code kwNames}). */
    private String summary(Object[] args, String... kwNames) throws java.io.IOException {
        TraceBuffer b = new TraceBuffer();
        b.run(1, new Future(pool, fn, args, kwNames.length == 0 ? null : kwNames, 0, "t.skein:1:1", 7, null, 0), 5, 10, 20, "done", true);
        List<TraceEvent> out = new ArrayList<>();
        b.unpack(new HashMap<>(), b.published(), true, out::add);
        assertEquals(1, out.size());
        return ((TraceEvent.Run) out.get(0)).task().args();
    }

    @Test void eachKindOfValueShowsAsWrittenOrAsItsKindAndSize() throws java.io.IOException {
        SkeinDict d = new SkeinDict();
        d.put("a", 1L);
        d.put("b", 2L);
        assertEquals("(42, -3, 2.5, 'abc', true, false, none, list[3], dict[2], function)",
                summary(new Object[] {42L, -3L, 2.5, "abc", true, false, null, SkeinList.of(1L, 2L, 3L), d, fn}));
        assertEquals("()", summary(new Object[0]));
    }

    @Test void aLongStringIsCutAndKeywordsAreNamed() throws java.io.IOException {
        assertEquals("('abcdefghijklmnopqrstuvwx…', n=5)", summary(new Object[] {"abcdefghijklmnopqrstuvwxyz0123", 5L}, "n"));
        assertEquals("(x='ab', y=none)", summary(new Object[] {"ab", null}, "x", "y"));
    }

    @Test void aSummaryStopsAtEightyCharactersWhateverTheArguments() throws java.io.IOException {
        String nines = "(" + String.join(", ", Collections.nCopies(9, "1000000")) + ")";
        assertEquals(nines.substring(0, 78) + "…)", summary(Collections.nCopies(40, (Object) 1000000L).toArray()));
        // The shortest arguments: only so many are recorded, and they fill the summary exactly as all would.
        String ones = "(" + String.join(", ", Collections.nCopies(27, "1")) + ")";
        assertEquals(ones.substring(0, 78) + "…)", summary(Collections.nCopies(1000, (Object) 1L).toArray()));
        assertEquals("(" + String.join(", ", Collections.nCopies(26, "1")) + ")", summary(Collections.nCopies(26, (Object) 1L).toArray()));
    }
}
