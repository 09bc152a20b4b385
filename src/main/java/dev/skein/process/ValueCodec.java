package dev.skein.process;

import dev.skein.interp.ModuleInstance;
import dev.skein.runtime.Errors;
import dev.skein.runtime.Interpreter;
import dev.skein.runtime.SkeinList;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Set;
import java.util.function.Function;

/**
 * Skein's value encoding as a public API, independent of pipes and processes: a portable value
 * or a task envelope to bytes and back, or to a {@link DataOutput} and back. Every encoding starts
 * with the version byte {@link #VERSION}; a decoder refuses any other. The process pool carries
 * exactly these bytes between a parent and its workers, and so can any other transport.
 *
 * <p>What is portable, and the PortabilityError for what is not, is described in docs/language.md
 * §13. Decoding never trusts its input: a malformed or foreign encoding is a ValueError.
 */
public final class ValueCodec {
    private ValueCodec() {}

    /** The version byte every encoding starts with. */
    public static final int VERSION = Codec.VERSION;

    /** A call that travels: its function, positional and keyword arguments ({@code kwNames} name the last ones). */
    public record TaskEnvelope(Object callee, Object[] args, String[] kwNames) {}

    /** The encoding of {@code value}; PortabilityError (a SkeinError) if it cannot cross. */
    public static byte[] encode(Interpreter interp, Object value) {
        ValueEncoder enc = new ValueEncoder(interp, null);
        enc.value(value, "the value");
        return enc.out().toArray();
    }

    /** A value from its encoding; functions of script modules are found with {@code modules}. */
    public static Object decode(Interpreter interp, byte[] bytes, Function<String, ModuleInstance> modules) {
        try {
            ValueDecoder d = new ValueDecoder(bytes, 0, interp, modules::apply);
            Object v = d.read();
            d.in().expectEnd();
            return v;
        } catch (Codec.MalformedFrame bad) {
            throw Errors.value("not a Skein value encoding: " + bad.getMessage());
        }
    }

    /** A value that refers to no script module. */
    public static Object decode(Interpreter interp, byte[] bytes) {
        return decode(interp, bytes, key -> null);
    }

    /** Writes {@code value} to {@code out}: its length (int), then its encoding. */
    public static void write(Interpreter interp, Object value, DataOutput out) throws IOException {
        byte[] b = encode(interp, value);
        out.writeInt(b.length);
        out.write(b);
    }

    /** Reads a value written by {@link #write}. */
    public static Object read(Interpreter interp, DataInput in, Function<String, ModuleInstance> modules) throws IOException {
        int n = in.readInt();
        if (n < 2 || n > Wire.MAX_FRAME) throw Errors.value("not a Skein value encoding: length " + n);
        byte[] b = new byte[n];
        in.readFully(b);
        return decode(interp, b, modules);
    }

    /**
     * A task envelope: the function, the arguments and the module globals the function reads
     * (which travel as values), checked for portability with {@code site} named in errors.
     */
    public static byte[] encodeTask(Interpreter interp, TaskEnvelope task, String site) {
        ValueEncoder enc = new ValueEncoder(interp, site);
        enc.value(task.callee(), "the function");
        enc.arguments(task.args(), task.kwNames(), "");
        enc.writeGlobals();
        return enc.out().toArray();
    }

    /**
     * Reads a task envelope and sets the globals it carries in their modules (except those named
     * in {@code keep}, as "file\0name": a worker's own, set by its init function).
     */
    public static TaskEnvelope decodeTask(Interpreter interp, byte[] bytes, int offset, Function<String, ModuleInstance> modules, Set<String> keep) {
        try {
            ValueDecoder d = new ValueDecoder(bytes, offset, interp, modules::apply);
            Object callee = d.read();
            Object args = d.read();
            Object kw = d.read();
            d.readGlobalsInto(keep);
            d.in().expectEnd();
            if (!(args instanceof SkeinList argList)) throw new Codec.MalformedFrame("the arguments are not a list");
            if (kw != null && !(kw instanceof SkeinList)) throw new Codec.MalformedFrame("the keyword names are not a list");
            Object[] positional = argList.snapshot();
            String[] names = null;
            if (kw instanceof SkeinList k) {
                Object[] ks = k.snapshot();
                names = new String[ks.length];
                for (int i = 0; i < ks.length; i++) names[i] = (String) ks[i];
            }
            return new TaskEnvelope(callee, positional, names);
        } catch (Codec.MalformedFrame | ClassCastException bad) {
            throw Errors.value("not a Skein task encoding: " + bad.getMessage());
        }
    }
}
