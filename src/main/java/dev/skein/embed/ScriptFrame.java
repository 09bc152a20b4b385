package dev.skein.embed;

/** One script frame of a {@link SkeinException}'s trace: where it was and in which function. */
public record ScriptFrame(String file, int line, int column, String function) {
    @Override public String toString() {
        return file + ":" + line + ":" + column + " in " + function;
    }
}
