package dev.skein.embed;

import java.util.regex.Pattern;

/** Checks for the names a host gives to globals, functions and pools. */
final class Names {
    private Names() {}

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    static boolean isIdentifier(String s) { return s != null && IDENTIFIER.matcher(s).matches(); }

    static String checkIdentifier(String name, String what) {
        if (!isIdentifier(name)) throw new IllegalArgumentException("a " + what + " name must be a Skein identifier, not '" + name + "'");
        return name;
    }
}
