package dev.skein.concurrent;

import dev.skein.runtime.Builtin;
import dev.skein.runtime.Convert;
import dev.skein.runtime.Errors;
import dev.skein.runtime.Interpreter;
import dev.skein.runtime.Missing;
import dev.skein.runtime.ThreadState;

/**
 * Pool constructors are registered, not hard-coded: each layer that brings a kind of pool
 * ({@code threads} and {@code virtual} here, {@code processes} from the process layer, a host's
 * own from the embedding builder) registers its constructor as a builtin of the engine being
 * built. A later registration of the same name replaces an earlier one.
 */
public final class PoolKinds {
    private PoolKinds() {}

    /** Makes a pool from the constructor's arguments (laid out by its signature). */
    @FunctionalInterface
    public interface Factory {
        Pool create(ThreadState ts, Object[] args);
    }

    /** Registers the builtin {@code name(signature)} that makes pools with {@code factory}. */
    public static void register(Interpreter.Builder b, String name, String signature, Factory factory) {
        b.builtin(name, new Builtin(name, signature, factory::create));
    }

    /**
     * A pool constructor's count argument: {@code none} or left out gives {@code absent}; anything
     * given must be an int of at least {@code min} — every constructor refuses alike.
     */
    public static int count(Object arg, String pool, String name, int min, int absent) {
        if (Missing.is(arg) || arg == null) return absent;
        String what = pool + "(" + name + ")";
        int n = Convert.toInt(arg, what);
        if (n < min) throw Errors.value(what + " needs " + name + " >= " + min + ", got " + n);
        return n;
    }
}
