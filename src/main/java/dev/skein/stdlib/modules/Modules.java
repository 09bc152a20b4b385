package dev.skein.stdlib.modules;

import dev.skein.runtime.Interpreter;

/** Registers the standard modules (math, time, random, json, fs, hash, http, os). */
public final class Modules {
    private Modules() {}

    public static void install(Interpreter.Builder b) {
        b.module("math", MathModule::create);
        b.module("time", TimeModule::create);
        b.module("random", RandomModule::create);
        b.module("json", JsonModule::create);
        b.module("fs", FsModule::create);
        b.module("hash", HashModule::create);
        b.module("http", HttpModule::create);
        b.module("os", OsModule::create);
    }
}
