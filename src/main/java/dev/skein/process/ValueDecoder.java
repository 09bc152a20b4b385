package dev.skein.process;

import dev.skein.interp.Cell;
import dev.skein.interp.Code;
import dev.skein.interp.Function;
import dev.skein.interp.ModuleInstance;
import dev.skein.interp.Runner;
import dev.skein.runtime.Arith;
import dev.skein.runtime.Bytes;
import dev.skein.runtime.ErrorKind;
import dev.skein.runtime.ErrorValue;
import dev.skein.runtime.Interpreter;
import dev.skein.runtime.Missing;
import dev.skein.runtime.ModuleValue;
import dev.skein.runtime.RangeValue;
import dev.skein.runtime.RecordType;
import dev.skein.runtime.RecordValue;
import dev.skein.runtime.SkeinDict;
import dev.skein.runtime.SkeinList;
import dev.skein.runtime.SkeinSet;
import dev.skein.runtime.TraceEntry;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads values written by {@link ValueEncoder}. Every length and index is checked; anything
 * unexpected is a {@link Codec.MalformedFrame}. Functions are looked up by their code's key in
 * this process's compiled sources — decoding never runs code.
 */
final class ValueDecoder {
    /** Maps a module key to this process's instance of that module. */
    interface Modules {
        ModuleInstance module(String key);
    }

    private final Codec.In in;
    private final Interpreter interp;
    private Runner runner;
    private final Modules modules;
    private final List<Object> refs = new ArrayList<>();
    private int depth;

    /** Reads the encoding that starts at {@code offset} and runs to the end of {@code payload}. */
    ValueDecoder(byte[] payload, int offset, Interpreter interp, Modules modules) {
        this(payload, offset, payload.length, interp, modules);
    }

    /** Reads the encoding in {@code payload[from, to)} (one item of a batch). */
    ValueDecoder(byte[] payload, int from, int to, Interpreter interp, Modules modules) {
        this.in = new Codec.In(payload, from, to);
        byte version = in.readByte();
        if (version != Codec.VERSION) throw new Codec.MalformedFrame("unknown encoding version " + version);
        this.interp = interp;
        this.modules = modules;
    }

    /** What {@link #readPlain} returns for an encoding that is not a lone plain value. */
    static final Object NOT_PLAIN = new Object();

    /**
     * Reads {@code payload[from, to)} when it is exactly the encoding of a small int, a float,
     * none or a bool (what {@link ValueEncoder#writePlain} wrote), without a decoder; otherwise
     * {@link #NOT_PLAIN}, and the caller decodes it in full.
     */
    static Object readPlain(byte[] payload, int from, int to) {
        if (from < 0 || to > payload.length || to - from < 2 || payload[from] != Codec.VERSION) return NOT_PLAIN;
        byte tag = payload[from + 1];
        int len = to - from;
        if (len == 10 && (tag == Codec.INT || tag == Codec.FLOAT)) {
            Codec.In in = new Codec.In(payload, from + 2, to);
            long bits = in.readLong();
            return tag == Codec.INT ? (Object) bits : (Object) Double.longBitsToDouble(bits);
        }
        if (len == 2) {
            if (tag == Codec.NONE) return null;
            if (tag == Codec.TRUE) return Boolean.TRUE;
            if (tag == Codec.FALSE) return Boolean.FALSE;
        }
        return NOT_PLAIN;
    }

    private Runner runner() {
        if (runner == null) runner = Runner.of(interp);
        return runner;
    }

    Codec.In in() { return in; }

    Object read() {
        // The envelope's own lists (a task's arguments, a chunk's items) nest values a little deeper
        // than the encoder's limit counts.
        if (++depth > Codec.MAX_DEPTH + Codec.ENVELOPE_DEPTH) throw new Codec.MalformedFrame("value nested too deeply");
        try {
            return readValue();
        } catch (StackOverflowError deep) {
            throw new Codec.MalformedFrame("value nested too deeply for this thread's stack (depth " + depth + ")");
        } finally {
            depth--;
        }
    }

    /** Reads the globals section and stores each value into its module. */
    void readGlobalsInto(java.util.Set<String> keep) {
        while (in.readByte() == 1) {
            ModuleInstance m = modules.module(in.readString());
            String name = in.readString();
            Object v = read();
            if (!keep.contains(m.file() + "\0" + name)) m.set(name, v);
        }
    }

    private Object ref(int id) {
        if (id < 0 || id >= refs.size()) throw new Codec.MalformedFrame("bad back-reference " + id);
        return refs.get(id);
    }

    private Object readValue() {
        byte tag = in.readByte();
        switch (tag) {
            case Codec.NONE: return null;
            case Codec.TRUE: return Boolean.TRUE;
            case Codec.FALSE: return Boolean.FALSE;
            case Codec.INT: return in.readLong();
            case Codec.FLOAT: return in.readDouble();
            case Codec.STR: return in.readString();
            case Codec.MISSING: return Missing.MISSING;
            case Codec.BIGINT: {
                byte[] b = in.readBytes();
                if (b.length == 0) throw new Codec.MalformedFrame("empty big integer");
                return Arith.norm(new BigInteger(b));
            }
            case Codec.BYTES: return Bytes.wrap(in.readBytes());
            case Codec.RANGE: {
                long start = in.readLong(), stop = in.readLong(), step = in.readLong();
                if (step == 0) throw new Codec.MalformedFrame("range with step 0");
                return new RangeValue(start, stop, step);
            }
            case Codec.BACKREF: return ref(in.readInt());
            case Codec.LIST: {
                int n = in.readLength(1);
                SkeinList l = new SkeinList(0);
                refs.add(l);   // before its items: an item may refer back to it
                Object[] items = new Object[n];
                for (int i = 0; i < n; i++) items[i] = read();
                l.replaceAll(items);
                return l;
            }
            case Codec.DICT: {
                int n = in.readLength(2);
                SkeinDict d = new SkeinDict(n);
                refs.add(d);
                for (int i = 0; i < n; i++) {
                    Object k = read();
                    Object v = read();
                    try {
                        d.put(k, v);
                    } catch (dev.skein.runtime.SkeinError unhashable) {   // a list as key: no encoder writes that
                        throw new Codec.MalformedFrame(unhashable.value().message());
                    }
                }
                return d;
            }
            case Codec.SET: {
                int n = in.readLength(1);
                SkeinSet s = new SkeinSet();
                refs.add(s);
                for (int i = 0; i < n; i++) {
                    Object item = read();
                    try {
                        s.add(item);
                    } catch (dev.skein.runtime.SkeinError unhashable) {
                        throw new Codec.MalformedFrame(unhashable.value().message());
                    }
                }
                return s;
            }
            case Codec.RECORD: {
                int slot = refs.size();
                refs.add(null);
                RecordType t = recordType();
                // Registered before its fields are read, so a cycle back to it resolves.
                Object[] values = new Object[t.fieldCount()];
                RecordValue r = new RecordValue(t, values);
                refs.set(slot, r);
                for (int i = 0; i < values.length; i++) values[i] = read();
                return r;
            }
            case Codec.RECORD_TYPE_VALUE: return recordType();
            case Codec.ERROR: {
                int slot = refs.size();
                refs.add(null);
                String kindName = in.readString();
                ErrorKind kind = ErrorKind.BUILTIN.getOrDefault(kindName, ErrorKind.ERROR);
                String message = in.readString();
                int n = in.readLength(16);
                List<TraceEntry> trace = new ArrayList<>(n);
                for (int i = 0; i < n; i++) trace.add(new TraceEntry(in.readString(), in.readInt(), in.readInt(), in.readString()));
                ErrorValue e = new ErrorValue(kind, message, null);
                refs.set(slot, e);
                for (TraceEntry t : trace) e.addTrace(t);
                Object cause = read();
                if (cause instanceof ErrorValue c) e.setCause(c);
                return e;
            }
            case Codec.ERROR_KIND: {
                ErrorKind k = ErrorKind.BUILTIN.get(in.readString());
                if (k == null) throw new Codec.MalformedFrame("unknown error kind");
                return k;
            }
            case Codec.FUNCTION: return function();
            case Codec.BUILTIN: return builtin(in.readString());
            case Codec.STD_MODULE: {
                ModuleValue m = interp.stdModule(in.readString());
                if (m == null) throw new Codec.MalformedFrame("unknown standard module");
                return m;
            }
            case Codec.SCRIPT_MODULE: return modules.module(in.readString());
            case Codec.BOUND_METHOD: {
                Object receiver = read();
                return new dev.skein.runtime.BoundMethod(receiver, in.readString());
            }
            default: throw new Codec.MalformedFrame("unknown value tag " + tag);
        }
    }

    private RecordType recordType() {
        byte first = in.readByte();
        if (first == Codec.BACKREF) {
            Object t = ref(in.readInt());
            if (!(t instanceof RecordType rt)) throw new Codec.MalformedFrame("back-reference is not a record type");
            return rt;
        }
        if (first != Codec.RECORD_TYPE) throw new Codec.MalformedFrame("expected a record type");
        int slot = refs.size();
        refs.add(null);
        String name = in.readString();
        String definedAt = in.readString();
        int n = in.readLength(5);
        String[] fields = new String[n];
        Object[] defaults = new Object[n];
        for (int i = 0; i < n; i++) {
            fields[i] = in.readString();
            defaults[i] = read();
        }
        RecordType t = runner().recordType(name, fields, defaults, definedAt);
        refs.set(slot, t);
        return t;
    }

    private Function function() {
        int slot = refs.size();
        refs.add(null);
        ModuleInstance m = modules.module(in.readString());
        String key = in.readString();
        Code code = runner().code(key);
        if (code == null) throw new Codec.MalformedFrame("no function compiled at " + key);
        int n = in.readLength(1);
        Cell[] cells = new Cell[n];
        // Registered before its cells are read: a recursive closure captures itself.
        Function f;
        try {
            f = Function.of(code, cells, m);
        } catch (IllegalArgumentException mismatch) {
            throw new Codec.MalformedFrame(mismatch.getMessage());
        }
        refs.set(slot, f);
        for (int i = 0; i < n; i++) {
            byte tag = in.readByte();
            if (tag == Codec.BACKREF) {
                Object c = ref(in.readInt());
                if (!(c instanceof Cell cell)) throw new Codec.MalformedFrame("back-reference is not a cell");
                cells[i] = cell;
            } else if (tag == Codec.CELL) {
                Cell cell = new Cell(null);
                refs.add(cell);
                cell.value = read();
                cells[i] = cell;
            } else {
                throw new Codec.MalformedFrame("expected a captured cell");
            }
        }
        return f;
    }

    private Object builtin(String name) {
        int dot = name.indexOf('.');
        Object v;
        if (dot < 0) {
            v = interp.builtins().get(name);
        } else {
            ModuleValue m = interp.stdModule(name.substring(0, dot));
            v = m == null ? null : m.member(name.substring(dot + 1));
        }
        if (v == null || v == Missing.MISSING) throw new Codec.MalformedFrame("unknown builtin " + name);
        return v;
    }
}
