package dev.skein.interp;

/**
 * A statement. {@link #exec} returns how control leaves it: {@link #NORMAL}, {@link #BREAK},
 * {@link #CONTINUE} or {@link #RETURN} (the value is then in {@link Frame#ret}). Plain ints
 * instead of exceptions keep loops and returns cheap.
 */
public abstract class StmtNode extends Node {
    public static final int NORMAL = 0;
    public static final int BREAK = 1;
    public static final int CONTINUE = 2;
    public static final int RETURN = 3;

    protected StmtNode(int line, int column) { super(line, column); }

    public abstract int exec(Frame f);
}
