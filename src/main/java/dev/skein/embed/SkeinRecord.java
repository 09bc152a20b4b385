package dev.skein.embed;

import dev.skein.runtime.RecordValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * A Skein record ({@code record Point(x, y)}) handed to Java: its type name and fields, read
 * as Java values. Records are immutable; passing the handle back to Skein gives the record
 * itself. Equal when the records are equal in Skein (same type, equal fields).
 */
public final class SkeinRecord {
    private final RecordValue value;
    private final Link link;

    SkeinRecord(RecordValue value, Link link) {
        this.value = value;
        this.link = link;
    }

    /** The record type's name ({@code "Point"}). */
    public String typeName() { return value.type().name(); }

    /** The field names, in declaration order. */
    public List<String> fieldNames() { return List.of(value.type().fields()); }

    /** A field's value as a Java value. */
    public Object get(String field) {
        int i = value.type().indexOf(field);
        if (i < 0) throw new NoSuchElementException(typeName() + " has no field '" + field + "'");
        return link.toJava(value.get(i));
    }

    /** Every field, by name, in declaration order. */
    public Map<String, Object> toMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < value.size(); i++) out.put(value.type().field(i), link.toJava(value.get(i)));
        return out;
    }

    RecordValue value() { return value; }

    @Override public boolean equals(Object o) { return o instanceof SkeinRecord r && r.value.equals(value); }

    @Override public int hashCode() { return value.hashCode(); }

    /** The record as Skein prints it: {@code Point(x=1, y=2)}. */
    @Override public String toString() { return value.toString(); }
}
