package dev.skein.interp;

import dev.skein.ast.Expr;
import dev.skein.ast.LiteralBytes;
import dev.skein.ast.Span;
import dev.skein.runtime.Bytes;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Writes the bytecode of data expressions: subscripts and slices, attribute reads, list, dict
 * and set literals, f-strings, bytes literals, and calls with keyword or spread arguments. As
 * in {@link BytecodeExpressions}, each calls the runtime helper its tree node calls
 * ({@link Literals}, {@link Calls}) inside a region located where the node locates its errors.
 */
final class BytecodeData implements Opcodes {
    private static final String OBJ = "Ljava/lang/Object;";
    private static final String LIST = "dev/skein/runtime/SkeinList";
    private static final String DICT = "dev/skein/runtime/SkeinDict";
    private static final String SET = "dev/skein/runtime/SkeinSet";
    private static final String LITERALS = "dev/skein/interp/Literals";
    private static final String CALLS = "dev/skein/interp/Calls";
    private static final String BUILDER = "java/lang/StringBuilder";
    private static final String TS = "Ldev/skein/runtime/ThreadState;";

    private final BytecodeCompiler unit;
    private final BytecodeFunction fn;
    private final BytecodeExpressions exprs;
    private final MethodVisitor mv;

    BytecodeData(BytecodeCompiler unit, BytecodeFunction fn, BytecodeExpressions exprs) {
        this.unit = unit;
        this.fn = fn;
        this.exprs = exprs;
        this.mv = fn.mv;
    }

    // ------------------------------------------------------------------ the subset

    /** Whether {@code e} is one of the expressions written here. */
    static boolean handles(Expr e) {
        return e instanceof Expr.Index || e instanceof Expr.Slice || e instanceof Expr.Attr || e instanceof Expr.ListLit
                || e instanceof Expr.SetLit || e instanceof Expr.DictLit || e instanceof Expr.FString;
    }

    /** Whether a data expression is in the subset: all its parts are ({@code inSubset} judges them). */
    static boolean supports(Expr e, Predicate<Expr> inSubset) {
        if (e instanceof Expr.Index i) return inSubset.test(i.target()) && inSubset.test(i.index());
        if (e instanceof Expr.Slice s) return optional(s.start(), inSubset) && optional(s.stop(), inSubset) && optional(s.step(), inSubset);
        if (e instanceof Expr.Attr a) return inSubset.test(a.target());
        if (e instanceof Expr.ListLit l) return all(l.items(), inSubset);
        if (e instanceof Expr.SetLit s) return all(s.items(), inSubset);
        if (e instanceof Expr.DictLit d) return all(d.keys(), inSubset) && all(d.values(), inSubset);
        if (e instanceof Expr.FString f) return fstring(f, inSubset);
        return false;
    }

    private static boolean fstring(Expr.FString f, Predicate<Expr> inSubset) {
        for (Object p : f.parts()) {
            if (p instanceof Expr.Interpolation in && (!inSubset.test(in.value()) || (in.spec() != null && !fstring(in.spec(), inSubset)))) {
                return false;
            }
        }
        return true;
    }

    private static boolean optional(Expr e, Predicate<Expr> inSubset) { return e == null || inSubset.test(e); }

    private static boolean all(List<Expr> es, Predicate<Expr> inSubset) {
        for (Expr e : es) if (!inSubset.test(e)) return false;
        return true;
    }

    /** Whether a call's arguments are all positional, none spread (the calls {@link BytecodeExpressions} writes itself). */
    static boolean simple(List<Expr.Arg> args) {
        for (Expr.Arg a : args) if (a.name() != null || a.spread()) return false;
        return true;
    }

    // ------------------------------------------------------------------ values

    /** Pushes the value of a data expression ({@link #handles}). */
    void value(Expr e) {
        if (e instanceof Expr.Index i) index(i);
        else if (e instanceof Expr.Slice s) slice(s);
        else if (e instanceof Expr.Attr a) attr(a);
        else if (e instanceof Expr.ListLit l) listLiteral(l.items());
        else if (e instanceof Expr.SetLit s) set(s);
        else if (e instanceof Expr.DictLit d) dict(d);
        else if (e instanceof Expr.FString f) fstring(f);
        else throw new IllegalStateException("not a data expression: " + e);
    }

    /** A {@code b"…"} literal: one bytes value per site, as the tree's Const holds one. */
    void bytes(LiteralBytes b) {
        unit.constant(mv, Bytes.wrap(b.bytes()));
    }

    /**
     * {@code t[i]}, as {@link Literals.Index}: target, then index, then in one region a list
     * indexed by an int inline (a shape the JIT sees through), anything else {@link Literals#index}.
     */
    private void index(Expr.Index e) {
        int target = fn.newLocal(false);
        exprs.value(e.target());
        mv.visitVarInsn(ASTORE, target);
        // An int literal or a range loop's long counter needs no box and no type test.
        boolean wide = BytecodeTargets.index(unit, fn, exprs, e.index());
        int index = fn.newLocal(wide);
        mv.visitVarInsn(wide ? LSTORE : ASTORE, index);
        Label start = fn.startRegion(), general = new Label(), done = new Label();
        mv.visitVarInsn(ALOAD, target);
        mv.visitTypeInsn(INSTANCEOF, LIST);
        mv.visitJumpInsn(IFEQ, general);
        if (!wide) {
            mv.visitVarInsn(ALOAD, index);
            mv.visitTypeInsn(INSTANCEOF, "java/lang/Long");
            mv.visitJumpInsn(IFEQ, general);
        }
        mv.visitVarInsn(ALOAD, target);
        mv.visitTypeInsn(CHECKCAST, LIST);
        if (wide) {
            mv.visitVarInsn(LLOAD, index);
        } else {
            mv.visitVarInsn(ALOAD, index);
            mv.visitTypeInsn(CHECKCAST, "java/lang/Long");
            mv.visitMethodInsn(INVOKEVIRTUAL, "java/lang/Long", "longValue", "()J", false);
        }
        mv.visitMethodInsn(INVOKEVIRTUAL, LIST, "getPy", "(J)" + OBJ, false);
        mv.visitJumpInsn(GOTO, done);
        mv.visitLabel(general);
        mv.visitVarInsn(ALOAD, BytecodeFunction.TS);
        mv.visitVarInsn(ALOAD, target);
        if (wide) {
            mv.visitVarInsn(LLOAD, index);
            mv.visitMethodInsn(INVOKESTATIC, "java/lang/Long", "valueOf", "(J)Ljava/lang/Long;", false);
        } else {
            mv.visitVarInsn(ALOAD, index);
        }
        mv.visitMethodInsn(INVOKESTATIC, LITERALS, "index", "(" + TS + OBJ + OBJ + ")" + OBJ, false);
        mv.visitLabel(done);
        fn.endRegion(start, e.span().line(), e.span().column(), false);
    }

    /** {@code start:stop:step} (inside a subscript): a SliceValue of the parts, absent ones none; no region, as the tree. */
    private void slice(Expr.Slice s) {
        int[] parts = {fn.newLocal(false), fn.newLocal(false), fn.newLocal(false)};
        Expr[] exprsOf = {s.start(), s.stop(), s.step()};
        for (int i = 0; i < 3; i++) {
            if (exprsOf[i] == null) mv.visitInsn(ACONST_NULL);
            else exprs.value(exprsOf[i]);
            mv.visitVarInsn(ASTORE, parts[i]);
        }
        mv.visitTypeInsn(NEW, "dev/skein/runtime/SliceValue");
        mv.visitInsn(DUP);
        for (int p : parts) mv.visitVarInsn(ALOAD, p);
        mv.visitMethodInsn(INVOKESPECIAL, "dev/skein/runtime/SliceValue", "<init>", "(" + OBJ + OBJ + OBJ + ")V", false);
    }

    /** {@code x.name}, as {@link Literals.Attr}: {@code Values.getAttr} (a field, else a bound method) located at the attribute. */
    private void attr(Expr.Attr a) {
        exprs.value(a.target());
        Label start = fn.startRegion();
        mv.visitVarInsn(ALOAD, BytecodeFunction.TS);
        mv.visitInsn(SWAP);
        mv.visitLdcInsn(a.name());
        mv.visitMethodInsn(INVOKESTATIC, "dev/skein/runtime/Values", "getAttr", "(" + TS + OBJ + "Ljava/lang/String;)" + OBJ, false);
        fn.endRegion(start, a.span().line(), a.span().column(), false);
    }

    /** {@code {a, b}}: each item evaluated, then added in a region located at the literal (hashing may fail). */
    private void set(Expr.SetLit s) {
        List<List<Expr>> entries = s.items().stream().map(List::of).toList();
        container(SET, "()V", "add", "(" + OBJ + ")Z", entries, s.span());
    }

    /** {@code {k: v}}: key, then value, then the put in a region located at the literal. */
    private void dict(Expr.DictLit d) {
        List<List<Expr>> entries = new ArrayList<>();
        for (int i = 0; i < d.keys().size(); i++) entries.add(List.of(d.keys().get(i), d.values().get(i)));
        container(DICT, "(I)V", "put", "(" + OBJ + OBJ + ")V", entries, d.span());
    }

    /**
     * A new {@code type} (sized by the entry count when {@code init} takes an int), then per entry
     * its expressions in order and {@code add} on them, in a region located at {@code at}.
     */
    private void container(String type, String init, String add, String addDescriptor, List<List<Expr>> entries, Span at) {
        int container = fn.newLocal(false);
        mv.visitTypeInsn(NEW, type);
        mv.visitInsn(DUP);
        if (init.equals("(I)V")) fn.push(entries.size());
        mv.visitMethodInsn(INVOKESPECIAL, type, "<init>", init, false);
        mv.visitVarInsn(ASTORE, container);
        for (List<Expr> entry : entries) {
            mv.visitVarInsn(ALOAD, container);
            for (Expr e : entry) exprs.value(e);
            Label start = fn.startRegion();
            mv.visitMethodInsn(INVOKEVIRTUAL, type, add, addDescriptor, false);
            if (addDescriptor.endsWith("Z")) mv.visitInsn(POP);
            fn.endRegion(start, at.line(), at.column(), false);
        }
        mv.visitVarInsn(ALOAD, container);
    }

    /**
     * An f-string, as {@link Literals.FString}: text pieces appended; for a field its value, then
     * in one region located at the f-string the conversion, the format spec (itself an f-string,
     * whose fields locate at it first) and the formatting.
     */
    private void fstring(Expr.FString f) {
        int sb = fn.newLocal(false);
        mv.visitTypeInsn(NEW, BUILDER);
        mv.visitInsn(DUP);
        mv.visitMethodInsn(INVOKESPECIAL, BUILDER, "<init>", "()V", false);
        mv.visitVarInsn(ASTORE, sb);
        for (Object p : f.parts()) {
            mv.visitVarInsn(ALOAD, sb);
            if (p instanceof Expr.Interpolation in) field(in, f);
            else mv.visitLdcInsn(p);
            mv.visitMethodInsn(INVOKEVIRTUAL, BUILDER, "append", "(Ljava/lang/String;)L" + BUILDER + ";", false);
            mv.visitInsn(POP);
        }
        mv.visitVarInsn(ALOAD, sb);
        mv.visitMethodInsn(INVOKEVIRTUAL, BUILDER, "toString", "()Ljava/lang/String;", false);
    }

    /** Pushes one field's formatted text. */
    private void field(Expr.Interpolation in, Expr.FString f) {
        int value = fn.newLocal(false);
        exprs.value(in.value());
        mv.visitVarInsn(ASTORE, value);
        Label start = fn.startRegion();
        mv.visitVarInsn(ALOAD, value);
        fn.push(in.conversion());
        mv.visitMethodInsn(INVOKESTATIC, LITERALS, "convert", "(" + OBJ + "C)" + OBJ, false);
        if (in.spec() == null) {
            mv.visitLdcInsn("");
        } else {
            fstring(in.spec());
        }
        mv.visitMethodInsn(INVOKESTATIC, "dev/skein/interp/FieldFormat", "format", "(" + OBJ + "Ljava/lang/String;)Ljava/lang/String;", false);
        fn.endRegion(start, f.span().line(), f.span().column(), false);
    }

    // ------------------------------------------------------------------ calls with keywords or spreads

    /**
     * {@code f(a, *xs, k=v)}, as {@link Calls.Call} when its arguments are not simple: the callee,
     * then in one region located at the call the arguments (positional and spread in order, then
     * keywords) and {@link Calls#invoke}.
     */
    void call(Expr.Call c) {
        exprs.value(c.callee());
        int callee = fn.newLocal(false);
        mv.visitVarInsn(ASTORE, callee);
        Label start = fn.startRegion();
        String[] names = arguments(c.args());
        int args = fn.newLocal(false);
        mv.visitVarInsn(ASTORE, args);
        mv.visitVarInsn(ALOAD, BytecodeFunction.TS);
        mv.visitVarInsn(ALOAD, callee);
        mv.visitVarInsn(ALOAD, args);
        keywordNames(names);
        mv.visitMethodInsn(INVOKESTATIC, CALLS, "invoke", "(" + TS + OBJ + "[" + OBJ + "[Ljava/lang/String;)" + OBJ, false);
        fn.endRegion(start, c.span().line(), c.span().column(), true);
    }

    /**
     * The rest of {@code recv.name(a, *xs, k=v)} once {@link BytecodeExpressions} has the receiver
     * and {@link Calls#moduleMember} in locals, inside the call's region: the arguments, then
     * {@link Calls#callMethod}, as {@link Calls.MethodCall} does when its arguments are not simple.
     */
    void callMethod(int recv, int member, String name, List<Expr.Arg> arguments) {
        int args = fn.newLocal(false);
        String[] names = arguments(arguments);
        mv.visitVarInsn(ASTORE, args);
        mv.visitVarInsn(ALOAD, BytecodeFunction.TS);
        mv.visitVarInsn(ALOAD, recv);
        mv.visitVarInsn(ALOAD, member);
        mv.visitLdcInsn(name);
        mv.visitVarInsn(ALOAD, args);
        keywordNames(names);
        mv.visitInsn(ICONST_0);
        mv.visitMethodInsn(INVOKESTATIC, CALLS, "callMethod",
                "(" + TS + OBJ + OBJ + "Ljava/lang/String;[" + OBJ + "[Ljava/lang/String;Z)" + OBJ, false);
    }

    /**
     * Pushes the Object[] of a call's arguments laid out as {@link Calls.Arguments#eval} lays them
     * out (positional and spread first, in order, then keywords) and evaluated in that order;
     * returns the keyword names (null when none).
     */
    private String[] arguments(List<Expr.Arg> args) {
        List<Expr.Arg> ordered = new ArrayList<>();
        List<String> names = new ArrayList<>();
        boolean anySpread = false;
        for (Expr.Arg a : args) {
            if (a.name() == null) ordered.add(a);
            anySpread |= a.spread();
        }
        for (Expr.Arg a : args) {
            if (a.name() != null) {
                ordered.add(a);
                names.add(a.name());
            }
        }
        if (anySpread) spreadArguments(ordered);
        else exprs.valuesArray(ordered.stream().map(Expr.Arg::value).toList());
        return names.isEmpty() ? null : names.toArray(new String[0]);
    }

    /** With a spread: an ArrayList each value goes into (a spread one item by item, {@link Calls#addSpread}), then its array. */
    private void spreadArguments(List<Expr.Arg> ordered) {
        int out = fn.newLocal(false);
        mv.visitTypeInsn(NEW, "java/util/ArrayList");
        mv.visitInsn(DUP);
        mv.visitMethodInsn(INVOKESPECIAL, "java/util/ArrayList", "<init>", "()V", false);
        mv.visitVarInsn(ASTORE, out);
        for (Expr.Arg a : ordered) {
            mv.visitVarInsn(ALOAD, out);
            exprs.value(a.value());
            if (a.spread() && a.name() == null) {
                mv.visitMethodInsn(INVOKESTATIC, CALLS, "addSpread", "(Ljava/util/List;" + OBJ + ")V", false);
            } else {
                mv.visitMethodInsn(INVOKEINTERFACE, "java/util/List", "add", "(" + OBJ + ")Z", true);
                mv.visitInsn(POP);
            }
        }
        mv.visitVarInsn(ALOAD, out);
        mv.visitMethodInsn(INVOKEINTERFACE, "java/util/List", "toArray", "()[" + OBJ, true);
    }

    private void keywordNames(String[] names) {
        if (names == null) {
            mv.visitInsn(ACONST_NULL);
        } else {
            unit.constant(mv, names);
            mv.visitTypeInsn(CHECKCAST, "[Ljava/lang/String;");
        }
    }

    /** The list the tree's ListLit makes of its items, evaluated in order (no region: nothing here raises). */
    private void listLiteral(List<Expr> items) {
        exprs.valuesArray(items);
        mv.visitMethodInsn(INVOKESTATIC, LIST, "wrap", "([" + OBJ + ")L" + LIST + ";", false);
    }
}
