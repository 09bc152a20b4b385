package dev.skein.embed;

import javax.script.ScriptEngine;
import javax.script.ScriptEngineManager;

/**
 * A foreign tool in miniature, run in a child JVM by {@link SkeinScriptEngineTest}: it knows only
 * javax.script, finds an engine by name through ScriptEngineManager (the META-INF/services
 * discovery jrunscript uses; JDK 25 has no jrunscript) and evaluates one line with it.
 */
public final class ScriptEngineProbe {
    private ScriptEngineProbe() {}

    public static void main(String[] args) throws Exception {
        ScriptEngine engine = new ScriptEngineManager().getEngineByName(args[0]);
        if (engine == null) {
            System.out.println("no script engine named " + args[0]);
            System.exit(2);
        }
        System.out.println(engine.getFactory().getEngineName());
        engine.eval(args[1]);
        System.out.flush();
    }
}
