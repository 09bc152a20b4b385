package dev.skein.runtime;

/** What a script may touch outside the interpreter. The CLI grants all; an embedding host chooses. */
public enum Capability {
    FILES("file access"),
    NETWORK("network access"),
    PROCESSES("starting processes"),
    ENVIRONMENT("environment variables"),
    EXIT("exiting the process");

    private final String description;

    Capability(String description) { this.description = description; }

    public String description() { return description; }

    /** The PermissionError message for using {@code c} without the grant. */
    public static String notGranted(Capability c) {
        return c.description() + " is not allowed here (capability " + c.name().toLowerCase() + " not granted)";
    }
}
