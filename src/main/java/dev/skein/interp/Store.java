package dev.skein.interp;

/** Where an assignment, a {@code let}, a loop or a catch puts a value. */
public abstract class Store extends Node {
    protected Store(int line, int column) { super(line, column); }

    public abstract void store(Frame f, Object value);
}
