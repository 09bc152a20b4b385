package dev.skein.runtime;

import java.util.Arrays;

/** An immutable byte string. */
public final class Bytes implements Comparable<Bytes> {
    private final byte[] data;

    private Bytes(byte[] data) { this.data = data; }

    /** Takes ownership of the array: the caller must not change it afterwards. */
    public static Bytes wrap(byte[] data) { return new Bytes(data); }

    public static Bytes copyOf(byte[] data) { return new Bytes(data.clone()); }

    public int length() { return data.length; }

    public int get(int i) { return data[i] & 0xff; }

    /** A copy of the content. */
    public byte[] toArray() { return data.clone(); }

    /** The backing array, read only by convention (for hashing and I/O without a copy). */
    public byte[] unsafeArray() { return data; }

    @Override public boolean equals(Object o) { return o instanceof Bytes b && Arrays.equals(data, b.data); }

    @Override public int hashCode() { return Arrays.hashCode(data); }

    @Override public int compareTo(Bytes o) { return Arrays.compareUnsigned(data, o.data); }

    @Override public String toString() { return Convert.repr(this); }
}
