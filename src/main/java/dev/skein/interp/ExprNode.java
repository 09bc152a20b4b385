package dev.skein.interp;

/** An expression: evaluates to a value. */
public abstract class ExprNode extends Node {
    protected ExprNode(int line, int column) { super(line, column); }

    public abstract Object eval(Frame f);
}
