package dev.skein.embed;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a {@link SkeinExtension} defines its functions and constants with. */
public final class ExtensionContext {
    private final String extensionName;
    private final boolean worker;
    private final Map<String, Object> defined = new LinkedHashMap<>();

    private ExtensionContext(String extensionName, boolean worker) {
        this.extensionName = extensionName;
        this.worker = worker;
    }

    /** Runs {@code extension.install} and returns what it defined (name → builtin value). */
    static Map<String, Object> install(SkeinExtension extension, boolean worker) {
        String name = extension.name();
        if (name == null || name.isBlank()) throw new IllegalArgumentException(extension.getClass().getName() + " has no name");
        ExtensionContext ctx = new ExtensionContext(name, worker);
        extension.install(ctx);
        return Collections.unmodifiableMap(ctx.defined);
    }

    /** Defines a function scripts call by {@code name}. */
    public void function(String name, HostFunction.Body body) {
        defined.put(name, HostFunction.ofExtension(extensionName, name, body).callable());
    }

    /** Defines a read-only value (null, Boolean, number, String or byte[]). */
    public void constant(String name, Object value) {
        Names.checkIdentifier(name, "constant");
        defined.put(name, Constants.check(name, value));
    }

    /** The extension being installed. */
    public String extensionName() { return extensionName; }

    /** True when installing in a process-pool worker, false in the host's engine. */
    public boolean isWorker() { return worker; }
}
