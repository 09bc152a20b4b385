package dev.skein.embed;

import dev.skein.syntax.CompileError;
import dev.skein.syntax.Diagnostic;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the host globals of a script being compiled: when the only problems are undeclared
 * names, those names are what the host is expected to set. The compiler reports each as a
 * NameError "'name' is not declared…" (reading or assigning), which is what is matched here.
 */
final class HostGlobals {
    private HostGlobals() {}

    private static final Pattern UNDECLARED = Pattern.compile("'([A-Za-z_][A-Za-z0-9_]*)' is not declared.*", Pattern.DOTALL);

    /** Each undeclared name with the first place it is used, or null when other errors are present. */
    static Map<String, Diagnostic> of(CompileError e) {
        Map<String, Diagnostic> out = new LinkedHashMap<>();
        for (Diagnostic d : e.diagnostics()) {
            Matcher m = UNDECLARED.matcher(d.message());
            if (!d.kind().equals("NameError") || !m.matches()) return null;
            out.putIfAbsent(m.group(1), d);
        }
        return out.isEmpty() ? null : out;
    }
}
