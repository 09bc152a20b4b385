package dev.skein.interp;

import dev.skein.runtime.Callable;
import dev.skein.runtime.ErrorKind;
import dev.skein.runtime.Errors;
import dev.skein.runtime.SkeinError;
import dev.skein.runtime.SkeinList;
import dev.skein.runtime.ThreadState;

/** A Skein function value: compiled code plus the variables it captured. */
public final class Function implements Callable {
    final Code code;
    final Cell[] captured;
    final ModuleInstance module;

    Function(Code code, Cell[] captured, ModuleInstance module) {
        this.code = code;
        this.captured = captured;
        this.module = module;
    }

    public Code code() { return code; }

    /** The cells this closure captured (shared with other closures of the same scope). */
    public Cell[] captured() { return captured.clone(); }

    /**
     * Rebuilds a function from its parts (a worker process receiving one). The array is kept,
     * not copied: a decoder fills it after registering the function, for self-capturing closures.
     */
    public static Function of(Code code, Cell[] captured, ModuleInstance module) {
        if (captured.length != code.capturedCount) {
            throw new IllegalArgumentException("code " + code.key() + " captures " + code.capturedCount + " cells, not " + captured.length);
        }
        return new Function(code, captured, module);
    }

    public ModuleInstance module() { return module; }

    @Override public String name() { return code.name; }

    @Override public String toString() { return "<fn " + code.name + ">"; }

    @Override public String parameters() {
        StringBuilder sb = new StringBuilder();
        code.ready();
        for (int i = 0; i < code.params.length; i++) {
            if (i > 0) sb.append(", ");
            if (i == code.restIndex) sb.append('*');
            sb.append(code.params[i]);
            if (code.defaults != null && i < code.defaults.length && code.defaults[i] != null) sb.append("=…");
        }
        return sb.toString();
    }

    @Override public String definedAt() { return code.file() + ":" + code.line(); }

    @Override public Object call(ThreadState ts, Object[] args, String[] kwNames) {
        code.ready();
        Object[] slots = new Object[code.frameSize];
        Frame frame = new Frame(code, slots, captured, module, ts);
        bind(frame, args, kwNames);
        return run(frame);
    }

    /** Fills parameter slots from a call's arguments (the general path: keywords, defaults, rest). */
    private void bind(Frame frame, Object[] args, String[] kwNames) {
        Object[] slots = frame.slots;
        int nkw = kwNames == null ? 0 : kwNames.length;
        int npos = args.length - nkw;
        int positional = code.positionalCount();
        if (npos > positional && code.restIndex < 0) {
            throw Errors.type(code.name + "() takes " + positional + " positional argument" + (positional == 1 ? "" : "s")
                    + " but " + npos + " were given");
        }
        boolean[] filled = new boolean[code.params.length];
        int direct = Math.min(npos, positional);
        for (int i = 0; i < direct; i++) { slots[i] = args[i]; filled[i] = true; }
        if (code.restIndex >= 0) {
            SkeinList rest = new SkeinList(Math.max(0, npos - positional));
            for (int i = positional; i < npos; i++) rest.append(args[i]);
            slots[code.restIndex] = rest;
            filled[code.restIndex] = true;
        }
        for (int k = 0; k < nkw; k++) {
            int p = paramIndex(kwNames[k]);
            if (p < 0 || p == code.restIndex) throw Errors.type(code.name + "() got an unexpected keyword argument '" + kwNames[k] + "'");
            if (filled[p]) throw Errors.type(code.name + "() got multiple values for argument '" + kwNames[k] + "'");
            slots[p] = args[npos + k];
            filled[p] = true;
        }
        for (int i = 0; i < code.params.length; i++) {
            if (filled[i]) continue;
            ExprNode d = code.defaults[i];
            if (d == null) throw Errors.type(code.name + "() missing required argument '" + code.params[i] + "'");
            slots[i] = d.eval(frame);
        }
    }

    private int paramIndex(String name) {
        String[] ps = code.params;
        for (int i = 0; i < ps.length; i++) if (ps[i].equals(name)) return i;
        return -1;
    }

    /** Fast path for calls with exactly the positional parameters (no keywords, no rest, no defaults used). */
    boolean acceptsExactly(int n) {
        return n == code.exactArity;
    }

    /** A call with exactly the positional parameters ({@link #acceptsExactly}): the arguments become the frame's first slots. */
    Object callExactly(ThreadState ts, Object[] args) {
        code.ready();
        Object[] slots = args.length == code.frameSize ? args : java.util.Arrays.copyOf(args, code.frameSize);
        return run(new Frame(code, slots, captured, module, ts));
    }

    /** Runs the body in a frame whose parameter slots are filled. */
    Object run(Frame frame) {
        // A compiled body does its own enter/exit and recursion-error mapping (BytecodeFunction).
        CompiledEntry compiled = code.compiled;
        BytecodeLazy lazy;
        if (compiled == null && (lazy = code.lazy) != null) compiled = lazy.enter(code);   // a first call may compile it
        if (compiled != null) return compiled.run(code.compiledIndex, frame);
        ThreadState ts = frame.ts;
        for (int slot : code.cellParams) frame.slots[slot] = new Cell(frame.slots[slot]);
        ts.enter();
        try {
            if (code.returnExpr != null) return code.returnExpr.eval(frame);
            code.body.exec(frame);
            return frame.ret;
        } catch (StackOverflowError deep) {
            throw recursionError(ts);
        } finally {
            ts.exit();
        }
    }

    static SkeinError recursionError(ThreadState ts) {
        return Errors.of(ErrorKind.RECURSION, "maximum recursion depth exceeded (the thread's stack is full at depth " + ts.depth() + ")");
    }
}
