package dev.skein.embed.jsr223;

import dev.skein.embed.SkeinEngine;
import dev.skein.runtime.Convert;
import java.util.List;
import javax.script.ScriptEngine;
import javax.script.ScriptEngineFactory;

/**
 * The JSR-223 factory for Skein, found by {@code new ScriptEngineManager().getEngineByName("skein")}
 * (registered in {@code META-INF/services/javax.script.ScriptEngineFactory}).
 *
 * <p>Engines from the no-argument factory (the one ServiceLoader makes) are safe by default: no
 * file, network, process, environment or exit access, no limits. To grant capabilities, set
 * limits or add host functions, build a {@link SkeinEngine} and wrap it:
 * {@code new SkeinScriptEngineFactory(skeinEngine).getScriptEngine()}.
 */
public final class SkeinScriptEngineFactory implements ScriptEngineFactory {
    static final String VERSION = "0.1";

    private final SkeinEngine shared;

    /** Each engine gets its own default (nothing granted) {@link SkeinEngine}, closed with it. */
    public SkeinScriptEngineFactory() { this.shared = null; }

    /** Every engine runs on {@code engine} (its grants, limits, host functions and pools). */
    public SkeinScriptEngineFactory(SkeinEngine engine) { this.shared = engine; }

    @Override public String getEngineName() { return "Skein"; }

    @Override public String getEngineVersion() { return VERSION; }

    @Override public List<String> getExtensions() { return List.of("skein"); }

    @Override public List<String> getMimeTypes() { return List.of("application/x-skein", "text/x-skein"); }

    @Override public List<String> getNames() { return List.of("skein", "Skein"); }

    @Override public String getLanguageName() { return "Skein"; }

    @Override public String getLanguageVersion() { return VERSION; }

    /**
     * The standard keys, and {@code THREADING}: {@code "MULTITHREADED"} — the engine may be used
     * from several threads at once; scripts evaluated with the same bindings share their globals.
     */
    @Override public Object getParameter(String key) {
        return switch (key) {
            case ScriptEngine.ENGINE -> getEngineName();
            case ScriptEngine.ENGINE_VERSION -> getEngineVersion();
            case ScriptEngine.NAME -> getNames().get(0);
            case ScriptEngine.LANGUAGE -> getLanguageName();
            case ScriptEngine.LANGUAGE_VERSION -> getLanguageVersion();
            case "THREADING" -> "MULTITHREADED";
            default -> null;
        };
    }

    @Override public String getMethodCallSyntax(String obj, String method, String... args) {
        return obj + "." + method + "(" + String.join(", ", args) + ")";
    }

    @Override public String getOutputStatement(String toDisplay) { return "print(" + Convert.repr(toDisplay) + ")"; }

    @Override public String getProgram(String... statements) { return String.join("\n", statements); }

    @Override public ScriptEngine getScriptEngine() {
        return shared != null ? new SkeinScriptEngine(this, shared, false)
                : new SkeinScriptEngine(this, SkeinEngine.builder().build(), true);
    }
}
