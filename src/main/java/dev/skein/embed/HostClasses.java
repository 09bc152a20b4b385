package dev.skein.embed;

import dev.skein.runtime.Arith;
import dev.skein.runtime.Bytes;
import dev.skein.runtime.Errors;
import java.math.BigInteger;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The host objects of one engine under one {@link HostAccess}: each class's member table, built
 * once ({@link HostMembers}), and how Java values come back to Skein — numbers, strings,
 * booleans and null as Skein values, handles made by Skein as what they stand for, everything
 * else (collections, maps and arrays included, as live views) as a {@link HostObject}.
 */
final class HostClasses {
    final HostAccess access;
    private final ConcurrentHashMap<Class<?>, HostMembers> tables = new ConcurrentHashMap<>();

    HostClasses(HostAccess access) { this.access = access; }

    HostMembers members(Class<?> type) { return tables.computeIfAbsent(type, t -> HostMembers.of(t, access)); }

    /** A Java value as a script sees it; a value of a denied type is a PermissionError. */
    Object toSkein(Object v) {
        if (v == null || v instanceof String || v instanceof Long || v instanceof Boolean || v instanceof Double) return v;
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) return ((Number) v).longValue();
        if (v instanceof Float f) return f.doubleValue();
        if (v instanceof Character c) return c.toString();
        if (v instanceof BigInteger b) return Arith.norm(b);
        if (v instanceof byte[] b) return Bytes.copyOf(b);
        if (v instanceof SkeinFunction f) return f.callable();
        if (v instanceof SkeinRecord r) return r.value();
        if (v instanceof SkeinObject o) return o.value();
        HostMembers m = members(v.getClass());
        if (m.denied) throw Errors.permission("a " + v.getClass().getName() + " is never exposed to scripts (see docs/embedding.md)");
        return new HostObject(v, m, this);
    }
}
