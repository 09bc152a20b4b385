package dev.skein.runtime;

/** Marks an optional builtin parameter the caller did not pass (distinct from {@code none}). */
public final class Missing {
    public static final Missing MISSING = new Missing();

    private Missing() {}

    public static boolean is(Object o) { return o == MISSING; }

    @Override public String toString() { return "<missing>"; }
}
