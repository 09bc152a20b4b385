package dev.skein.runtime;

/** An instance of a {@link RecordType}: immutable, compared and hashed by its fields. */
public final class RecordValue {
    private final RecordType type;
    private final Object[] values;

    public RecordValue(RecordType type, Object[] values) {
        this.type = type;
        this.values = values;
    }

    public RecordType type() { return type; }

    public Object get(int i) { return values[i]; }

    public int size() { return values.length; }

    /** Field value by name, or MISSING. */
    public Object field(String name) {
        int i = type.indexOf(name);
        return i < 0 ? Missing.MISSING : values[i];
    }

    /** A copy with some fields replaced: {@code p.with(x=3)}. */
    public RecordValue with(String[] names, Object[] newValues) {
        Object[] vs = values.clone();
        for (int k = 0; k < names.length; k++) {
            int i = type.indexOf(names[k]);
            if (i < 0) throw Errors.type(type.name() + " has no field '" + names[k] + "'");
            vs[i] = newValues[k];
        }
        return new RecordValue(type, vs);
    }

    @Override public boolean equals(Object o) {
        if (!(o instanceof RecordValue r) || r.type != type) return false;
        for (int i = 0; i < values.length; i++) if (!Values.eq(values[i], r.values[i])) return false;
        return true;
    }

    @Override public int hashCode() {
        int h = type.hashCode();
        for (Object v : values) h = h * 31 + Values.hash(v);
        return h;
    }

    @Override public String toString() { return Convert.repr(this); }
}
