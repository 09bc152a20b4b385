package dev.skein.embed;

import java.lang.reflect.AnnotatedElement;
import java.util.List;

/**
 * Which members of the Java objects a host hands to scripts those scripts may use, chosen by
 * the host (like GraalVM's {@code HostAccess}). Whatever the policy, {@link HostDenyList} holds:
 * no {@code getClass}, no {@code Class}, class loader, reflection, {@code Runtime},
 * {@code System}, thread or {@code Unsafe}, directly or through a returned object; and a
 * script can never look a class up by name. Static members are never exposed.
 *
 * <ul>
 *   <li>{@link #NONE}: scripts cannot use Java objects (the native builder's default);</li>
 *   <li>{@link #EXPLICIT}: only members marked {@link SkeinExport} (or all public members of a
 *       class marked with it);</li>
 *   <li>{@link #classes}: the public members of the listed classes and interfaces, on objects
 *       that are instances of them;</li>
 *   <li>{@link #PUBLIC}: public methods, fields and bean getters of every object handed over
 *       (the javax.script default: binding an object is the host's decision).</li>
 * </ul>
 */
public final class HostAccess {
    enum Kind { NONE, EXPLICIT, LISTED, PUBLIC }

    public static final HostAccess NONE = new HostAccess(Kind.NONE, List.of());
    public static final HostAccess EXPLICIT = new HostAccess(Kind.EXPLICIT, List.of());
    public static final HostAccess PUBLIC = new HostAccess(Kind.PUBLIC, List.of());

    private final Kind kind;
    private final List<Class<?>> listed;

    private HostAccess(Kind kind, List<Class<?>> listed) {
        this.kind = kind;
        this.listed = listed;
    }

    /** The public members of these classes (and interfaces), on objects that are instances of one of them. */
    public static HostAccess classes(Class<?>... types) {
        for (Class<?> t : types) {
            if (HostDenyList.deniedType(t)) throw new IllegalArgumentException(t.getName() + " can never be exposed to scripts");
        }
        return new HostAccess(Kind.LISTED, List.of(types));
    }

    /** True when scripts may hold Java objects at all. */
    public boolean allowsObjects() { return kind != Kind.NONE; }

    /** Whether a public instance member declared by {@code declaring}, used on an object of class {@code type}, is exposed. */
    boolean exposes(Class<?> type, Class<?> declaring, AnnotatedElement member) {
        return switch (kind) {
            case NONE -> false;
            case PUBLIC -> true;
            case EXPLICIT -> member.isAnnotationPresent(SkeinExport.class) || declaring.isAnnotationPresent(SkeinExport.class);
            case LISTED -> listed.stream().anyMatch(l -> l.isAssignableFrom(type) && l.isAssignableFrom(declaring));
        };
    }

    @Override public String toString() {
        return kind == Kind.LISTED ? "HostAccess.classes(" + listed.stream().map(Class::getName).toList() + ")" : "HostAccess." + kind;
    }
}
