package dev.skein.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skein.process.ProcessPools;
import dev.skein.runtime.Interpreter;
import dev.skein.runtime.OutputSink;
import dev.skein.runtime.SkeinError;
import dev.skein.runtime.ThreadState;
import dev.skein.stdlib.Stdlib;
import dev.skein.syntax.Source;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Closures and the variables they share run compiled (each function's {@link Code#compiled} is
 * set) and give the tree's results: cells per loop iteration, counters, closures outliving their
 * frame, cell parameters, hoisted local functions, closures on a thread pool, and the error
 * positions inside closures.
 */
class CompiledClosuresTest {
    /** Where a function starts: each {@code fn} keyword. */
    private static final Pattern FN = Pattern.compile("\\bfn\\b");
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final OutputSink sink = OutputSink.of(out);
    private final Interpreter interp = ProcessPools.install(Stdlib.install(Interpreter.builder())).stdout(sink).grantAll().build();
    private final Runner runner = Runner.of(interp);

    /** Compiles and runs {@code text} as {@code name}; returns what it printed. */
    private String run(String name, String text) {
        ModuleInstance module = new ModuleInstance("__main__", name);
        Code main = runner.compile(new Source(name, text), module, false);
        runner.run(main, module, new ThreadState(interp));
        sink.flush();
        return out.toString(StandardCharsets.UTF_8);
    }

    private void assertCompiled(String name, int line, int column) {
        Code code = runner.code(name + ":" + line + ":" + column);
        assertNotNull(code, "no function at " + line + ":" + column);
        assertNotNull(code.compileNow(), code.name + " at " + line + ":" + column + " runs on the tree");
    }

    /** Every function of {@code text} (each {@code fn} that starts one) runs compiled. */
    private void assertAllCompiled(String name, String text) {
        String[] lines = text.split("\n", -1);
        for (int l = 0; l < lines.length; l++) {
            Matcher m = FN.matcher(lines[l]);
            while (m.find()) assertCompiled(name, l + 1, m.start() + 1);
        }
    }

    @Test
    void aCounterMutatedThroughItsClosureOutlivesItsFrame() {
        String text = """
                fn counter() {
                    let n = 0
                    fn inc() { n += 1; return n }
                    return inc
                }
                let c = counter()
                c()
                c()
                print(c())
                print(counter()())
                """;
        assertEquals("3\n1\n", run("counter.skein", text));
        assertAllCompiled("counter.skein", text);
    }

    @Test
    void closuresMadeInLoopsCaptureEachIterationsVariable() {
        String text = """
                fn makers() {
                    let fs = list()
                    for i in range(3) { fs.append(fn() => i) }
                    let j = 0
                    while j < 3 {
                        let k = j
                        fs.append(fn() => k + 10)
                        j += 1
                    }
                    for x in range(20, 22) { fs.append(fn() => x) }
                    for y in list(range(30, 32)) { fs.append(fn() { return y }) }
                    return fs
                }
                let out = []
                for f in makers() { out.append(f()) }
                print(out)
                """;
        assertEquals("[0, 1, 2, 10, 11, 12, 20, 21, 30, 31]\n", run("loops.skein", text));
        assertAllCompiled("loops.skein", text);
    }

    @Test
    void nestedAndRecursiveLocalFunctionsAndCellParameters() {
        String text = """
                fn outer(a) {
                    fn mid(b) {
                        fn inner(c) { return a + b + c }
                        return inner
                    }
                    return mid
                }
                print(outer(1)(2)(3))
                fn fact_of(n) {
                    fn fact(k) {
                        if k < 2 { return 1 }
                        return k * fact(k - 1)
                    }
                    return fact(n)
                }
                print(fact_of(10))
                fn parity(n) {
                    if n >= 0 {
                        fn ev(k) { return k == 0 or od(k - 1) }
                        fn od(k) { return k != 0 and ev(k - 1) }
                        return ev(n)
                    }
                    return none
                }
                print(parity(10))
                print(parity(7))
                fn bump(p) {
                    let g = fn() { p = p + 1 }
                    g()
                    return p
                }
                print(bump(5))
                """;
        assertEquals("6\n3628800\ntrue\nfalse\n6\n", run("nested.skein", text));
        assertAllCompiled("nested.skein", text);
    }

    @Test
    void lambdasInATopLevelLoopRunCompiled() {
        String text = """
                let fs = []
                for i in range(3) { fs.append(fn() => i * i) }
                let out = []
                for f in fs { out.append(f()) }
                print(out)
                """;
        ModuleInstance module = new ModuleInstance("__main__", "top.skein");
        Code main = runner.compile(new Source("top.skein", text), module, false);
        assertNotNull(main.compileNow(), "the top level runs on the tree");
        runner.run(main, module, new ThreadState(interp));
        sink.flush();
        assertEquals("[0, 1, 4]\n", out.toString(StandardCharsets.UTF_8));
        assertAllCompiled("top.skein", text);
    }

    @Test
    void closuresRunOnAThreadPool() {
        String text = """
                fn adder(base) { return fn(x) => x + base }
                fn maker(base) {
                    let made = list()
                    for k in range(2) { made.append(fn() => k + base * 10) }
                    return made
                }
                let add = adder(10)
                let made = maker(10)
                with threads(2) as pool {
                    print(list(map add over range(4) to pool))
                    let futures = [submit m() to pool for m in made]
                    print([await f for f in futures])
                }
                """;
        assertEquals("[10, 11, 12, 13]\n[100, 101]\n", run("pool.skein", text));
        assertAllCompiled("pool.skein", text);
    }

    @Test
    void anErrorInsideAClosureHasTheTreesPositions() {
        String text = """
                fn divider(z) {
                    let g = fn(q) {
                        return q / z
                    }
                    return g
                }
                fn use() { return divider(0)(1) }
                use()
                """;
        SkeinError e = assertThrows(SkeinError.class, () -> run("err.skein", text));
        assertEquals("ZeroDivisionError", e.value().kind().name());
        assertEquals("[err.skein:3:18 in <lambda>, err.skein:7:19 in use, err.skein:8:1 in <main>]", e.value().trace().toString());
        assertAllCompiled("err.skein", text);
    }

    /** The golden scripts of closures (run both ways by the golden suite) really test compiled code. */
    @Test
    void theGoldenClosureScriptsCompileEveryFunction() throws IOException {
        Path dir = Path.of("src/test/resources/golden/compiled");
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> scripts = files.filter(f -> f.getFileName().toString().startsWith("closures_")).toList();
            assertTrue(scripts.size() >= 5, "golden closure scripts: " + scripts);
            for (Path p : scripts) {
                String name = p.getFileName().toString(), text = Files.readString(p);
                runner.compile(new Source(name, text), new ModuleInstance("__main__", name), false);
                assertAllCompiled(name, text);
            }
        }
    }
}
