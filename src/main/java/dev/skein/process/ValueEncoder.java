package dev.skein.process;

import dev.skein.interp.Cell;
import dev.skein.interp.Function;
import dev.skein.interp.ModuleInstance;
import dev.skein.runtime.Builtin;
import dev.skein.runtime.Bytes;
import dev.skein.runtime.Callable;
import dev.skein.runtime.ErrorKind;
import dev.skein.runtime.ErrorValue;
import dev.skein.runtime.Errors;
import dev.skein.runtime.Interpreter;
import dev.skein.runtime.Missing;
import dev.skein.runtime.ModuleValue;
import dev.skein.runtime.NativeModule;
import dev.skein.runtime.Ops;
import dev.skein.runtime.RangeValue;
import dev.skein.runtime.RecordType;
import dev.skein.runtime.RecordValue;
import dev.skein.runtime.SkeinDict;
import dev.skein.runtime.SkeinError;
import dev.skein.runtime.SkeinList;
import dev.skein.runtime.SkeinSet;
import dev.skein.runtime.TraceEntry;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
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
 */
final class ValueEncoder {
    private final Codec.Out out = new Codec.Out();
    private final Interpreter interp;
    private final String site;
    private final Deque<String> path = new ArrayDeque<>();
    private final IdentityHashMap<Object, Integer> seen = new IdentityHashMap<>();
    /** Globals to send as {module, name, value}, in discovery order, each once. */
    private final List<Object[]> globalQueue = new ArrayList<>();
    private final Set<String> queuedGlobals = new java.util.HashSet<>();
    private final Set<ModuleInstance> modules = new LinkedHashSet<>();
    private int depth;

    ValueEncoder(Interpreter interp, String site) {
        this.interp = interp;
        this.site = site;
        out.writeByte(Codec.VERSION);
    }

    byte[] bytes() { return out.toArray(); }

    Codec.Out out() { return out; }

    /** Modules whose code the message refers to (their sources must reach the worker first). */
    Set<ModuleInstance> modules() { return modules; }

    /** Encodes a value under a path segment such as "argument 2" or "result". */
    void value(Object v, String segment) {
        path.addLast(segment);
        try {
            write(v);
        } finally {
            path.removeLast();
        }
    }

    /** A call's arguments: a list (each named "argument N" in errors), then keyword names or none. */
    void arguments(Object[] args, String[] kwNames, String prefix) {
        int npos = args.length - (kwNames == null ? 0 : kwNames.length);
        rawList();
        out.writeInt(args.length);
        for (int i = 0; i < args.length; i++) {
            String seg = i < npos ? "argument " + (i + 1) : "keyword argument '" + kwNames[i - npos] + "'";
            value(args[i], prefix + seg);
        }
        if (kwNames == null) {
            out.writeByte(Codec.NONE);
        } else {
            rawList();
            out.writeInt(kwNames.length);
            for (String k : kwNames) { out.writeByte(Codec.STR); out.writeString(k); }
        }
    }

    /** A chunk's argument lists: a list of lists. */
    void batch(List<Object[]> items) {
        rawList();
        out.writeInt(items.size());
        for (int i = 0; i < items.size(); i++) {
            Object[] args = items.get(i);
            rawList();
            out.writeInt(args.length);
            for (int j = 0; j < args.length; j++) value(args[j], "item " + (i + 1) + " → argument " + (j + 1));
        }
        out.writeByte(Codec.NONE);
    }

    /** A list tag written for the message's own structure: it takes a reference number, as every list does when read. */
    private void rawList() {
        seen.put(new Object(), seen.size());
        out.writeByte(Codec.LIST);
    }

    /**
     * Encodes the module globals the encoded functions read — transitively, since a global may
     * hold another function reading more globals. Written as: module count, then per module its
     * key, a count, and name/value pairs.
     */
    void writeGlobals() {
        for (int i = 0; i < globalQueue.size(); i++) {   // encoding one may queue more
            Object[] g = globalQueue.get(i);
            out.writeByte(1);  // another global follows
            out.writeString(((ModuleInstance) g[0]).file());
            out.writeString((String) g[1]);
            value(g[2], "global '" + g[1] + "'");
        }
        out.writeByte(0);
    }

    private SkeinError notPortable(String what) {
        String where = String.join(" → ", path);
        return Errors.of(ErrorKind.PORTABILITY, (where.isEmpty() ? "" : where + ": ") + what + " cannot cross a process boundary"
                + (site == null ? "" : " (" + site + ")"));
    }

    private boolean backref(Object v) {
        Integer id = seen.get(v);
        if (id != null) {
            out.writeByte(Codec.BACKREF);
            out.writeInt(id);
            return true;
        }
        seen.put(v, seen.size());
        return false;
    }

    private void write(Object v) {
        if (++depth > Codec.MAX_DEPTH) throw Errors.of(ErrorKind.PORTABILITY, String.join(" → ", path) + ": the value is nested too deeply to send");
        try {
            writeValue(v);
        } finally {
            depth--;
        }
    }

    private void writeValue(Object v) {
        if (v == null) { out.writeByte(Codec.NONE); return; }
        if (v instanceof Boolean b) { out.writeByte(b ? Codec.TRUE : Codec.FALSE); return; }
        if (v instanceof Long l) { out.writeByte(Codec.INT); out.writeLong(l); return; }
        if (v instanceof Double d) { out.writeByte(Codec.FLOAT); out.writeDouble(d); return; }
        if (v instanceof String s) { out.writeByte(Codec.STR); out.writeString(s); return; }
        if (v instanceof BigInteger b) { out.writeByte(Codec.BIGINT); out.writeBytes(b.toByteArray()); return; }
        if (v instanceof Bytes b) { out.writeByte(Codec.BYTES); out.writeBytes(b.unsafeArray()); return; }
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
            out.writeByte(Codec.LIST);
            out.writeInt(items.length);
            for (int i = 0; i < items.length; i++) value(items[i], "[" + i + "]");
            return;
        }
        if (v instanceof SkeinDict d) {
            if (backref(v)) return;
            Object[] kv = d.entriesSnapshot();
            out.writeByte(Codec.DICT);
            out.writeInt(kv.length / 2);
            for (int i = 0; i < kv.length; i += 2) {
                String key = kv[i] instanceof String str ? "\"" + str + "\"" : Ops.repr(kv[i]);
                value(kv[i], "key " + key);
                value(kv[i + 1], key);
            }
            return;
        }
        if (v instanceof SkeinSet s) {
            if (backref(v)) return;
            Object[] items = s.snapshot();
            out.writeByte(Codec.SET);
            out.writeInt(items.length);
            for (Object item : items) value(item, "{" + Ops.repr(item) + "}");
            return;
        }
        if (v instanceof RecordValue r) {
            if (backref(v)) return;
            out.writeByte(Codec.RECORD);
            recordType(r.type());
            for (int i = 0; i < r.size(); i++) value(r.get(i), "." + r.type().field(i));
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
            value(e.cause(), "cause");
            return;
        }
        if (v instanceof ErrorKind k) { out.writeByte(Codec.ERROR_KIND); out.writeString(k.name()); return; }
        if (v instanceof Function f) { function(f); return; }
        if (v instanceof NativeModule m) { out.writeByte(Codec.STD_MODULE); out.writeString(m.moduleName()); return; }
        if (v instanceof ModuleInstance m) {
            modules.add(m);
            out.writeByte(Codec.SCRIPT_MODULE);
            out.writeString(m.file());
            for (String name : m.memberNames()) global(m, name);
            return;
        }
        if (v instanceof dev.skein.runtime.BoundMethod bm) {
            out.writeByte(Codec.BOUND_METHOD);
            value(bm.receiver(), "receiver");
            out.writeString(bm.methodName());
            return;
        }
        if (v instanceof Builtin || v instanceof Callable) {
            String problem = dev.skein.embed.WorkerSupport.portabilityProblem(v);
            if (problem != null) {
                String where = String.join(" → ", path);
                throw Errors.of(ErrorKind.PORTABILITY, (where.isEmpty() ? "" : where + ": ") + problem + (site == null ? "" : " (" + site + ")"));
            }
            String name = BuiltinNames.of(interp).get(v);   // built on first need: it loads every std module
            if (name != null) { out.writeByte(Codec.BUILTIN); out.writeString(name); return; }
            throw notPortable(v instanceof Builtin ? "the function " + ((Callable) v).name() + " (made in Java by the host)" : "a host function");
        }
        throw notPortable(article(Ops.typeName(v)));
    }

    private void recordType(RecordType t) {
        if (backref(t)) return;
        out.writeByte(Codec.RECORD_TYPE);
        out.writeString(t.name());
        out.writeString(t.definedAt());
        out.writeInt(t.fieldCount());
        for (int i = 0; i < t.fieldCount(); i++) {
            out.writeString(t.field(i));
            value(t.defaultAt(i), "default of " + t.name() + "." + t.field(i));
        }
    }

    private void function(Function f) {
        if (backref(f)) return;
        ModuleInstance m = f.module();
        modules.add(m);
        out.writeByte(Codec.FUNCTION);
        out.writeString(m.file());
        out.writeString(f.code().key());
        Cell[] cells = f.captured();
        out.writeInt(cells.length);
        for (Cell c : cells) {
            if (backref(c)) continue;
            out.writeByte(Codec.CELL);
            value(c.value, "captured by " + f.name());
        }
        for (String g : f.code().globalsRead()) global(m, g);
    }

    private void global(ModuleInstance m, String name) {
        Object v = m.get(name);
        if (v == Missing.MISSING || !queuedGlobals.add(m.file() + "\0" + name)) return;
        modules.add(m);
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
                    Object v = m.member(member);
                    if (v instanceof Callable) names.putIfAbsent(v, mod + "." + member);
                }
            }
        }
    }
}
