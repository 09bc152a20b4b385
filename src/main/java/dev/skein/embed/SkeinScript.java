package dev.skein.embed;

import dev.skein.interp.Code;
import dev.skein.interp.Runner;
import dev.skein.syntax.Diagnostic;
import dev.skein.syntax.Source;
import java.util.List;
import java.util.Map;

/**
 * A compiled script: parsed and resolved once by {@link SkeinEngine#compile}, immutable, and
 * runnable any number of times, from any number of threads, each run in a {@link SkeinSession}.
 *
 * <p>Names the script reads but never declares ({@code let}, {@code fn}, {@code record},
 * {@code import}) and that are not builtins are <em>host globals</em>: the session must set
 * them before the script runs, or the run fails at once with a NameError at the first place the
 * script uses the name.
 */
public final class SkeinScript {
    private final SkeinEngine engine;
    private final Source source;
    private final List<String> layout;
    private final Code code;
    private final Map<String, Diagnostic> hostGlobals;
    private final Runner compiledBy;

    SkeinScript(SkeinEngine engine, Source source, List<String> layout, Code code, Map<String, Diagnostic> hostGlobals,
                Runner compiledBy) {
        this.compiledBy = compiledBy;
        this.engine = engine;
        this.source = source;
        this.layout = layout;
        this.code = code;
        this.hostGlobals = hostGlobals;
    }

    /** The file name errors and traces show for this script. */
    public String name() { return source.name(); }

    /** The source text. */
    public String text() { return source.text(); }

    /** The engine that compiled it (a script runs only in sessions of that engine). */
    public SkeinEngine engine() { return engine; }

    /** The names the script expects the host to set, in order of first use. */
    public List<String> hostGlobals() { return List.copyOf(hostGlobals.keySet()); }

    /**
     * Runs the script once in a fresh session with these globals, waits for the tasks it left
     * running (as the CLI does at the end of a script), closes the session and returns the
     * value of the script's last expression statement (null when it ends with another statement).
     */
    public Object run(Map<String, ?> globals) {
        try (SkeinSession session = engine.newSession()) {
            globals.forEach(session::set);
            return session.run(this, true);
        }
    }

    Source source() { return source; }

    /** The global names of the module this code was compiled against, in index order. */
    List<String> layout() { return layout; }

    Code code() { return code; }

    Map<String, Diagnostic> hostGlobalSites() { return hostGlobals; }

    /** The runner that compiled it: its sources and function bodies, handed to each session that runs it. */
    Runner compiledBy() { return compiledBy; }

    @Override public String toString() { return "<skein script " + source.name() + ">"; }
}
