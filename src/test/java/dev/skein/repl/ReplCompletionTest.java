package dev.skein.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Tab completion: names in scope, keywords, builtins, module members, methods, commands. */
class ReplCompletionTest {
    private final ReplHarness repl = new ReplHarness();

    @AfterEach
    void close() { repl.close(); }

    private List<String> complete(String line) { return repl.session.complete(line, line.length()); }

    @Test
    void namesKeywordsAndBuiltins() {
        repl.quiet("fn square(x) { return x * x }");
        repl.quiet("let squad = 1");
        assertEquals(List.of("squad", "square"), complete("squ"));
        assertEquals(List.of("squad", "square"), complete("print(1 + squ"));
        assertTrue(complete("aw").contains("await"));
        assertTrue(complete("su").containsAll(List.of("submit", "sum")));
        assertTrue(complete("thr").contains("threads"));
        assertEquals(List.of("square"), repl.session.complete("square(2)", 4).stream().filter(s -> s.startsWith("squar")).toList());
    }

    @Test
    void membersOfModulesRecordsAndValues() {
        repl.quiet("import math");
        assertTrue(complete("math.sq").contains("sqrt"));
        assertTrue(complete("import ma").contains("math"));
        repl.quiet("record Point(x, y)");
        repl.quiet("let p = Point(1, 2)");
        assertEquals(List.of("x"), complete("p.x"));
        repl.quiet("let s = 'text'");
        assertTrue(complete("s.up").contains("upper"));
        assertTrue(complete("'abc'.st").containsAll(List.of("startswith", "strip")));
        assertTrue(complete("[1].app").contains("append"));
        assertTrue(complete("{}.ite").contains("items"));
        repl.quiet("let pool = threads(1)");
        assertEquals(List.of("shutdown", "size", "stats", "submit"), complete("pool.s"));
        repl.quiet("let f = submit math.sqrt(4) to pool");
        assertTrue(complete("f.re").contains("result"));
        assertEquals(List.of(), complete("nothing_here.x"));
        assertEquals(List.of(), complete("1.5"));
    }

    @Test
    void commands() {
        assertEquals(List.of("load"), complete(":lo"));
        assertEquals(List.of("tasks", "time", "trace"), complete(":t"));
        repl.quiet("let value = 1");
        assertEquals(List.of("value"), complete(":time val"));
    }
}
