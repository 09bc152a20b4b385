package dev.skein.stdlib.modules;

import dev.skein.runtime.Interpreter;

/** Registers the standard modules (math, time, random, json, fs, hash, http, os). */
public final class Modules {
    private Modules() {}

    public static void install(Interpreter.Builder b) {
    }
}
