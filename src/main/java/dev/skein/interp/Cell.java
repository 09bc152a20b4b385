package dev.skein.interp;

/** A variable captured by a closure: the frame slot holds the cell, closures share it. */
public final class Cell {
    public Object value;

    public Cell(Object value) { this.value = value; }
}
