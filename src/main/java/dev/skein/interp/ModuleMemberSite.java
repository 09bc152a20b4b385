package dev.skein.interp;

import dev.skein.runtime.NativeModule;

/**
 * The inline cache of one compiled method call's {@link Calls#moduleMember} lookup, such as
 * {@code random.choice} in {@code random.choice(xs)}: a standard-library module's table of
 * members is fixed once built, so the member found for a module is kept with it, and the next
 * call with the same module skips the name lookup. A module of Skein code (its globals can change)
 * and any other receiver take the lookup every time.
 */
final class ModuleMemberSite {
    /** A module and its member: immutable, so a racing reader sees a whole pair or the old one. */
    private record Hit(Object module, Object member) {}

    private static final Hit NONE = new Hit(new Object(), null);

    private final String name;
    /** Written racily: a lost write only costs another lookup. */
    private Hit hit = NONE;

    ModuleMemberSite(String name) { this.name = name; }

    /** Exactly {@link Calls#moduleMember}{@code (recv, name)}. */
    Object lookup(Object recv) {
        Hit h = hit;
        if (h.module == recv) return h.member;
        Object member = Calls.moduleMember(recv, name);   // raises for a missing or denied member: nothing cached
        if (recv instanceof NativeModule) hit = new Hit(recv, member);
        return member;
    }
}
