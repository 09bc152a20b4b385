package dev.skein.interp;

import dev.skein.runtime.Builtin;
import dev.skein.runtime.Missing;
import dev.skein.runtime.RecordValue;
import dev.skein.runtime.ThreadState;
import dev.skein.runtime.TypeMethodTable;
import dev.skein.runtime.Values;

/**
 * The inline cache of one compiled call site {@code recv.name(a1, …, an)} with positional
 * arguments only. It remembers the method of a built-in type that the last receiver resolved
 * to ({@link TypeMethodTable#find} depends on the receiver's class alone); while receivers keep
 * that class, generated code lays out the method's slots itself (receiver first) and calls its
 * body, skipping the name lookup, the argument copy and {@code Signature.bind}; a body of one to
 * three slots ({@link Builtin.Body1} …) gets them as arguments, so the call allocates nothing.
 * A module's function of one to three slots ({@code random.choice(xs)}) is cached the same way,
 * guarded on the member {@link Calls#moduleMember} found being the same one. Anything else
 * (modules, records, futures, a mismatched class, a call {@code bind} would reject) takes
 * {@link #call}, the tree's path, which also refills the cache.
 */
final class MethodSite {
    /** What the site resolved: immutable, so a racing reader sees a whole entry or the old one. */
    static final class Entry {
        /** {@link #kind}: the slots go in an array ({@link #slots}). */
        static final int ARRAY = 0;
        /** {@link #kind}: a type's method of one to three slots, called with the receiver and the arguments one by one. */
        static final int METHOD = 1;
        /** {@link #kind}: a module's function of one to three slots, called with the arguments alone, one by one. */
        static final int FUNCTION = 2;

        final Class<?> type;
        final TypeMethodTable table;
        /** The module member this entry calls, or {@link Calls#NOT_A_MODULE} for a method of the receiver's type. */
        final Object member;
        final Builtin.Body body;
        /** The method's slot count; slots after the receiver and the arguments hold {@link Missing#MISSING}. */
        final int size;
        final int given;
        /** How generated code passes the slots: {@link #ARRAY}, {@link #METHOD} or {@link #FUNCTION} (see {@link Builtin.Positional}). */
        final int kind;

        private Entry(Class<?> type, TypeMethodTable table, Object member, Builtin m, int given, int kind) {
            this.type = type;
            this.table = table;
            this.member = member;
            this.body = m == null ? null : m.body();
            this.size = m == null ? 0 : m.signature().size();
            this.given = given;
            this.kind = kind;
        }

        /** A method of the receiver's type, found in {@code table}. */
        static Entry method(Class<?> type, TypeMethodTable table, Builtin m, int given) {
            return new Entry(type, table, Calls.NOT_A_MODULE, m, given, m.arity() != 0 ? METHOD : ARRAY);
        }

        /** A module's function {@code f} of one to three slots, called with the site's arguments alone. */
        static Entry function(Builtin f, int given) {
            return new Entry(null, null, f, f, given, FUNCTION);
        }

        /** Whether the call of {@code recv} (its module member {@code member}) on this thread's engine reaches this entry's body. */
        boolean fits(Object recv, Object member, ThreadState ts) {
            if (member != Calls.NOT_A_MODULE) return member == this.member;
            return recv != null && recv.getClass() == type && ts.interp().typeMethods() == table;
        }

        /** The method's slots, padded past the receiver and the arguments. */
        Object[] slots() {
            Object[] a = new Object[size];
            for (int i = given; i < a.length; i++) a[i] = Missing.MISSING;
            return a;
        }
    }

    private static final Entry EMPTY = new Entry(Void.class, null, null, null, 0, Entry.ARRAY);
    /** Past this many resolutions a site is megamorphic: it keeps its entry and takes the tree's path for other types. */
    private static final int MAX_LEARNED = 8;

    private final String name;
    private final int given;
    /** The last resolution (never null); written racily, which only costs a miss. */
    Entry entry = EMPTY;
    /** How often the site resolved anew: a site whose receivers keep changing type stops learning (a racy count is good enough). */
    private int learned;

    /** A site calling {@code name} with {@code arguments} positional arguments. */
    MethodSite(String name, int arguments) {
        this.name = name;
        this.given = arguments + 1;
    }

    /** The call when {@link Entry#fits} says no: exactly {@link Calls#callMethod}, then the cache learns the receiver's method or the module's function. */
    Object call(ThreadState ts, Object recv, Object member, Object[] args) {
        if (member == Calls.NOT_A_MODULE) learn(ts, recv);
        else if (learned <= MAX_LEARNED && member instanceof Builtin f && f.arity() != 0 && f.signature().fitsPositionally(given - 1)) {
            learned++;
            entry = Entry.function(f, given);   // Calls.callMethod reaches the same body through Builtin.call
        }
        return Calls.callMethod(ts, recv, member, name, args, null, true);
    }

    /** Caches the built-in type method {@code recv} resolves to, when {@link Values#callMethod} would reach it through the table. */
    private void learn(ThreadState ts, Object recv) {
        if (learned > MAX_LEARNED || recv == null || recv instanceof Values.MethodHost || recv instanceof RecordValue) return;
        TypeMethodTable table = ts.interp().typeMethods();
        Builtin m = table.find(recv, name);
        if (m == null || !m.signature().fitsPositionally(given)) return;
        learned++;
        entry = Entry.method(recv.getClass(), table, m, given);
    }
}
