package dev.skein.stdlib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skein.embed.SkeinEngine;
import dev.skein.runtime.Convert;
import dev.skein.runtime.Interpreter;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of value the standard library, the pools and an embedding host can hand a script
 * has a Skein spelling for str and repr: never a Java class name or identity hash
 * ({@code dev.skein.runtime.Containers$1@72dac143}).
 */
class EveryValueReprTest {
    /** What a Java-made spelling looks like: a package name, an inner class, an identity hash. */
    private static final Pattern JAVA_SPELLING = Pattern.compile("dev\\.skein|java\\.|\\$\\d|@[0-9a-f]{4,}|^<>$|^$");

    @TempDir Path dir;

    @Test
    void everyBuiltinAndEveryStandardModuleMember() {
        Interpreter interp = dev.skein.process.ProcessPools.install(Stdlib.install(Interpreter.builder().grantAll())).build();   // grantAll: os.env needs the environment capability
        List<String> seen = new ArrayList<>();
        interp.builtins().forEach((name, v) -> seen.add(name + " → " + check(v)));
        for (String module : StdlibNames.MODULES) {
            var m = interp.stdModule(module);
            seen.add(module + " → " + check(m));
            for (String member : m.memberNames()) seen.add(module + "." + member + " → " + check(m.member(member)));
        }
        assertTrue(seen.size() > 150, "walked " + seen.size() + " values");
        assertTrue(seen.contains("stderr → <stream stderr>"), String.join("\n", seen));
        assertTrue(seen.contains("len → <fn len>"), String.join("\n", seen));
    }

    @Test
    void everyValueAScriptCanBeHanded() throws IOException {
        Files.writeString(dir.resolve("lib.skein"), "let answer = 42\n");
        ExecutorService hostThreads = Executors.newFixedThreadPool(1);
        StringWriter out = new StringWriter(), err = new StringWriter();
        try (SkeinEngine engine = SkeinEngine.builder().stdout(out).stderr(err).allowAll()
                .function("host_add", call -> 1L)
                .executor("host_pool", hostThreads)
                .build()) {
            @SuppressWarnings("unchecked")
            List<String> shown = (List<String>) engine.eval(dir.resolve("values.skein").toString(), SCRIPT);
            for (String line : shown) {
                assertFalse(JAVA_SPELLING.matcher(line.substring(line.indexOf('|') + 1)).find(), line);
            }
            String all = String.join("\n", shown);
            for (String expected : List.of(
                    "<list iterator>", "<str iterator>", "<bytes iterator>", "<dict iterator>", "<set iterator>",
                    "<range iterator>", "<reversed iterator>", "<enumerate iterator>", "<zip iterator>",
                    "<filter iterator>", "<completed iterator>", "<progress 'counting'>", "<progress>",
                    "<method append of list>", "<method result of future>", "<method submit of pool>",
                    "<stream stdout>", "<stream stderr>", "<fn host_add>", "<module lib>", "<module math>",
                    "<lock unlocked>", "<queue size=0>", "<event clear>", "atomic(1)", "<record P>", "P(x=1)")) {
                assertTrue(all.contains(expected), expected + " not in:\n" + all);
            }
            assertTrue(shown.size() >= 40, all);
        } finally {
            hostThreads.shutdownNow();
        }
    }

    private static final String SCRIPT = """
            import math
            import json
            import hash
            import "lib.skein" as lib
            record P(x)
            fn f(x) { return x }
            let pool = threads(1)
            let fut = submit f(1) to pool
            await fut
            let procs = processes(1)
            let values = [
                iter([1]), iter("ab"), iter(b"ab"), iter({1: 2}), iter({1}), iter(range(2)),
                reversed([1, 2]), reversed("ab"), enumerate([1]), zip([1], [2]), filter(none, [1]),
                map f over [1] to pool, pool.map(f, [1]), completed([fut]),
                progress([1], label = "counting"), progress([1]),
                fut, pool, virtual(), procs, threads(1, portable = true), host_pool, lock(), queue(), event(), atomic(1),
                math, json, lib, math.sqrt, print, len, host_add, ValueError, ValueError("x"), P, P(1), f, fn(y) => y,
                [].append, fut.result, pool.submit, procs.map, "x".join, P(1).with, stdout, stderr,
                hash.sha256(b"x"), range(3), none, true, 1.5, b"x", {1: [2]}, {3}
            ]
            let shown = [type(v) + " | " + str(v) + " | " + repr(v) for v in values]
            procs.shutdown()
            shown
            """;

    private static String check(Object v) {
        String r = Convert.repr(v);
        assertFalse(JAVA_SPELLING.matcher(r).find(), r);
        if (!(v instanceof String)) assertFalse(JAVA_SPELLING.matcher(Convert.str(v)).find(), Convert.str(v));
        return r;
    }

    @Test
    void aValueOfAnUnknownJavaClassShowsItsTypeNotItsIdentity() {
        assertEquals("<iterator>", Convert.repr(new dev.skein.runtime.SkeinIterator() {
            @Override public Object next() { return DONE; }
        }));
    }
}
