package dev.skein.interp;

/** The value of a module global whose {@code let} has not run yet. */
final class Unset {
    static final Unset UNSET = new Unset();

    private Unset() {}
}
