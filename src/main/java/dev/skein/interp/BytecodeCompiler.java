package dev.skein.interp;

import dev.skein.ast.Expr;
import dev.skein.ast.Stmt;
import dev.skein.runtime.Interpreter;
import java.lang.invoke.MethodHandles;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodTooLargeException;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Compiles the functions of one compiled unit (a script, a REPL input, an imported module) to
 * JVM bytecode: one hidden class per unit, one static method per function whose body stays in
 * {@link BytecodeSubset}; the others keep running on the node tree. The class is defined with
 * {@link MethodHandles.Lookup#defineHiddenClass} next to this class, so it may read interp's
 * package-private state (frames, module globals, codes) and is unloaded with the last function
 * that uses it; the live objects it needs (codes, builtins, number boxes) travel as class data.
 *
 * <p>{@code -Dskein.compile=off} keeps everything on the tree (CI runs the golden suite both ways).
 */
final class BytecodeCompiler implements Opcodes {
    /** A function compiled in this unit: its code and the name of its static method. */
    record Direct(Code code, String method) {}

    /** A function body the tree compiler built, with what the bytecode compiler needs of it. */
    record Candidate(Expr.Lambda fn, Code code) {}

    /**
     * A module's top level as the tree compiler built it: its statements with their nodes (a
     * statement outside the subset runs its node on the top-level frame), and the REPL's final
     * expression, if any, with its node.
     */
    record Main(List<Stmt> statements, List<StmtNode> nodes, Expr result, ExprNode resultNode, Code code) {}

    private static final MethodHandles.Lookup HOST = MethodHandles.lookup();
    private static final String OBJ = "Ljava/lang/Object;";

    private final ResolvedProgram resolved;
    private final ModuleInstance module;
    private final Interpreter interp;
    private final String className;
    private final List<Object> constants = new ArrayList<>();
    private final Map<Object, Integer> constantIndex = new IdentityHashMap<>();
    /**
     * The JIT compiles no method over this many bytes of bytecode (HotSpot's HugeMethodLimit,
     * with DontCompileHugeMethods on by default): a longer one would run interpreted for ever.
     */
    static final int JIT_LIMIT = 8000;
    /** The descriptor {@link #checkJitLimit} reports, telling its exception from the JVM limit's. */
    private static final String TOO_BIG_FOR_JIT = "<too big for the JIT>";
    /** The codes written in the compact form (the top level's too), because their inline form was over {@link #JIT_LIMIT}. */
    private final java.util.Set<Code> compact;
    /** Globals that a top-level {@code fn} statement defines, to the function compiled for it. */
    private final Map<String, Direct> directTargets = new HashMap<>();
    /** Every function literal of the unit to its code (compiled or not): what a closure made here runs. */
    private final Map<Expr.Lambda, Code> codes = new IdentityHashMap<>();
    /** The class being written ({@link #define}), for the loops written as methods of their own. */
    private ClassWriter cw;
    private int loopMethods;

    private BytecodeCompiler(ResolvedProgram resolved, ModuleInstance module, Interpreter interp, String className, java.util.Set<Code> compact) {
        this.compact = compact;
        this.resolved = resolved;
        this.module = module;
        this.interp = interp;
        this.className = className;
    }

    /**
     * Compiles those of {@code toCompile} in the subset (and {@code main}, unless null) into one
     * class and attaches them to their codes; {@code candidates} are all the unit's function
     * literals, which closures made here may run ({@link BytecodeLazy} compiles a few at a time). A unit that would
     * break a JVM limit (a method over 64 KB) compiles again without the offending function.
     */
    static void compile(ResolvedProgram resolved, ModuleInstance module, Interpreter interp, List<Candidate> candidates,
                        List<Candidate> toCompile, Main main) {
        BytecodeSubset subset = new BytecodeSubset(resolved);
        List<Candidate> chosen = new ArrayList<>();
        for (Candidate c : toCompile) if (subset.supports(c.fn())) chosen.add(c);
        if (main != null && !subset.supports(main)) main = null;
        java.util.Set<Code> compact = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        while (!chosen.isEmpty() || main != null) {
            BytecodeCompiler unit = new BytecodeCompiler(resolved, module, interp, "dev/skein/interp/Compiled", compact);
            for (Candidate c : candidates) unit.codes.put(c.fn(), c.code());
            try {
                unit.define(chosen, main, subset);
                return;
            } catch (MethodTooLargeException tooLarge) {
                String method = tooLarge.getMethodName();
                int function = functionIndex(method);
                Code code = method.equals("main") ? main.code() : function >= 0 ? chosen.get(function).code() : null;
                if (TOO_BIG_FOR_JIT.equals(tooLarge.getDescriptor()) && code != null && compact.add(code)) continue;   // again, without the inline paths
                if (method.equals("main")) main = null;
                else if (function >= 0) chosen.remove(function);
                else return;   // the unit as a whole is too big: all stay on the tree
            }
        }
    }

    /** The function a method belongs to: {@code f3} and its loops' {@code f3_loop0} …, else -1. */
    private static int functionIndex(String method) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("f([0-9]+)(_loop[0-9]+)?").matcher(method);
        return m.matches() ? Integer.parseInt(m.group(1)) : -1;
    }

    /** A directory to write every generated class to, for {@code javap -c -p} ({@code -Dskein.compile.dump=DIR}). */
    private static final String DUMP_DIR = System.getProperty("skein.compile.dump");

    private static void dump(byte[] bytes) {
        try {
            java.nio.file.Path dir = java.nio.file.Files.createDirectories(java.nio.file.Path.of(DUMP_DIR));
            java.nio.file.Files.write(java.nio.file.Files.createTempFile(dir, "Compiled", ".class"), bytes);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("skein.compile.dump: " + e.getMessage(), e);
        }
    }

    private void define(List<Candidate> chosen, Main main, BytecodeSubset subset) {
        for (int i = 0; i < chosen.size(); i++) {
            Direct t = new Direct(chosen.get(i).code(), "f" + i);
            for (Stmt s : resolved.program) {
                if (s instanceof Stmt.FnDef d && d.function() == chosen.get(i).fn() && resolved.binding(d) instanceof Binding.Global g) {
                    directTargets.put(g.name(), t);
                }
            }
        }
        cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
            // Every merged type is used as an Object: never load classes to find a common superclass.
            @Override protected String getCommonSuperClass(String a, String b) { return "java/lang/Object"; }
        };
        cw.visit(V21, ACC_FINAL | ACC_SYNTHETIC, className, null, "java/lang/Object", new String[] {"dev/skein/interp/CompiledEntry"});
        cw.visitSource(resolved.source.name(), null);
        for (int i = 0; i < chosen.size(); i++) function(cw, "f" + i, chosen.get(i));
        if (main != null) main(cw, main, subset);
        entry(cw, chosen);
        runMain(cw, main != null);
        constructor(cw);
        constantFields(cw);
        byte[] bytes = cw.toByteArray();
        if (DUMP_DIR != null) dump(bytes);
        if (BytecodeShapeCheck.ON) BytecodeShapeCheck.check(bytes);
        try {
            MethodHandles.Lookup lookup = HOST.defineHiddenClassWithClassData(bytes, List.copyOf(constants), true);
            CompiledEntry entry = (CompiledEntry) lookup.findConstructor(lookup.lookupClass(),
                    java.lang.invoke.MethodType.methodType(void.class)).invoke();
            for (int i = 0; i < chosen.size(); i++) {
                Code code = chosen.get(i).code();
                code.compiledIndex = i;
                code.compiled = entry;
            }
            if (main != null) main.code().compiled = entry;
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("defining compiled code failed", t);
        }
    }

    // ------------------------------------------------------------------ what the walkers ask

    String className() { return className; }

    /** What a loop statement reads and writes of its function's slots. */
    LoopSlots loopSlots(Stmt loop) { return resolved.loopSlots.get(loop); }

    /** A new name for a method holding a loop of function method {@code owner}. */
    String loopMethodName(String owner) { return owner + "_loop" + loopMethods++; }

    /** A static method of the class being written (a loop's, {@link BytecodeLoops}). */
    MethodVisitor newMethod(String name, String descriptor) { return cw.visitMethod(ACC_STATIC | ACC_PRIVATE, name, descriptor, null, null); }

    Binding binding(Object site) { return resolved.binding(site); }

    /** {variable slot, buffer slot} when {@code a} appends to a loop's string buffer ({@link Accumulation}), else null. */
    int[] appendBuffer(Stmt.AugAssign a) { return resolved.appends.get(a); }

    /** The {variable slot, buffer slot} pairs a loop writes back when it is left, or null. */
    int[][] loopBuffers(Stmt loop) { return resolved.loopBuffers.get(loop); }

    int globalIndex(String name) { return module.declare(name); }

    Object builtin(String name) { return interp.builtins().get(name); }

    /** The compiled function a call may reach directly: a top-level {@code fn} of this unit taking exactly n arguments. */
    Direct directTarget(Expr callee, int n) {
        if (!(callee instanceof Expr.Name name) || !(resolved.binding(name) instanceof Binding.Global g)) return null;
        Direct t = directTargets.get(g.name());
        return t != null && t.code().exactArity == n && !BytecodeClosures.takesCells(t.code()) ? t : null;
    }

    /**
     * Whether {@code e} is a call of the builtin {@code range} (which always makes a range or
     * raises), so a {@code for} over it may run on a counter alone.
     */
    boolean isRange(Expr e) {
        return e instanceof Expr.Call c && c.callee() instanceof Expr.Name n && resolved.binding(n) instanceof Binding.Builtin b
                && b.name().equals("range") && builtin("range") instanceof dev.skein.runtime.Builtin r && r.name().equals("range");
    }

    static String descriptor(int params) {
        return "(Ldev/skein/runtime/ThreadState;Ldev/skein/interp/ModuleInstance;" + OBJ.repeat(params) + ")" + OBJ;
    }

    /** Pushes a live object from the class data (a static final field, which the JIT treats as a constant). */
    void constant(MethodVisitor mv, Object value) {
        int i = constant(value);
        mv.visitFieldInsn(GETSTATIC, className, "k" + i, OBJ);
    }

    private int constant(Object value) {
        return constantIndex.computeIfAbsent(value, v -> {
            constants.add(v);
            return constants.size() - 1;
        });
    }

    // ------------------------------------------------------------------ the class

    /**
     * One function: {@code ts.enter()}, the body, {@code ts.exit()} on every way out, and a stack
     * overflow turned into RecursionError, as {@link Function#run} does for the tree.
     */
    private void function(ClassWriter cw, String method, Candidate c) {
        Code code = c.code();
        MethodVisitor mv = cw.visitMethod(ACC_STATIC, method, BytecodeClosures.descriptor(code), null, null);
        mv.visitCode();
        BytecodeFunction fn = new BytecodeFunction(mv, code.file, code.name, code.frameSize, BytecodeClosures.firstSlot(code));
        fn.compact = compact.contains(code);
        fn.method = method;
        fn.takesCells = BytecodeClosures.takesCells(code);
        fn.clearLocals(code.params.length, code.frameSize);
        BytecodeClosures.wrapCellParams(fn, code.cellParams);
        BytecodeClosures.hoist(fn, resolved.function(c.fn()).hoistedCells);
        mv.visitVarInsn(ALOAD, BytecodeFunction.TS);
        mv.visitMethodInsn(INVOKEVIRTUAL, "dev/skein/runtime/ThreadState", "enter", "()V", false);
        Label bodyStart = new Label(), bodyEnd = new Label(), onThrow = new Label();
        mv.visitLabel(bodyStart);
        new BytecodeStatements(this, fn).statements(c.fn().body());
        mv.visitLabel(bodyEnd);
        mv.visitLabel(fn.epilogue);
        mv.visitVarInsn(ALOAD, BytecodeFunction.TS);
        mv.visitMethodInsn(INVOKEVIRTUAL, "dev/skein/runtime/ThreadState", "exit", "()V", false);
        mv.visitVarInsn(ALOAD, fn.result);
        mv.visitInsn(ARETURN);
        mv.visitTryCatchBlock(bodyStart, bodyEnd, onThrow, null);
        mv.visitLabel(onThrow);
        mv.visitVarInsn(ALOAD, BytecodeFunction.TS);
        mv.visitMethodInsn(INVOKESTATIC, BytecodeFunction.SUPPORT, "leave",
                "(Ljava/lang/Throwable;Ldev/skein/runtime/ThreadState;)Ljava/lang/Throwable;", false);
        mv.visitInsn(ATHROW);
        checkJitLimit(mv, method);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /**
     * The top level: {@code static Object main(ThreadState ts, ModuleInstance module, Frame frame)}.
     * Statements in the subset compile as in a function; the others run their tree node on
     * {@code frame}. No enter/exit, as {@link Runner#run} does none for the tree.
     */
    private void main(ClassWriter cw, Main main, BytecodeSubset subset) {
        Code code = main.code();
        MethodVisitor mv = cw.visitMethod(ACC_STATIC, "main",
                "(Ldev/skein/runtime/ThreadState;Ldev/skein/interp/ModuleInstance;Ldev/skein/interp/Frame;)" + OBJ, null, null);
        mv.visitCode();
        BytecodeFunction fn = new BytecodeFunction(mv, code.file, code.name, code.frameSize, BytecodeFunction.MAIN_SLOTS);
        fn.compact = compact.contains(code);
        fn.clearLocals(0, code.frameSize);
        BytecodeStatements statements = new BytecodeStatements(this, fn);
        for (int i = 0; i < main.statements().size(); i++) {
            Stmt s = main.statements().get(i);
            if (subset.topLevel(s)) {
                statements.statements(List.of(s));
            } else {
                constant(mv, main.nodes().get(i));
                mv.visitTypeInsn(CHECKCAST, "dev/skein/interp/StmtNode");
                mv.visitVarInsn(ALOAD, BytecodeFunction.FRAME);
                mv.visitMethodInsn(INVOKEVIRTUAL, "dev/skein/interp/StmtNode", "exec", "(Ldev/skein/interp/Frame;)I", false);
                mv.visitInsn(POP);
            }
        }
        if (main.result() != null) {
            if (subset.topLevelExpr(main.result())) {
                new BytecodeExpressions(this, fn).value(main.result());
            } else {
                constant(mv, main.resultNode());
                mv.visitTypeInsn(CHECKCAST, "dev/skein/interp/ExprNode");
                mv.visitVarInsn(ALOAD, BytecodeFunction.FRAME);
                mv.visitMethodInsn(INVOKEVIRTUAL, "dev/skein/interp/ExprNode", "eval", "(Ldev/skein/interp/Frame;)" + OBJ, false);
            }
            mv.visitVarInsn(ASTORE, fn.result);
        }
        mv.visitLabel(fn.epilogue);
        mv.visitVarInsn(ALOAD, fn.result);
        mv.visitInsn(ARETURN);
        checkJitLimit(mv, "main");
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /** {@code runMain(frame)}: the top level, on the frame's thread and module. */
    private void runMain(ClassWriter cw, boolean hasMain) {
        MethodVisitor mv = cw.visitMethod(ACC_PUBLIC, "runMain", "(Ldev/skein/interp/Frame;)" + OBJ, null, null);
        mv.visitCode();
        if (hasMain) {
            mv.visitVarInsn(ALOAD, 1);
            mv.visitFieldInsn(GETFIELD, "dev/skein/interp/Frame", "ts", "Ldev/skein/runtime/ThreadState;");
            mv.visitVarInsn(ALOAD, 1);
            mv.visitFieldInsn(GETFIELD, "dev/skein/interp/Frame", "module", "Ldev/skein/interp/ModuleInstance;");
            mv.visitVarInsn(ALOAD, 1);
            mv.visitMethodInsn(INVOKESTATIC, className, "main",
                    "(Ldev/skein/runtime/ThreadState;Ldev/skein/interp/ModuleInstance;Ldev/skein/interp/Frame;)" + OBJ, false);
            mv.visitInsn(ARETURN);
        } else {
            throwNew(mv, "java/lang/IllegalStateException");
        }
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /** {@code throw new type()}: for the ways into the class that cannot happen. */
    private static void throwNew(MethodVisitor mv, String type) {
        mv.visitTypeInsn(NEW, type);
        mv.visitInsn(DUP);
        mv.visitMethodInsn(INVOKESPECIAL, type, "<init>", "()V", false);
        mv.visitInsn(ATHROW);
    }

    /** {@code run(index, frame)}: unpacks the frame's parameter slots into a call of function {@code index}. */
    private void entry(ClassWriter cw, List<Candidate> chosen) {
        MethodVisitor mv = cw.visitMethod(ACC_PUBLIC, "run", "(ILdev/skein/interp/Frame;)" + OBJ, null, null);
        mv.visitCode();
        Label[] cases = new Label[chosen.size()];
        for (int i = 0; i < cases.length; i++) cases[i] = new Label();
        Label unknown = new Label();
        if (cases.length > 0) {
            mv.visitVarInsn(ILOAD, 1);
            mv.visitTableSwitchInsn(0, cases.length - 1, unknown, cases);
        }
        for (int i = 0; i < cases.length; i++) {
            mv.visitLabel(cases[i]);
            Code code = chosen.get(i).code();
            int n = code.params.length;
            mv.visitVarInsn(ALOAD, 2);
            mv.visitFieldInsn(GETFIELD, "dev/skein/interp/Frame", "ts", "Ldev/skein/runtime/ThreadState;");
            mv.visitVarInsn(ALOAD, 2);
            mv.visitFieldInsn(GETFIELD, "dev/skein/interp/Frame", "module", "Ldev/skein/interp/ModuleInstance;");
            if (BytecodeClosures.takesCells(code)) {
                mv.visitVarInsn(ALOAD, 2);
                mv.visitFieldInsn(GETFIELD, "dev/skein/interp/Frame", "captured", "[Ldev/skein/interp/Cell;");
            }
            for (int p = 0; p < n; p++) {
                mv.visitVarInsn(ALOAD, 2);
                mv.visitFieldInsn(GETFIELD, "dev/skein/interp/Frame", "slots", "[" + OBJ);
                mv.visitLdcInsn(p);
                mv.visitInsn(AALOAD);
            }
            mv.visitMethodInsn(INVOKESTATIC, className, "f" + i, BytecodeClosures.descriptor(code), false);
            mv.visitInsn(ARETURN);
        }
        mv.visitLabel(unknown);
        throwNew(mv, "java/lang/IllegalArgumentException");
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    private void constructor(ClassWriter cw) {
        MethodVisitor mv = cw.visitMethod(0, "<init>", "()V", null, null);
        mv.visitCode();
        mv.visitVarInsn(ALOAD, 0);
        mv.visitMethodInsn(INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        mv.visitInsn(RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /** {@code static final Object k0, k1, …}, filled from the class data in {@code <clinit>}. */
    private void constantFields(ClassWriter cw) {
        for (int i = 0; i < constants.size(); i++) {
            cw.visitField(ACC_STATIC | ACC_FINAL | ACC_PRIVATE, "k" + i, OBJ, null, null).visitEnd();
        }
        MethodVisitor mv = cw.visitMethod(ACC_STATIC, "<clinit>", "()V", null, null);
        mv.visitCode();
        mv.visitMethodInsn(INVOKESTATIC, "java/lang/invoke/MethodHandles", "lookup", "()Ljava/lang/invoke/MethodHandles$Lookup;", false);
        mv.visitLdcInsn("_");
        mv.visitLdcInsn(org.objectweb.asm.Type.getType(List.class));
        mv.visitMethodInsn(INVOKESTATIC, "java/lang/invoke/MethodHandles", "classData",
                "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/Class;)" + OBJ, false);
        mv.visitTypeInsn(CHECKCAST, "java/util/List");
        for (int i = 0; i < constants.size(); i++) {
            mv.visitInsn(DUP);
            mv.visitLdcInsn(i);
            mv.visitMethodInsn(INVOKEINTERFACE, "java/util/List", "get", "(I)" + OBJ, true);
            mv.visitFieldInsn(PUTSTATIC, className, "k" + i, OBJ);
        }
        mv.visitInsn(POP);
        mv.visitInsn(RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    // ------------------------------------------------------------------ closures (BytecodeClosures)

    /** The code the tree compiler built for a function literal of this unit. */
    Code codeOf(Expr.Lambda fn) { return codes.get(fn); }

    ResolvedFunction layout(Expr.Lambda fn) { return resolved.resolvedLate(fn); }   // a top-level fn the top level defines may not be resolved yet

    /** The slots of a block's hoisted names that are cells, or null. */
    int[] hoistedCells(Stmt.Block b) { return resolved.hoistedCells.get(b); }

    /**
     * After a method's last instruction: over {@link #JIT_LIMIT}, the unit is written again —
     * this method compact if it was not, else on the tree (as a method over the JVM's 64 KB is).
     */
    void checkJitLimit(MethodVisitor mv, String method) {
        Label end = new Label();
        mv.visitLabel(end);
        if (end.getOffset() > JIT_LIMIT) throw new MethodTooLargeException(className, method, TOO_BIG_FOR_JIT, end.getOffset());
    }
}
