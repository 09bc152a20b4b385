package dev.skein.runtime;

/** Which values may be dict keys and set members (Python's "hashable"). */
public final class Hashing {
    private Hashing() {}

    public static void check(Object key) {
        if (key instanceof SkeinList || key instanceof SkeinDict || key instanceof SkeinSet) {
            throw Errors.type("unhashable type: '" + Values.typeName(key) + "'");
        }
        if (key instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d)) {
            // 1.0 and 1 are equal in Skein but Java hashes them differently; refuse to guess.
            return;
        }
    }
}
