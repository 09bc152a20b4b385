package dev.skein.embed;

/**
 * A function written in Java that scripts call like any other: {@code lookup("id-7")}. The body
 * gets a {@link HostCall} (arguments already converted to Java values) and returns a Java value,
 * converted back to Skein. Java exceptions become Skein errors (see {@link HostErrors}); throw a
 * {@link SkeinException} to raise a specific kind.
 *
 * <p>Host functions run in the calling Skein thread, also when that is a task of a thread pool,
 * so they must be thread-safe if scripts use them from pools. They are not portable: a process
 * pool worker cannot run them, unless they come from a worker-side extension
 * ({@link SkeinExtension}); then {@link #extensionName()} names it, and the process layer sends
 * the function by (extension, name) and looks it up in the worker (see {@link WorkerSupport}).
 */
public final class HostFunction {
    /** The Java code of a host function. */
    @FunctionalInterface
    public interface Body {
        Object apply(HostCall call) throws Exception;
    }

    private final String name;
    private final Body body;
    private final String extensionName;
    /** What scripts see: the runtime's view of this function, kept out of the public API. */
    private final HostFunctionCallable callable;

    private HostFunction(String name, Body body, String extensionName) {
        this.name = Names.checkIdentifier(name, "host function");
        this.body = body;
        this.extensionName = extensionName;
        this.callable = new HostFunctionCallable(this);
    }

    /** The builtin value scripts call. */
    HostFunctionCallable callable() { return callable; }

    Body body() { return body; }

    /** A host function of this engine only (not available in process-pool workers). */
    public static HostFunction of(String name, Body body) { return new HostFunction(name, body, null); }

    /** A function of the worker-side extension {@code extensionName}. */
    static HostFunction ofExtension(String extensionName, String name, Body body) {
        return new HostFunction(name, body, extensionName);
    }

    public String name() { return name; }

    /** The extension that defines this function, or null for a plain host function. */
    public String extensionName() { return extensionName; }

    /** True when a process-pool worker can get this function through {@link java.util.ServiceLoader}. */
    public boolean isExtension() { return extensionName != null; }

    @Override public String toString() {
        return "<host function " + name + (extensionName == null ? "" : " of " + extensionName) + ">";
    }
}
