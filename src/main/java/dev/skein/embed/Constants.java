package dev.skein.embed;

import java.math.BigInteger;

/** Checks host constants: shared by every session, so only immutable values qualify. */
final class Constants {
    private Constants() {}

    static Object check(String name, Object value) {
        if (value == null || value instanceof Boolean || value instanceof Number || value instanceof String
                || value instanceof Character || value instanceof byte[]) {
            if (value instanceof Number n && !(n instanceof Integer || n instanceof Long || n instanceof Short
                    || n instanceof Byte || n instanceof BigInteger || n instanceof Double || n instanceof Float)) {
                throw new IllegalArgumentException("constant '" + name + "': a " + value.getClass().getName() + " cannot be passed to Skein");
            }
            return ValueConverter.toSkein(value);
        }
        throw new IllegalArgumentException("constant '" + name + "' must be null, a Boolean, a number, a String or byte[]; "
                + "set containers per session with SkeinSession.set");
    }
}
