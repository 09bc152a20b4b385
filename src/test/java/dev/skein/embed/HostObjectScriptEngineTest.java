package dev.skein.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skein.embed.HostFixtures.Account;
import dev.skein.embed.jsr223.SkeinScriptEngineFactory;
import javax.script.ScriptContext;
import javax.script.ScriptEngine;
import javax.script.ScriptEngineManager;
import javax.script.ScriptException;
import javax.script.SimpleBindings;
import javax.script.SimpleScriptContext;
import org.junit.jupiter.api.Test;

/** javax.script: a bound Java object is usable by default, can be narrowed, and can be turned off. */
class HostObjectScriptEngineTest {
    private static final String HIDDEN = "'project' is a Java object (dev.skein.embed.HostFixtures$Account) that this engine does not expose; see docs/embedding.md";

    @Test void boundObjectsAreUsableThroughTheirPublicMembers() throws Exception {
        ScriptEngine engine = new ScriptEngineManager().getEngineByName("skein");
        Account a = new Account();
        engine.put("project", a);
        assertEquals(105L, engine.eval("project.deposit(5)\nproject.balance"));
        assertEquals(105L, a.getBalance());
        assertEquals(a, engine.get("project"));

        SimpleBindings plain = new SimpleBindings();
        plain.put("project", a);
        assertEquals("ada", engine.eval("project.owner", plain));
        assertEquals(a, plain.get("project"));

        SimpleScriptContext ctx = new SimpleScriptContext();
        ctx.setBindings(engine.createBindings(), ScriptContext.ENGINE_SCOPE);
        SimpleBindings global = new SimpleBindings();
        global.put("project", a);
        ctx.setBindings(global, ScriptContext.GLOBAL_SCOPE);
        assertEquals(7L, engine.eval("project.id", ctx));
    }

    @Test void theBuilderNarrowsItAndTheErrorSaysWhy() {
        try (SkeinEngine native_ = SkeinEngine.builder().hostAccess(HostAccess.NONE).build()) {
            ScriptEngine engine = new SkeinScriptEngineFactory(native_).getScriptEngine();
            engine.put("project", new Account());
            ScriptException e = assertThrows(ScriptException.class, () -> engine.eval("let x = 1\nproject.deposit(1)"));
            assertTrue(e.getMessage().contains(HIDDEN), e.getMessage());
            assertEquals(2, e.getLineNumber());
            assertTrue(!e.getMessage().contains("not declared"), e.getMessage());
        }
    }

    @Test void aSystemPropertyTurnsHostObjectsOff() throws Exception {
        String before = System.getProperty(SkeinEngine.BINDING_ACCESS_PROPERTY);
        System.setProperty(SkeinEngine.BINDING_ACCESS_PROPERTY, "none");
        try {
            ScriptEngine engine = new ScriptEngineManager().getEngineByName("skein");
            engine.put("project", new Account());
            ScriptException e = assertThrows(ScriptException.class, () -> engine.eval("project.owner"));
            assertTrue(e.getMessage().contains(HIDDEN), e.getMessage());
            engine.put("n", 3);   // plain values still convert
            assertEquals(6L, engine.eval("n * 2"));
        } finally {
            if (before == null) System.clearProperty(SkeinEngine.BINDING_ACCESS_PROPERTY);
            else System.setProperty(SkeinEngine.BINDING_ACCESS_PROPERTY, before);
        }
    }
}
