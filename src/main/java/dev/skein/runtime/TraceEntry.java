package dev.skein.runtime;

/** One script frame of an error's trace: where it was and in which function. */
public record TraceEntry(String file, int line, int column, String function) {
    @Override public String toString() {
        return file + ":" + line + ":" + column + " in " + function;
    }
}
