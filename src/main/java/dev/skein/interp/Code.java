package dev.skein.interp;

/**
 * The compiled, immutable part of a function: parameters, frame layout and body. A
 * {@link Function} pairs it with captured cells and its module.
 */
public final class Code {
    final String name;
    final String file;
    final int line;
    final int column;
    /*
     * globalsRead, defaults, frameSize, cellParams, body and returnExpr are final in effect but
     * set late for a top-level function: its body is built at its first use ({@link #ready}).
     */
    /** Module globals this code (or a closure inside it) reads: sent along when it crosses a process boundary. */
    String[] globalsRead;
    final String[] params;
    /** Default-value expressions, evaluated in the callee's frame at each call (null: required). */
    ExprNode[] defaults;
    /** Index of the {@code *rest} parameter, or -1. */
    final int restIndex;
    int frameSize;
    /** Parameter slots that closures capture: wrapped in cells on entry. */
    int[] cellParams;
    StmtNode body;
    /** When the body is just {@code return expr}, that expression (a faster path). */
    ExprNode returnExpr;
    /** What builds this top-level function's body at its first use ({@link LazyBodies}); null for code built at once. */
    LazyBodies lateBody;
    /** Whether the body still waits for {@link #lateBody}. Volatile: cleared after the fields it fills are set. */
    volatile boolean waiting;
    /** The argument count of the fast call path (exactly the parameters, no rest), or -1. */
    final int exactArity;
    /** How many cells a closure of this code captures (set once the closure's captures are known). */
    int capturedCount;
    /**
     * The compiled body, or null while the body runs on the node tree. Set once, by
     * {@link BytecodeCompiler}: when the module loads, or at the function's first call
     * ({@link BytecodeLazy}); volatile, as another thread may be calling it meanwhile.
     */
    volatile CompiledEntry compiled;
    /** The lazy compiler that will compile this body at a later call, or null (compiled, tried already, or compiling off). */
    BytecodeLazy lazy;
    /** Calls that ran on the tree while {@link #lazy} waited (racy: only a threshold reads it). */
    int treeCalls;
    /** This body's index in {@link #compiled}. */
    int compiledIndex;

    Code(String name, String file, int line, int column, String[] globalsRead, String[] params, ExprNode[] defaults, int restIndex,
         int frameSize, int[] cellParams, StmtNode body, ExprNode returnExpr) {
        this.name = name;
        this.file = file;
        this.line = line;
        this.column = column;
        this.params = params;
        this.restIndex = restIndex;
        fill(globalsRead, defaults, frameSize, cellParams, body, returnExpr);
        this.exactArity = restIndex < 0 ? params.length : -1;
    }

    /**
     * Builds this body now if it still waits for its first use; every reader of the fields set
     * late calls it first (a call, the bytecode compiler, a process boundary).
     */
    Code ready() {
        if (waiting) lateBody.build(this);
        return this;
    }

    /** Sets what a late build made ({@link LazyBodies}); {@link #waiting} is cleared after. */
    void fill(String[] globalsRead, ExprNode[] defaults, int frameSize, int[] cellParams, StmtNode body, ExprNode returnExpr) {
        this.globalsRead = globalsRead;
        this.defaults = defaults;
        this.frameSize = frameSize;
        this.cellParams = cellParams;
        this.body = body;
        this.returnExpr = returnExpr;
    }

    public String name() { return name; }

    public String file() { return file; }

    public int line() { return line; }

    public int column() { return column; }

    /** "file:line:col": identifies this code in every process that compiled the same source. */
    public String key() { return file + ":" + line + ":" + column; }

    public String[] globalsRead() { return ready().globalsRead.clone(); }

    /** Compiles this body now if it is waiting for its first call (tests; {@link BytecodeLazy}). */
    CompiledEntry compileNow() {
        BytecodeLazy l = lazy;
        return l == null ? compiled : l.compile(this);
    }

    /** Positional parameter count (the rest parameter excluded). */
    int positionalCount() { return restIndex < 0 ? params.length : restIndex; }
}
