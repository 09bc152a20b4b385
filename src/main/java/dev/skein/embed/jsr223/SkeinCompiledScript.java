package dev.skein.embed.jsr223;

import dev.skein.embed.SkeinScript;
import javax.script.CompiledScript;
import javax.script.ScriptContext;
import javax.script.ScriptEngine;
import javax.script.ScriptException;

/**
 * A script compiled once by {@link SkeinScriptEngine#compile}; each {@link #eval(ScriptContext)}
 * runs it in the session of that context's ENGINE_SCOPE bindings. Safe to evaluate from many
 * threads with different bindings.
 */
public final class SkeinCompiledScript extends CompiledScript {
    private final SkeinScriptEngine engine;
    private final SkeinScript script;

    SkeinCompiledScript(SkeinScriptEngine engine, SkeinScript script) {
        this.engine = engine;
        this.script = script;
    }

    /** The native compiled script. */
    public SkeinScript script() { return script; }

    @Override public Object eval(ScriptContext context) throws ScriptException { return engine.evalCompiled(script, context); }

    @Override public ScriptEngine getEngine() { return engine; }
}
