package dev.skein.process;

import dev.skein.runtime.Interpreter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The constants an embedding host added to an interpreter's builtins (a service of it, set by
 * the embedding layer): process-pool workers get them too, sent as portable values when a pool
 * starts, so a task reads the same {@code RATE} the host gave the script.
 */
public record HostConstants(Map<String, Object> values) {
    /** Records {@code values} (name → Skein value) as the host constants of {@code interp}. */
    public static void set(Interpreter interp, Map<String, Object> values) {
        Map<String, Object> copy = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        interp.service(HostConstants.class, i -> new HostConstants(copy));
    }

    /** The host constants of {@code interp}; empty for the CLI. */
    static Map<String, Object> of(Interpreter interp) {
        HostConstants c = interp.service(HostConstants.class, i -> null);
        return c == null ? Map.of() : c.values();
    }

    /**
     * The CONSTANTS frame a worker reads before it builds its interpreter: count, then each name
     * and its value's encoding. Raises PortabilityError naming the constant that cannot cross.
     */
    static byte[] frame(Interpreter interp, Map<String, Object> constants) {
        Codec.Out out = new Codec.Out();
        out.writeInt(constants.size());
        for (Map.Entry<String, Object> e : constants.entrySet()) {
            ValueEncoder enc = new ValueEncoder(interp, "a host constant sent to the pool's workers");
            enc.value(e.getValue(), "constant '" + e.getKey() + "'");
            out.writeString(e.getKey());
            out.writeBytes(enc.bytes());
        }
        return out.toArray();
    }

    /** Reads a CONSTANTS frame's payload (plain values: decoding needs no interpreter). */
    static Map<String, Object> read(byte[] payload) {
        Codec.In in = new Codec.In(payload);
        int n = in.readInt();
        if (n < 0) throw new Codec.MalformedFrame("a negative count of constants");
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            String name = in.readString();
            ValueDecoder d = new ValueDecoder(in.readBytes(), 0, null, key -> null);
            out.put(name, d.read());
            d.in().expectEnd();
        }
        in.expectEnd();
        return out;
    }
}
