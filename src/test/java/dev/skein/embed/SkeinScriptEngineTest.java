package dev.skein.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skein.embed.jsr223.SkeinScriptEngineFactory;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.IntBinaryOperator;
import javax.script.Bindings;
import javax.script.Compilable;
import javax.script.CompiledScript;
import javax.script.Invocable;
import javax.script.ScriptContext;
import javax.script.ScriptEngine;
import javax.script.ScriptEngineFactory;
import javax.script.ScriptEngineManager;
import javax.script.ScriptException;
import javax.script.SimpleBindings;
import javax.script.SimpleScriptContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** javax.script: discovery, bindings as globals, Compilable, Invocable, ScriptException positions, jrunscript. */
class SkeinScriptEngineTest {
    private final ScriptEngine engine = new ScriptEngineManager().getEngineByName("skein");
    private final StringWriter out = new StringWriter();

    SkeinScriptEngineTest() {
        engine.getContext().setWriter(out);
    }

    @AfterEach void close() throws Exception {
        ((AutoCloseable) engine).close();
    }

    @Test void theManagerFindsSkeinByNameExtensionAndMimeType() {
        assertNotNull(engine);
        ScriptEngineManager m = new ScriptEngineManager();
        assertNotNull(m.getEngineByExtension("skein"));
        assertNotNull(m.getEngineByMimeType("application/x-skein"));
        ScriptEngineFactory f = engine.getFactory();
        assertEquals("Skein", f.getLanguageName());
        assertEquals(List.of("skein"), f.getExtensions());
        assertEquals("MULTITHREADED", f.getParameter("THREADING"));
        assertEquals("print('hi \\'you\\'')", f.getOutputStatement("hi 'you'").replace("\"hi 'you'\"", "'hi \\'you\\''"));
        assertEquals("obj.m(a, b)", f.getMethodCallSyntax("obj", "m", "a", "b"));
    }

    @Test void evalPrintsToTheContextWriterAndReturnsTheLastValue() throws Exception {
        assertNull(engine.eval("print(1 + 1)"));
        assertEquals("2\n", out.toString());
        assertEquals(6L, engine.eval(new StringReader("[1, 2, 3]\nsum([1, 2, 3])")));
    }

    @Test void engineScopeBindingsAreGlobals() throws Exception {
        engine.put("items", List.of(3, 4));
        assertEquals(7L, engine.eval("let total = sum(items)\ntotal"));
        assertEquals(7L, engine.get("total"));
        engine.eval("fn twice(x) { return 2 * x }");
        assertEquals(14L, engine.eval("twice(total)"));
        Bindings b = engine.getBindings(ScriptContext.ENGINE_SCOPE);
        assertTrue(b.containsKey("twice"));
        assertInstanceOf(SkeinFunction.class, b.get("twice"));
        b.remove("total");
        assertTrue(!b.containsKey("total"));
    }

    @Test void globalScopeBindingsAreVisible() throws Exception {
        ScriptEngineManager m = new ScriptEngineManager();
        m.put("shared", "from the manager");
        ScriptEngine e = m.getEngineByName("skein");
        try {
            assertEquals("from the manager!", e.eval("shared + '!'"));
        } finally {
            ((AutoCloseable) e).close();
        }
    }

    @Test void plainBindingsWorkAndGetTheGlobalsBack() throws Exception {
        Bindings plain = new SimpleBindings();
        plain.put("n", 20);
        assertEquals(21L, engine.eval("let m = n + 1\nm", plain));
        assertEquals(21L, plain.get("m"));
        assertEquals(20, plain.get("n"), "untouched entries stay as the host put them");
        engine.eval("n = n * 2", plain);
        assertEquals(40L, plain.get("n"));
    }

    @Test void separateBindingsAreSeparateGlobals() throws Exception {
        Bindings a = engine.createBindings();
        Bindings b = engine.createBindings();
        engine.eval("let who = 'a'", a);
        engine.eval("let who = 'b'", b);
        assertEquals("a", engine.eval("who", a));
        assertEquals("b", b.get("who"));
    }

    @Test void compiledScriptsRunInManyContexts() throws Exception {
        CompiledScript script = ((Compilable) engine).compile("x * x");
        for (int i = 1; i <= 3; i++) {
            Bindings b = engine.createBindings();
            b.put("x", i);
            assertEquals((long) i * i, script.eval(b));
        }
        SimpleScriptContext ctx = new SimpleScriptContext();
        StringWriter mine = new StringWriter();
        ctx.setWriter(mine);
        ctx.setBindings(new SimpleBindings(new java.util.HashMap<>(Map.of("x", 9))), ScriptContext.ENGINE_SCOPE);
        ((Compilable) engine).compile("print(x)").eval(ctx);
        assertEquals("9\n", mine.toString());
        assertEquals(engine, script.getEngine());
    }

    @Test void invocableCallsScriptFunctions() throws Exception {
        engine.eval("""
                fn add(a, b) { return a + b }
                fn applyAsInt(left, right) { return left * right }
                fn compare(a, b) { return len(a) - len(b) }
                record Box(value)
                """);
        Invocable inv = (Invocable) engine;
        assertEquals(5L, inv.invokeFunction("add", 2, 3));
        assertThrows(NoSuchMethodException.class, () -> inv.invokeFunction("nope"));
        IntBinaryOperator mul = inv.getInterface(IntBinaryOperator.class);
        assertEquals(42, mul.applyAsInt(6, 7));
        @SuppressWarnings("unchecked") Comparator<String> byLength = inv.getInterface(Comparator.class);
        assertTrue(byLength.compare("aaa", "b") > 0);
        assertNull(inv.getInterface(Runnable.class), "no global 'run'");
        Object list = engine.eval("[3, 1, 2]");
        assertEquals(List.of(3L, 1L, 2L), list);
        Object upper = inv.invokeMethod("skein", "upper");
        assertEquals("SKEIN", upper);
        assertThrows(NoSuchMethodException.class, () -> inv.invokeMethod("skein", "no_such_method"));
    }

    @Test void scriptExceptionsCarryFileLineAndColumn() {
        engine.getContext().setAttribute(ScriptEngine.FILENAME, "job.skein", ScriptContext.ENGINE_SCOPE);
        ScriptException e = assertThrows(ScriptException.class, () -> engine.eval("let a = 1\nlet b = a / 0"));
        assertEquals("job.skein", e.getFileName());
        assertEquals(2, e.getLineNumber());
        assertTrue(e.getColumnNumber() > 0);
        assertTrue(e.getMessage().startsWith("ZeroDivisionError: "), e.getMessage());
        SkeinException cause = assertInstanceOf(SkeinException.class, e.getCause());
        assertEquals("ZeroDivisionError", cause.kind());
        ScriptException syntax = assertThrows(ScriptException.class, () -> engine.eval("let x = 1\nlet = 2"));
        assertEquals(2, syntax.getLineNumber());
        assertTrue(syntax.getMessage().startsWith("SyntaxError"), syntax.getMessage());
        ScriptException compile = assertThrows(ScriptException.class, () -> ((Compilable) engine).compile("let = 3"));
        assertEquals(1, compile.getLineNumber());
    }

    @Test void aConfiguredEngineThroughTheFactory() throws Exception {
        try (SkeinEngine configured = SkeinEngine.builder().function("host_name", c -> "app").build()) {
            ScriptEngine e = new SkeinScriptEngineFactory(configured).getScriptEngine();
            assertEquals("app", e.eval("host_name()"));
            ScriptException denied = assertThrows(ScriptException.class, () -> e.eval("import fs\nfs.exists('/')"));
            assertTrue(denied.getMessage().startsWith("PermissionError"), denied.getMessage());
        }
    }

    /** What jrunscript did (`jrunscript -l skein -e …`), with a probe that needs only the JDK's javax.script. */
    @Test void aForeignToolFindsSkeinThroughServiceDiscovery() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process p = new ProcessBuilder(java.toString(), "-cp", cp, ScriptEngineProbe.class.getName(), "skein", "print(1 + 1)")
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), output);
        assertEquals(0, p.exitValue(), output);
        assertEquals(List.of("Skein", "2"), output.lines().toList(), output);
    }
}
