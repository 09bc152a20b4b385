package dev.skein.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import javax.script.Bindings;
import javax.script.Compilable;
import javax.script.CompiledScript;
import javax.script.Invocable;
import javax.script.ScriptContext;
import javax.script.ScriptEngine;
import javax.script.ScriptEngineManager;
import javax.script.ScriptException;
import javax.script.SimpleBindings;
import javax.script.SimpleScriptContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * javax.script's scope rules (ScriptContext): ENGINE_SCOPE shadows GLOBAL_SCOPE, both are read at
 * each evaluation, a script's assignments go to ENGINE_SCOPE, and the engine keeps its own state
 * out of user bindings — including read-only and {@code Map.of}-backed ones.
 */
class ScriptScopesConformanceTest {
    private final ScriptEngineManager manager = new ScriptEngineManager();
    private final ScriptEngine engine = manager.getEngineByName("skein");

    @AfterEach void close() throws Exception {
        ((AutoCloseable) engine).close();
    }

    @Test void globalScopeIsReadAtEachEval() throws Exception {
        manager.put("limit", 1);
        assertEquals(1L, engine.eval("limit"));
        manager.put("limit", 2);
        assertEquals(2L, engine.eval("limit"), "a GLOBAL_SCOPE change is seen by the next eval");
        manager.getBindings().remove("limit");
        ScriptException gone = assertThrows(ScriptException.class, () -> engine.eval("limit"));
        assertTrue(gone.getMessage().startsWith("NameError"), gone.getMessage());
    }

    @Test void engineScopeShadowsGlobalScopeAndUnshadowsWhenRemoved() throws Exception {
        manager.put("mode", "global");
        engine.put("mode", "engine");
        assertEquals("engine", engine.eval("mode"));
        assertEquals("engine", engine.getContext().getAttribute("mode"), "what ScriptContext.getAttribute says too");
        engine.getBindings(ScriptContext.ENGINE_SCOPE).remove("mode");
        assertEquals("global", engine.eval("mode"));
        assertEquals("global", engine.getContext().getAttribute("mode"));
    }

    @Test void globalEntriesAreNotCopiedIntoEngineScope() throws Exception {
        manager.put("shared", 10);
        assertEquals(11L, engine.eval("let mine = shared + 1\nmine"));
        Bindings engineScope = engine.getBindings(ScriptContext.ENGINE_SCOPE);
        assertFalse(engineScope.containsKey("shared"), "GLOBAL_SCOPE entries stay there");
        assertEquals(11L, engineScope.get("mine"));
        assertEquals(Set.of("shared"), manager.getBindings().keySet(), "a script never writes GLOBAL_SCOPE");
    }

    @Test void aScriptAssignmentGoesToEngineScopeAndThenShadows() throws Exception {
        manager.put("count", 1);
        engine.eval("count = count + 41");
        assertEquals(42L, engine.get("count"));
        assertEquals(1, manager.get("count"));
        manager.put("count", 100);
        assertEquals(42L, engine.eval("count"), "ENGINE_SCOPE now holds count and shadows GLOBAL_SCOPE");
    }

    @Test void plainBindingsGetNoInternalKeys() throws Exception {
        Bindings plain = new SimpleBindings();
        plain.put("n", 2);
        assertEquals(3L, engine.eval("let m = n + 1\nm", plain));
        assertEquals(Set.of("n", "m"), plain.keySet());
        assertEquals(6L, engine.eval("m * n", plain), "the same bindings object keeps its globals");
        assertEquals(Set.of("n", "m"), plain.keySet());
    }

    @Test void aKeyTheHostRemovesFromPlainBindingsIsGone() throws Exception {
        Bindings plain = new SimpleBindings(new HashMap<>(Map.of("token", "abc")));
        assertEquals("abc", engine.eval("token", plain));
        plain.remove("token");
        ScriptException e = assertThrows(ScriptException.class, () -> engine.eval("token", plain));
        assertTrue(e.getMessage().startsWith("NameError"), e.getMessage());
    }

    @Test void mapOfBackedBindingsWork() throws Exception {
        Bindings fixed = new SimpleBindings(Map.of("x", 6, "y", 7));
        assertEquals(42L, engine.eval("x * y", fixed));
        assertEquals(1L, engine.eval("let z = 1\nz", fixed), "the script's own definitions need not be written back");
        assertEquals(43L, engine.eval("x * y + z", fixed), "and stay in the engine's session for these bindings");
        assertEquals(Map.of("x", 6, "y", 7), fixed);
    }

    @Test void readOnlyBindingsWork() throws Exception {
        Map<String, Object> backing = new HashMap<>(Map.of("base", 40));
        Bindings readOnly = new SimpleBindings(Collections.unmodifiableMap(backing));
        CompiledScript script = ((Compilable) engine).compile("let answer = base + 2\nanswer");
        SimpleScriptContext ctx = new SimpleScriptContext();
        ctx.setBindings(readOnly, ScriptContext.ENGINE_SCOPE);
        ctx.setWriter(new StringWriter());
        assertEquals(42L, script.eval(ctx));
        backing.put("base", 0);
        assertEquals(2L, script.eval(ctx), "the map is read again at each eval");
    }

    @Test void invokeFunctionSeesTheScopesAsTheyAreNow() throws Exception {
        manager.put("rate", 2);
        engine.eval("fn price(n) { return n * rate }");
        assertEquals(10L, ((Invocable) engine).invokeFunction("price", 5));
        manager.put("rate", 3);
        assertEquals(15L, ((Invocable) engine).invokeFunction("price", 5));
        assertThrows(NoSuchMethodException.class, () -> ((Invocable) engine).invokeFunction("rate"));
    }
}
