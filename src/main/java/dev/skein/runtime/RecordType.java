package dev.skein.runtime;

import java.util.Arrays;

/**
 * A type made by {@code record Point(x, y = 0)}: calling it builds an immutable
 * {@link RecordValue}. Field defaults are evaluated once, when the record statement runs.
 */
public final class RecordType implements Callable {
    private final String name;
    private final String[] fields;
    private final Object[] defaults;   // Missing.MISSING where a field has no default
    private final String definedAt;    // "file:line", to tell apart two types with one name

    public RecordType(String name, String[] fields, Object[] defaults, String definedAt) {
        this.name = name;
        this.fields = fields;
        this.defaults = defaults;
        this.definedAt = definedAt;
    }

    @Override public String name() { return name; }

    public String[] fields() { return fields.clone(); }

    public int fieldCount() { return fields.length; }

    public String field(int i) { return fields[i]; }

    @Override public String definedAt() { return definedAt; }

    @Override public String parameters() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) sb.append(", ");
            sb.append(fields[i]);
            if (defaults[i] != Missing.MISSING) sb.append("=…");
        }
        return sb.toString();
    }

    public Object defaultAt(int i) { return defaults[i]; }

    public int indexOf(String field) {
        for (int i = 0; i < fields.length; i++) if (fields[i].equals(field)) return i;
        return -1;
    }

    @Override public Object call(ThreadState ts, Object[] args, String[] kwNames) {
        int nkw = kwNames == null ? 0 : kwNames.length;
        int npos = args.length - nkw;
        if (npos > fields.length) {
            throw Errors.type(name + "() takes " + fields.length + " arguments but " + npos + " were given");
        }
        Object[] values = new Object[fields.length];
        Arrays.fill(values, Missing.MISSING);
        System.arraycopy(args, 0, values, 0, npos);
        for (int k = 0; k < nkw; k++) {
            int i = indexOf(kwNames[k]);
            if (i < 0) throw Errors.type(name + "() got an unexpected keyword argument '" + kwNames[k] + "'");
            if (values[i] != Missing.MISSING) throw Errors.type(name + "() got multiple values for argument '" + kwNames[k] + "'");
            values[i] = args[npos + k];
        }
        for (int i = 0; i < values.length; i++) {
            if (values[i] == Missing.MISSING) {
                if (defaults[i] == Missing.MISSING) throw Errors.type(name + "() missing required argument '" + fields[i] + "'");
                values[i] = defaults[i];
            }
        }
        return new RecordValue(this, values);
    }

    @Override public String toString() { return "<record " + name + ">"; }
}
