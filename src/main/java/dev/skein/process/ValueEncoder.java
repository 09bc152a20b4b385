package dev.skein.process;

import dev.skein.interp.Cell;
import dev.skein.interp.Function;
import dev.skein.interp.ModuleInstance;
import dev.skein.runtime.Builtin;
import dev.skein.runtime.Bytes;
import dev.skein.runtime.Callable;
import dev.skein.runtime.Convert;
import dev.skein.runtime.ErrorKind;
import dev.skein.runtime.ErrorValue;
import dev.skein.runtime.Errors;
import dev.skein.runtime.Interpreter;
import dev.skein.runtime.Missing;
import dev.skein.runtime.ModuleValue;
import dev.skein.runtime.NativeModule;
import dev.skein.runtime.RangeValue;
import dev.skein.runtime.RecordType;
import dev.skein.runtime.RecordValue;
import dev.skein.runtime.SkeinDict;
import dev.skein.runtime.SkeinError;
import dev.skein.runtime.SkeinList;
import dev.skein.runtime.SkeinSet;
import dev.skein.runtime.TraceEntry;
import dev.skein.runtime.Values;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Encodes values for a process boundary and, in the same pass, checks they may cross it. A
 * value that may not raises PortabilityError naming the path to it, e.g.
 * {@code argument 2 → [3] → "conn": a lock cannot cross a process boundary (x.skein:12)}.
 * Functions go by reference (their code's key) with their captured cells by value; the module
 * globals they read are collected and encoded too ({@link #writeGlobals()}).
 *
 * <p>The path is only built when something fails: the failure unwinds as {@link Unportable}
 * and each level it passes adds its segment, so encoding a million list elements costs no
 * string building. Bookkeeping (seen objects, globals, modules) is allocated on first need.
 */
final class ValueEncoder {
    private final Codec.Out out;
    private final Interpreter interp;
    private final String site;
    private IdentityHashMap<Object, Integer> seen;
    /** Reference numbers handed out so far (every list, dict, set, record, error, function, cell). */
    private int refCount;
    private Map<Object, String> builtinNames;
    /** Globals to send as {module, name, value}, in discovery order, each once. */
    private List<Object[]> globalQueue;
    private Set<String> queuedGlobals;
    private Set<ModuleInstance> modules;
    private int depth;

    ValueEncoder(Interpreter interp, String site) {
        this(interp, site, new Codec.Out());
    }

    /** Encodes into {@code out}, after what it already holds (a frame header, earlier items). */
    ValueEncoder(Interpreter interp, String site, Codec.Out out) {
        this.interp = interp;
        this.site = site;
        this.out = out;
        out.writeByte(Codec.VERSION);
    }

    /**
     * Writes a whole encoding (version byte and value) of none, a bool, a small int, a float or
     * a str — values that are always portable and take no reference number — without the
     * encoder's bookkeeping. False (and nothing written) for anything else.
     */
    static boolean writePlain(Codec.Out out, Object v) {
        if (v instanceof Long l) {
            out.writeByte(Codec.VERSION);
            out.writeTaggedLong(Codec.INT, l);
        } else if (v == null) {
            out.writeByte(Codec.VERSION);
            out.writeByte(Codec.NONE);
        } else if (v instanceof String str) {
            out.writeByte(Codec.VERSION);
            out.writeByte(Codec.STR);
            out.writeString(str);
        } else if (v instanceof Double d) {
            out.writeByte(Codec.VERSION);
            out.writeTaggedLong(Codec.FLOAT, Double.doubleToRawLongBits(d));
        } else if (v instanceof Boolean b) {
            out.writeByte(Codec.VERSION);
            out.writeByte(b ? Codec.TRUE : Codec.FALSE);
        } else {
            return false;
        }
        return true;
    }

    byte[] bytes() { return out.toArray(); }

    Codec.Out out() { return out; }

    /** Modules whose code the message refers to (their sources must reach the worker first). */
    Set<ModuleInstance> modules() { return modules == null ? Set.of() : modules; }

    /** A failure on the way down; each enclosing level adds its path segment as it unwinds. */
    private static final class Unportable extends RuntimeException {
        final ArrayDeque<String> segments = new ArrayDeque<>();
        final String tail;
        final boolean tooDeep;

        Unportable(String tail, boolean tooDeep) {
            super(tail, null, false, false);
            this.tail = tail;
            this.tooDeep = tooDeep;
        }

        Unportable at(String segment) {
            segments.addFirst(segment);
            return this;
        }
    }

    private SkeinError error(Unportable u) {
        String where = PortabilityPath.show(u.segments);
        if (u.tooDeep) return Errors.of(ErrorKind.PORTABILITY, where + ": " + u.tail);
        return Errors.of(ErrorKind.PORTABILITY, (where.isEmpty() ? "" : where + ": ") + u.tail + (site == null ? "" : " (" + site + ")"));
    }

    /** Encodes a value under a path segment such as "argument 2" or "result". */
    void value(Object v, String segment) {
        try {
            write(v);
        } catch (Unportable u) {
            throw error(u.at(segment));
        }
    }

    /**
     * The whole encoding of a task: the function, its arguments (or a chunk's argument lists)
     * and the globals they read. {@code firstItem}: for a task of a map, the index of its (first)
     * item in the map's input, named in errors; -1 for a plain call.
     */
    static ValueEncoder task(Interpreter interp, Object callee, Object[] args, String[] kwNames, List<Object[]> batch, long firstItem, String site) {
        ValueEncoder enc = new ValueEncoder(interp, site);
        enc.value(callee, "the function");
        if (batch != null) enc.batch(batch, firstItem);
        else enc.arguments(args, kwNames, firstItem < 0 ? "" : "item " + firstItem + " → ");
        enc.writeGlobals();
        return enc;
    }

    /** A call's arguments: a list (each named "argument N" in errors), then keyword names or none. */
    void arguments(Object[] args, String[] kwNames, String prefix) {
        int npos = args.length - (kwNames == null ? 0 : kwNames.length);
        rawList();
        out.writeInt(args.length);
        for (int i = 0; i < args.length; i++) {
            try {
                write(args[i]);
            } catch (Unportable u) {
                throw error(u.at(prefix + (i < npos ? "argument " + (i + 1) : "keyword argument '" + kwNames[i - npos] + "'")));
            }
        }
        if (kwNames == null) {
            out.writeByte(Codec.NONE);
        } else {
            rawList();
            out.writeInt(kwNames.length);
            for (String k : kwNames) { out.writeByte(Codec.STR); out.writeString(k); }
        }
    }

    /** A chunk's argument lists: a list of lists; the first is item {@code firstItem} of the map's input. */
    void batch(List<Object[]> items, long firstItem) {
        rawList();
        out.writeInt(items.size());
        for (int i = 0; i < items.size(); i++) {
            Object[] args = items.get(i);
            rawList();
            out.writeInt(args.length);
            for (int j = 0; j < args.length; j++) {
                try {
                    if (args[j] instanceof Long n) out.writeTaggedLong(Codec.INT, n);   // the common case, without the depth check
                    else write(args[j]);
                } catch (Unportable u) {
                    throw error(u.at("item " + (firstItem + i) + " → argument " + (j + 1)));
                }
            }
        }
        out.writeByte(Codec.NONE);
    }

    /** A list tag written for the message's own structure: it takes a reference number, as every list does when read. */
    private void rawList() {
        refCount++;
        out.writeByte(Codec.LIST);
    }

    /**
     * Encodes the module globals the encoded functions read — transitively, since a global may
     * hold another function reading more globals. Written as: module count, then per module its
     * key, a count, and name/value pairs.
     */
    void writeGlobals() {
        for (int i = 0; globalQueue != null && i < globalQueue.size(); i++) {   // encoding one may queue more
            Object[] g = globalQueue.get(i);
            out.writeByte(1);  // another global follows
            out.writeString(((ModuleInstance) g[0]).file());
            out.writeString((String) g[1]);
            value(g[2], "global '" + g[1] + "'");
        }
        out.writeByte(0);
    }

    private static Unportable notPortable(String what) {
        return new Unportable(what + " cannot cross a process boundary", false);
    }

    private boolean backref(Object v) {
        if (seen == null) seen = new IdentityHashMap<>();
        Integer id = seen.putIfAbsent(v, refCount);
        if (id != null) {
            out.writeByte(Codec.BACKREF);
            out.writeInt(id);
            return true;
        }
        refCount++;
        return false;
    }

    private void write(Object v) {
        if (++depth > Codec.MAX_DEPTH) {
            depth--;
            throw new Unportable("the value is nested too deeply to send", true);
        }
        try {
            writeValue(v);
        } catch (StackOverflowError deep) {   // a thread with a small stack: the same clean error, sooner
            throw new Unportable("the value is nested too deeply to send (this thread's stack ran out at depth " + depth + ")", true);
        } finally {
            depth--;
        }
    }

    /** Encodes a part of a value, naming it in the path if it fails. */
    private void child(Object v, String segment) {
        try {
            write(v);
        } catch (Unportable u) {
            throw u.at(segment);
        }
    }

    private void writeValue(Object v) {
        if (v == null) { out.writeByte(Codec.NONE); return; }
        if (v instanceof Long l) { out.writeTaggedLong(Codec.INT, l); return; }
        if (v instanceof Boolean b) { out.writeByte(b ? Codec.TRUE : Codec.FALSE); return; }
        if (v instanceof Double d) { out.writeTaggedLong(Codec.FLOAT, Double.doubleToRawLongBits(d)); return; }
        if (v instanceof String s) { out.writeByte(Codec.STR); out.writeString(s); return; }
        if (v instanceof BigInteger b) { out.writeByte(Codec.BIGINT); out.writeBytes(b.toByteArray()); return; }
        if (v instanceof Bytes b) { out.writeByte(Codec.BYTES); out.writeShared(b.unsafeArray()); return; }   // bytes never change
        if (v instanceof RangeValue r) {
            out.writeByte(Codec.RANGE);
            out.writeLong(r.start());
            out.writeLong(r.stop());
            out.writeLong(r.step());
            return;
        }
        if (v == Missing.MISSING) { out.writeByte(Codec.MISSING); return; }
        if (v instanceof SkeinList l) {
            if (backref(v)) return;
            Object[] items = l.snapshot();
            // Room for a list of small ints at once: a big list then grows its buffer once, not log(n) times.
            if (items.length > 64) out.reserve(5 + 9L * items.length);
            out.writeByte(Codec.LIST);
            out.writeInt(items.length);
            int i = 0;
            try {
                for (; i < items.length; i++) {
                    Object item = items[i];
                    if (item instanceof Long n) out.writeTaggedLong(Codec.INT, n);   // the common case, without the depth check
                    else write(item);
                }
            } catch (Unportable u) {
                throw u.at("[" + i + "]");
            }
            return;
        }
        if (v instanceof SkeinDict d) {
            if (backref(v)) return;
            Object[] kv = d.entriesSnapshot();
            out.writeByte(Codec.DICT);
            out.writeInt(kv.length / 2);
            for (int i = 0; i < kv.length; i += 2) {
                Object k = kv[i];
                boolean atKey = true;
                try {
                    write(k);
                    atKey = false;
                    write(kv[i + 1]);
                } catch (Unportable u) {
                    String key = k instanceof String str ? "\"" + str + "\"" : Convert.repr(k);
                    throw u.at(atKey ? "key " + key : key);
                }
            }
            return;
        }
        if (v instanceof SkeinSet s) {
            if (backref(v)) return;
            Object[] items = s.snapshot();
            out.writeByte(Codec.SET);
            out.writeInt(items.length);
            for (Object item : items) {
                try {
                    write(item);
                } catch (Unportable u) {
                    throw u.at("{" + Convert.repr(item) + "}");
                }
            }
            return;
        }
        if (v instanceof RecordValue r) {
            if (backref(v)) return;
            out.writeByte(Codec.RECORD);
            recordType(r.type());
            for (int i = 0; i < r.size(); i++) {
                try {
                    write(r.get(i));
                } catch (Unportable u) {
                    throw u.at("." + r.type().field(i));
                }
            }
            return;
        }
        if (v instanceof RecordType t) {
            out.writeByte(Codec.RECORD_TYPE_VALUE);
            recordType(t);
            return;
        }
        if (v instanceof ErrorValue e) {
            if (backref(v)) return;
            out.writeByte(Codec.ERROR);
            out.writeString(e.kind().name());
            out.writeString(e.message());
            List<TraceEntry> trace = e.trace();
            out.writeInt(trace.size());
            for (TraceEntry t : trace) {
                out.writeString(t.file());
                out.writeInt(t.line());
                out.writeInt(t.column());
                out.writeString(t.function());
            }
            child(e.cause(), "cause");
            return;
        }
        if (v instanceof ErrorKind k) { out.writeByte(Codec.ERROR_KIND); out.writeString(k.name()); return; }
        if (v instanceof Function f) { function(f); return; }
        if (v instanceof NativeModule m) { out.writeByte(Codec.STD_MODULE); out.writeString(m.moduleName()); return; }
        if (v instanceof ModuleInstance m) {
            addModule(m);
            out.writeByte(Codec.SCRIPT_MODULE);
            out.writeString(m.file());
            for (String name : m.memberNames()) global(m, name);
            return;
        }
        if (v instanceof dev.skein.runtime.BoundMethod bm) {
            out.writeByte(Codec.BOUND_METHOD);
            child(bm.receiver(), "receiver");
            out.writeString(bm.methodName());
            return;
        }
        if (v instanceof dev.skein.runtime.StandardStream s) {   // the worker's own stream of that name
            out.writeByte(Codec.BUILTIN);
            out.writeString(s.builtinName());
            return;
        }
        if (v instanceof Callable c && c.receiver() != null) {
            child(c.receiver(), "receiver");   // a method of an object that cannot cross: the error names the object
            throw notPortable("a method of " + article(Values.typeName(c.receiver())));
        }
        if (v instanceof Builtin || v instanceof Callable) {
            String problem = HostFunctions.portabilityProblem(v);
            if (problem != null) throw new Unportable(problem, false);
            if (builtinNames == null) builtinNames = BuiltinNames.of(interp);
            String name = builtinNames.get(v);
            if (name != null) { out.writeByte(Codec.BUILTIN); out.writeString(name); return; }
            throw notPortable(v instanceof Builtin ? "the function " + ((Callable) v).name() + " (made in Java by the host)" : "a host function");
        }
        throw notPortable(article(Values.typeName(v)));
    }

    private void recordType(RecordType t) {
        if (backref(t)) return;
        out.writeByte(Codec.RECORD_TYPE);
        out.writeString(t.name());
        out.writeString(t.definedAt());
        out.writeInt(t.fieldCount());
        for (int i = 0; i < t.fieldCount(); i++) {
            out.writeString(t.field(i));
            try {
                write(t.defaultAt(i));
            } catch (Unportable u) {
                throw u.at("default of " + t.name() + "." + t.field(i));
            }
        }
    }

    private void function(Function f) {
        if (backref(f)) return;
        ModuleInstance m = f.module();
        addModule(m);
        out.writeByte(Codec.FUNCTION);
        out.writeString(m.file());
        out.writeString(f.code().key());
        Cell[] cells = f.captured();
        out.writeInt(cells.length);
        for (Cell c : cells) {
            if (backref(c)) continue;
            out.writeByte(Codec.CELL);
            child(c.value, "captured by " + f.name());
        }
        for (String g : f.code().globalsRead()) global(m, g);
    }

    private void addModule(ModuleInstance m) {
        if (modules == null) modules = new LinkedHashSet<>();
        modules.add(m);
    }

    private void global(ModuleInstance m, String name) {
        Object v = m.get(name);
        if (v == Missing.MISSING) return;
        if (queuedGlobals == null) {
            queuedGlobals = new HashSet<>();
            globalQueue = new ArrayList<>();
        }
        if (!queuedGlobals.add(m.file() + "\0" + name)) return;
        addModule(m);
        globalQueue.add(new Object[] {m, name, v});
    }

    static String article(String typeName) {
        return ("aeiou".indexOf(typeName.charAt(0)) >= 0 ? "an " : "a ") + typeName;
    }

    /** Reverse lookup of builtin functions and standard-module members: value → "len", "math.sqrt". */
    static final class BuiltinNames {
        private BuiltinNames() {}

        static Map<Object, String> of(Interpreter interp) {
            return interp.service(BuiltinNamesHolder.class, BuiltinNamesHolder::new).names;
        }
    }

    static final class BuiltinNamesHolder {
        final Map<Object, String> names = new IdentityHashMap<>();

        BuiltinNamesHolder(Interpreter interp) {
            interp.builtins().forEach((n, v) -> names.put(v, n));
            for (String mod : interp.stdModuleNames()) {
                ModuleValue m = interp.stdModule(mod);
                for (String member : m.memberNames()) {
                    Object v;
                    try {
                        v = m.member(member);
                    } catch (SkeinError denied) {   // os.env in a sandbox: not a function anyway
                        continue;
                    }
                    if (v instanceof Callable) names.putIfAbsent(v, mod + "." + member);
                }
            }
        }
    }
}
