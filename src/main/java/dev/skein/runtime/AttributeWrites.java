package dev.skein.runtime;

/**
 * {@code obj.name = value}. Skein's own values have no writable attributes (records are
 * immutable); values of later layers may (a host object's public fields and bean setters).
 */
public final class AttributeWrites {
    private AttributeWrites() {}

    /** Implemented by values whose attributes a script may assign. */
    public interface Writable {
        void setAttribute(ThreadState ts, String name, Object value);
    }

    public static void set(ThreadState ts, Object target, String name, Object value) {
        if (target instanceof Writable w) {
            w.setAttribute(ts, name, value);
            return;
        }
        if (target instanceof RecordValue) {
            throw Errors.type("cannot assign to '." + name + "': records are immutable (make a new one, e.g. p.with(" + name + "=…))");
        }
        throw Errors.attribute("cannot assign to '." + name + "' of a '" + Values.typeName(target) + "' object: it has no writable attributes");
    }
}
