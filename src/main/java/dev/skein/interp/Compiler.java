package dev.skein.interp;

import dev.skein.ast.Expr;
import dev.skein.ast.LiteralBytes;
import dev.skein.ast.Param;
import dev.skein.ast.Span;
import dev.skein.ast.Stmt;
import dev.skein.ast.Target;
import dev.skein.runtime.Bytes;
import dev.skein.runtime.Interpreter;
import dev.skein.syntax.CompileError;
import dev.skein.syntax.Diagnostic;
import dev.skein.syntax.Source;
import java.util.ArrayList;
import java.util.List;

/**
 * Resolves an AST and builds the executable node tree: every local gets a frame slot, every
 * captured variable a cell, every global an index — so nothing is looked up by name at run
 * time. Reports every undeclared name (and misplaced break/return) before anything runs.
 *
 * <p>Nodes are told apart with {@code instanceof} chains, not pattern {@code switch}: each
 * pattern switch spins a class at its first use, which cost every script and every starting
 * process-pool worker tens of milliseconds before anything ran.
 */
public final class Compiler {
    private final Source source;
    private final ModuleInstance module;
    private final Interpreter interp;
    private final ModuleLoader loader;
    private final FreeNames freeNames = new FreeNames();
    private final List<Diagnostic> errors = new ArrayList<>();
    private final ConcurrencyCompiler concurrency = new ConcurrencyCompiler(this);
    private final java.util.function.Consumer<Code> codes;
    private Scope scope;

    private Compiler(Source source, ModuleInstance module, Interpreter interp, ModuleLoader loader, java.util.function.Consumer<Code> codes) {
        this.source = source;
        this.module = module;
        this.interp = interp;
        this.loader = loader;
        this.codes = codes;
    }

    /**
     * Compiles a module's top level against {@code module}'s globals (which it extends). With
     * {@code valueOfLastExpression}, a final expression statement becomes the code's result (REPL).
     */
    public static Code compileModule(List<Stmt> program, Source source, ModuleInstance module, Interpreter interp,
                                     ModuleLoader loader, boolean valueOfLastExpression, java.util.function.Consumer<Code> codes) {
        return new Compiler(source, module, interp, loader, codes).module(program, valueOfLastExpression);
    }

    private Code module(List<Stmt> program, boolean valueOfLastExpression) {
        for (Stmt s : program) declareGlobal(s);
        scope = new Scope(null, true, "<main>", freeNames.usedByClosures(program));
        scope.pushBlock();
        List<StmtNode> body = new ArrayList<>();
        ExprNode result = null;
        for (int i = 0; i < program.size(); i++) {
            Stmt s = program.get(i);
            if (valueOfLastExpression && i == program.size() - 1 && s instanceof Stmt.ExprStmt e) result = expr(e.expr());
            else body.add(stmt(s));
        }
        scope.popBlock();
        if (!errors.isEmpty()) throw new CompileError(errors);
        StmtNode block = new Statements.Block(1, 1, body.toArray(new StmtNode[0]), new int[0]);
        if (result != null) {
            List<StmtNode> withResult = new ArrayList<>(body);
            withResult.add(new Statements.Return(result.line, result.column, result));
            block = new Statements.Block(1, 1, withResult.toArray(new StmtNode[0]), new int[0]);
        }
        // Top-level code is never sent to a worker, so it is not registered by key (its key
        // would clash with a function defined at line 1, column 1).
        return new Code("<main>", source.name(), 1, 1, new String[0], new String[0], new ExprNode[0], -1, scope.frameSize, new int[0], block, null);
    }

    /** Top-level declarations are globals, known before any code is compiled (functions may use later ones). */
    private void declareGlobal(Stmt s) {
        if (s instanceof Stmt.Let l) {
            declareGlobals(l.target());
        } else if (s instanceof Stmt.FnDef d) {
            module.declare(d.name());
        } else if (s instanceof Stmt.RecordDef r) {
            module.declare(r.name());
        } else if (s instanceof Stmt.Import i) {
            module.declare(importName(i));
        }
    }

    private void declareGlobals(Target t) {
        if (t instanceof Target.NameTarget n) module.declare(n.name());
        else if (t instanceof Target.ListTarget l) l.items().forEach(this::declareGlobals);
    }

    private static String importName(Stmt.Import i) {
        if (i.alias() != null) return i.alias();
        int dot = i.module().lastIndexOf('.');
        return dot < 0 ? i.module() : i.module().substring(dot + 1);
    }

    // ------------------------------------------------------------------ diagnostics

    void error(Span at, String kind, String message) {
        errors.add(new Diagnostic(source, at.line(), at.column(), kind, message, false));
    }

    Source source() { return source; }

    // ------------------------------------------------------------------ names

    /** What {@code name} means here, or null when it is not declared anywhere. */
    Scope.Binding resolve(String name) { return resolve(scope, name); }

    private Scope.Binding resolve(Scope s, String name) {
        Scope.Var v = s.findLocal(name);
        if (v != null) return new Scope.Local(v);
        if (s.isModule) {
            int g = module.indexOf(name);
            if (g >= 0) return new Scope.Global(g, name);
            if (interp.builtins().containsKey(name)) return new Scope.Builtin(interp.builtins().get(name));
            return null;
        }
        Scope.Binding outer = resolve(s.parent, name);
        if (outer instanceof Scope.Local l) {
            if (!l.var().cell()) throw new IllegalStateException("captured variable '" + name + "' has no cell");
            return new Scope.Captured(s.capture(l.var(), new Calls.CaptureSource(true, l.var().slot())));
        }
        if (outer instanceof Scope.Captured c) {
            return new Scope.Captured(s.capture(c.index(), new Calls.CaptureSource(false, c.index())));
        }
        return outer;
    }

    private ExprNode read(Span at, String name) {
        Scope.Binding b = resolve(name);
        int line = at.line(), col = at.column();
        if (b == null) {
            error(at, "NameError", "'" + name + "' is not declared" + suggestion(name));
            return new Variables.Const(line, col, null);
        } else if (b instanceof Scope.Local l) {
            return l.var().cell() ? new Variables.CellGet(line, col, l.var().slot()) : new Variables.LocalGet(line, col, l.var().slot());
        } else if (b instanceof Scope.Captured c) {
            return new Variables.CaptureGet(line, col, c.index());
        } else if (b instanceof Scope.Global g) {
            for (Scope s = scope; s != null; s = s.parent) s.globalsRead.add(name);
            return new Variables.GlobalGet(line, col, g.index(), name);
        } else if (b instanceof Scope.Builtin bi) {
            return new Variables.Const(line, col, bi.value());
        }
        throw new IllegalStateException("unexpected binding " + b);
    }

    private String suggestion(String name) {
        return switch (name) {
            case "None", "null", "nil" -> " (Skein spells it none)";
            case "True" -> " (Skein spells it true)";
            case "False" -> " (Skein spells it false)";
            default -> "";
        };
    }

    /** A store for assigning (not declaring) a name. */
    private Store assignStore(Span at, String name) {
        Scope.Binding b = resolve(name);
        int line = at.line(), col = at.column();
        if (b == null) {
            error(at, "NameError", "'" + name + "' is not declared; declare it first with: let " + name + " = …");
            return new Variables.LocalStore(line, col, 0);
        } else if (b instanceof Scope.Local l) {
            return l.var().cell() ? new Variables.CellStore(line, col, l.var().slot()) : new Variables.LocalStore(line, col, l.var().slot());
        } else if (b instanceof Scope.Captured c) {
            return new Variables.CaptureStore(line, col, c.index());
        } else if (b instanceof Scope.Global g) {
            for (Scope s = scope; s != null; s = s.parent) s.globalsRead.add(name);   // "globals used", for process pools
            return new Variables.GlobalStore(line, col, g.index());
        } else if (b instanceof Scope.Builtin bi) {
            error(at, "NameError", "'" + name + "' is a builtin and cannot be assigned; declare your own with: let " + name + " = …");
            return new Variables.LocalStore(line, col, 0);
        }
        throw new IllegalStateException("unexpected binding " + b);
    }

    /** A store that declares {@code name} here: a global at module top level, else a new local. */
    Store declareStore(Span at, String name) {
        if (scope.atModuleTop()) return new Variables.GlobalStore(at.line(), at.column(), module.declare(name));
        Scope.Var v = scope.declare(name);
        return v.cell() ? new Variables.CellInit(at.line(), at.column(), v.slot()) : new Variables.LocalStore(at.line(), at.column(), v.slot());
    }

    private Store target(Target t, boolean declare) {
        if (t instanceof Target.NameTarget n) {
            return declare ? declareStore(n.span(), n.name()) : assignStore(n.span(), n.name());
        } else if (t instanceof Target.ListTarget l) {
            Store[] items = new Store[l.items().size()];
            for (int i = 0; i < items.length; i++) items[i] = target(l.items().get(i), declare);
            return new Variables.Destructure(l.span().line(), l.span().column(), items);
        } else if (t instanceof Target.IndexTarget i) {
            return new Variables.IndexStore(i.span().line(), i.span().column(), expr(i.target()), expr(i.index()));
        } else if (t instanceof Target.AttrTarget a) {
            error(a.span(), "SyntaxError", "cannot assign to '." + a.name() + "': records are immutable (make a new one, e.g. p.with(" + a.name() + "=…))");
            return new Variables.LocalStore(a.span().line(), a.span().column(), 0);
        }
        throw new IllegalStateException("unexpected target " + t);
    }

    // ------------------------------------------------------------------ statements

    private StmtNode block(Stmt.Block b) { return block(b.span(), b.statements()); }

    private StmtNode block(Span at, List<Stmt> statements) {
        scope.pushBlock();
        try {
            List<Integer> hoistedCells = new ArrayList<>();
            for (Stmt s : statements) {
                String hoisted = s instanceof Stmt.FnDef d ? d.name() : s instanceof Stmt.RecordDef r ? r.name() : null;
                if (hoisted != null && scope.declaredHere(hoisted) == null) {
                    Scope.Var v = scope.declare(hoisted);
                    if (v.cell()) hoistedCells.add(v.slot());
                }
            }
            StmtNode[] body = new StmtNode[statements.size()];
            for (int i = 0; i < body.length; i++) body[i] = stmt(statements.get(i));
            return new Statements.Block(at.line(), at.column(), body, hoistedCells.stream().mapToInt(Integer::intValue).toArray());
        } finally {
            scope.popBlock();
        }
    }

    private StmtNode stmt(Stmt s) {
        int line = s.span().line(), col = s.span().column();
        if (s instanceof Stmt.Let l) {
            ExprNode value = expr(l.value());
            return new Statements.Assign(line, col, target(l.target(), true), value);
        } else if (s instanceof Stmt.Assign a) {
            ExprNode value = expr(a.value());
            return new Statements.Assign(line, col, target(a.target(), false), value);
        } else if (s instanceof Stmt.AugAssign a) {
            return augAssign(a);
        } else if (s instanceof Stmt.ExprStmt e) {
            return new Statements.ExprStmt(line, col, expr(e.expr()));
        } else if (s instanceof Stmt.FnDef d) {
            return new Statements.Assign(line, col, definitionStore(d.span(), d.name()), lambda(d.function()));
        } else if (s instanceof Stmt.RecordDef r) {
            return recordDef(r);
        } else if (s instanceof Stmt.If i) {
            StmtNode otherwise = i.otherwise() == null ? null : stmt(i.otherwise());
            return new Statements.If(line, col, expr(i.condition()), block(i.then()), otherwise);
        } else if (s instanceof Stmt.While w) {
            int[][] acc = startAccumulating(w.body().statements(), w.condition());
            ExprNode cond = expr(w.condition());
            scope.loopDepth++;
            StmtNode body = block(w.body());
            scope.loopDepth--;
            return finishAccumulating(acc, new Statements.While(line, col, cond, body));
        } else if (s instanceof Stmt.For f) {
            ExprNode iterable = expr(f.iterable());
            int[][] acc = startAccumulating(f.body().statements(), null);
            scope.pushBlock();
            Store target = target(f.target(), true);
            scope.loopDepth++;
            StmtNode body = block(f.body());
            scope.loopDepth--;
            scope.popBlock();
            return finishAccumulating(acc, new Statements.For(line, col, target, iterable, body));
        } else if (s instanceof Stmt.Break b) {
            if (scope.loopDepth == 0) error(b.span(), "SyntaxError", "'break' outside a loop");
            return new Statements.Jump(line, col, StmtNode.BREAK);
        } else if (s instanceof Stmt.Continue c) {
            if (scope.loopDepth == 0) error(c.span(), "SyntaxError", "'continue' outside a loop");
            return new Statements.Jump(line, col, StmtNode.CONTINUE);
        } else if (s instanceof Stmt.Return r) {
            if (scope.isModule) error(r.span(), "SyntaxError", "'return' outside a function");
            return new Statements.Return(line, col, r.value() == null ? null : expr(r.value()));
        } else if (s instanceof Stmt.Throw t) {
            return new Statements.Throw(line, col, expr(t.error()));
        } else if (s instanceof Stmt.Try t) {
            return tryStmt(t);
        } else if (s instanceof Stmt.Import i) {
            Store target = definitionStore(i.span(), importName(i));
            if (!i.isPath() && !interp.hasStdModule(i.module())) {
                error(i.span(), "ImportError", "there is no standard module '" + i.module() + "' (there are: "
                        + String.join(", ", new java.util.TreeSet<>(interp.stdModuleNames())) + ")");
            }
            return new Definitions.Import(line, col, target, i.module(), i.isPath(), loader);
        } else if (s instanceof Stmt.With w) {
            ExprNode resource = expr(w.resource());
            scope.pushBlock();
            Store target = w.name() == null ? null : declareStore(w.span(), w.name());
            StmtNode body = block(w.body());
            scope.popBlock();
            return new Definitions.With(line, col, resource, target, body);
        } else if (s instanceof Stmt.Block b) {
            return block(b);
        }
        throw new IllegalStateException("unexpected statement " + s);
    }

    /** Locals being string-accumulated by enclosing loops: variable slot → buffer slot. */
    private final java.util.Map<Integer, Integer> accumulating = new java.util.HashMap<>();

    /**
     * Finds the plain locals of this function that the loop only extends with {@code +=} and
     * never reads, and gives each a buffer slot: {@code s += str(i)} in a loop then appends to
     * a buffer instead of copying the whole string each time (which is quadratic).
     */
    private int[][] startAccumulating(List<Stmt> body, Expr condition) {
        List<int[]> pairs = new ArrayList<>();
        for (String name : freeNames.appendOnly(body, condition)) {
            Scope.Var v = scope.findLocal(name);
            if (v == null || v.cell() || accumulating.containsKey(v.slot())) continue;
            int buffer = scope.frameSize++;
            accumulating.put(v.slot(), buffer);
            pairs.add(new int[] {v.slot(), buffer});
        }
        return pairs.toArray(new int[0][]);
    }

    private StmtNode finishAccumulating(int[][] pairs, StmtNode loop) {
        if (pairs.length == 0) return loop;
        for (int[] p : pairs) accumulating.remove(p[0]);
        return new Accumulation.Loop(loop.line, loop.column, loop, pairs);
    }

    /** Where a hoisted {@code fn}/{@code record}/import name goes: a global at top level, else its block slot. */
    private Store definitionStore(Span at, String name) {
        if (scope.atModuleTop()) return new Variables.GlobalStore(at.line(), at.column(), module.declare(name));
        Scope.Var v = scope.declaredHere(name);
        if (v == null) return declareStore(at, name);
        return v.cell() ? new Variables.CellStore(at.line(), at.column(), v.slot()) : new Variables.LocalStore(at.line(), at.column(), v.slot());
    }

    private StmtNode augAssign(Stmt.AugAssign a) {
        int line = a.span().line(), col = a.span().column();
        ExprNode value = expr(a.value());
        Target target = a.target();
        if (target instanceof Target.NameTarget n) {
            Scope.Var local = a.op().equals("+") ? scope.findLocal(n.name()) : null;
            if (local != null && !local.cell() && accumulating.containsKey(local.slot())) {
                return new Accumulation.Append(line, col, local.slot(), accumulating.get(local.slot()), value);
            }
            // x op= v is x = x op v with x read once: an assignment of the combined value.
            ExprNode read = read(n.span(), n.name());
            Store write = assignStore(n.span(), n.name());
            return new Statements.Assign(line, col, write, Operators.binary(line, col, a.op(), read, value));
        } else if (target instanceof Target.IndexTarget i) {
            return new Statements.AugIndex(line, col, expr(i.target()), expr(i.index()), Operators.forSymbol(a.op()), value);
        } else {
            target(a.target(), false);  // reports the error
            return new Statements.ExprStmt(line, col, value);
        }
    }

    private StmtNode recordDef(Stmt.RecordDef r) {
        String[] fields = new String[r.fields().size()];
        ExprNode[] defaults = new ExprNode[fields.length];
        for (int i = 0; i < fields.length; i++) {
            Param p = r.fields().get(i);
            fields[i] = p.name();
            defaults[i] = p.defaultValue() == null ? null : expr(p.defaultValue());
        }
        return new Definitions.RecordDef(r.span().line(), r.span().column(), definitionStore(r.span(), r.name()), r.name(), fields, defaults);
    }

    private StmtNode tryStmt(Stmt.Try t) {
        StmtNode body = block(t.body());
        Statements.CatchClause[] catches = new Statements.CatchClause[t.catches().size()];
        for (int i = 0; i < catches.length; i++) {
            Stmt.Catch c = t.catches().get(i);
            ExprNode[] kinds = c.kinds().stream().map(this::expr).toArray(ExprNode[]::new);
            scope.pushBlock();
            Store binding = c.binding() == null ? null : declareLocal(c.bindingSpan(), c.binding());
            catches[i] = new Statements.CatchClause(kinds, binding, block(c.body()));
            scope.popBlock();
        }
        StmtNode fin = t.finallyBlock() == null ? null : block(t.finallyBlock());
        return new Statements.Try(t.span().line(), t.span().column(), body, catches, fin);
    }

    /** Declares a block-local even at module top level (catch bindings are never globals). */
    private Store declareLocal(Span at, String name) {
        Scope.Var v = scope.declare(name);
        return v.cell() ? new Variables.CellInit(at.line(), at.column(), v.slot()) : new Variables.LocalStore(at.line(), at.column(), v.slot());
    }

    // ------------------------------------------------------------------ expressions

    ExprNode expr(Expr e) {
        int line = e.span().line(), col = e.span().column();
        if (e instanceof Expr.Literal l) {
            Object v = l.value() instanceof LiteralBytes b ? Bytes.wrap(b.bytes()) : l.value();
            return new Variables.Const(line, col, v);
        } else if (e instanceof Expr.Name n) {
            return read(n.span(), n.name());
        } else if (e instanceof Expr.FString f) {
            return fstring(f);
        } else if (e instanceof Expr.ListLit l) {
            return new Literals.ListLit(line, col, exprs(l.items()));
        } else if (e instanceof Expr.SetLit s) {
            return new Literals.SetLit(line, col, exprs(s.items()));
        } else if (e instanceof Expr.DictLit d) {
            return new Literals.DictLit(line, col, exprs(d.keys()), exprs(d.values()));
        } else if (e instanceof Expr.Comprehension c) {
            return comprehension(c);
        } else if (e instanceof Expr.Unary u) {
            return new Operators.Unary(line, col, u.op(), expr(u.operand()));
        } else if (e instanceof Expr.Binary b) {
            return Operators.binary(line, col, b.op(), expr(b.left()), expr(b.right()));
        } else if (e instanceof Expr.Compare c) {
            return compare(c);
        } else if (e instanceof Expr.And a) {
            return new Operators.And(line, col, expr(a.left()), expr(a.right()));
        } else if (e instanceof Expr.Or o) {
            return new Operators.Or(line, col, expr(o.left()), expr(o.right()));
        } else if (e instanceof Expr.Not n) {
            return new Operators.Not(line, col, expr(n.operand()));
        } else if (e instanceof Expr.Conditional c) {
            return new Operators.Conditional(line, col, expr(c.condition()), expr(c.then()), expr(c.otherwise()));
        } else if (e instanceof Expr.Call c) {
            return call(c);
        } else if (e instanceof Expr.Index i) {
            return new Literals.Index(line, col, expr(i.target()), expr(i.index()));
        } else if (e instanceof Expr.Slice s) {
            return new Literals.Slice(line, col, opt(s.start()), opt(s.stop()), opt(s.step()));
        } else if (e instanceof Expr.Attr a) {
            return new Literals.Attr(line, col, expr(a.target()), a.name());
        } else if (e instanceof Expr.Lambda l) {
            return lambda(l);
        } else if (e instanceof Expr.Await a) {
            return concurrency.await(a);
        } else if (e instanceof Expr.Submit s) {
            return concurrency.submit(s);
        } else if (e instanceof Expr.MapOver m) {
            return concurrency.map(m);
        }
        throw new IllegalStateException("unexpected expression " + e);
    }

    ExprNode opt(Expr e) { return e == null ? null : expr(e); }

    private ExprNode[] exprs(List<Expr> es) {
        ExprNode[] out = new ExprNode[es.size()];
        for (int i = 0; i < out.length; i++) out[i] = expr(es.get(i));
        return out;
    }

    private ExprNode compare(Expr.Compare c) {
        int line = c.span().line(), col = c.span().column();
        ExprNode[] operands = exprs(c.operands());
        if (operands.length == 2) return Operators.comparison(line, col, c.ops().get(0), operands[0], operands[1]);
        return new Operators.Chain(line, col, c.ops().toArray(new String[0]), operands);
    }

    Calls.Arguments arguments(List<Expr.Arg> args) {
        List<ExprNode> positional = new ArrayList<>(), keyword = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<Boolean> spread = new ArrayList<>();
        boolean anySpread = false;
        for (Expr.Arg a : args) {
            if (a.name() != null) {
                keyword.add(expr(a.value()));
                names.add(a.name());
            } else {
                positional.add(expr(a.value()));
                spread.add(a.spread());
                anySpread |= a.spread();
            }
        }
        List<ExprNode> all = new ArrayList<>(positional);
        all.addAll(keyword);
        boolean[] spreadFlags = null;
        if (anySpread) {
            spreadFlags = new boolean[all.size()];
            for (int i = 0; i < spread.size(); i++) spreadFlags[i] = spread.get(i);
        }
        return new Calls.Arguments(all.toArray(new ExprNode[0]), spreadFlags, names.isEmpty() ? null : names.toArray(new String[0]));
    }

    private ExprNode call(Expr.Call c) {
        int line = c.span().line(), col = c.span().column();
        if (c.callee() instanceof Expr.Attr a) {
            ExprNode receiver = expr(a.target());
            return new Calls.MethodCall(a.span().line(), a.span().column(), receiver, a.name(), arguments(c.args()));
        }
        ExprNode callee = expr(c.callee());
        return new Calls.Call(line, col, callee, arguments(c.args()));
    }

    private ExprNode fstring(Expr.FString f) {
        Object[] parts = new Object[f.parts().size()];
        for (int i = 0; i < parts.length; i++) {
            Object p = f.parts().get(i);
            if (p instanceof Expr.Interpolation in) {
                parts[i] = new Literals.Field(expr(in.value()), in.conversion(), in.spec() == null ? null : fstring(in.spec()));
            } else {
                parts[i] = p;
            }
        }
        return new Literals.FString(f.span().line(), f.span().column(), parts);
    }

    private ExprNode comprehension(Expr.Comprehension c) {
        scope.pushBlock();
        try {
            List<Literals.Clause> clauses = new ArrayList<>();
            for (Expr.CompClause cl : c.clauses()) {
                if (cl instanceof Expr.CompFor f) {
                    ExprNode iterable = expr(f.iterable());
                    clauses.add(new Literals.Clause(declaringTarget(f.target()), iterable, true));
                } else {
                    clauses.add(new Literals.Clause(null, expr(((Expr.CompIf) cl).condition()), false));
                }
            }
            char kind = switch (c.kind()) { case DICT -> 'd'; case SET -> 's'; default -> 'l'; };
            ExprNode element = expr(c.element());
            ExprNode value = c.value() == null ? null : expr(c.value());
            return new Literals.Comprehension(c.span().line(), c.span().column(), kind, element, value,
                    clauses.toArray(new Literals.Clause[0]));
        } finally {
            scope.popBlock();
        }
    }

    /** Comprehension variables are always locals of the comprehension, even at module top level. */
    private Store declaringTarget(Target t) {
        if (t instanceof Target.NameTarget n) return declareLocal(n.span(), n.name());
        if (t instanceof Target.ListTarget l) {
            Store[] items = l.items().stream().map(this::declaringTarget).toArray(Store[]::new);
            return new Variables.Destructure(l.span().line(), l.span().column(), items);
        }
        return target(t, true);
    }

    ExprNode lambda(Expr.Lambda fn) {
        String name = fn.name() != null ? fn.name() : "<lambda>";
        Scope outer = scope;
        scope = new Scope(outer, false, name, freeNames.usedByClosures(fn.body()) );
        // A parameter is a cell when a nested closure uses it.
        scope.pushBlock();
        try {
            List<Param> params = fn.params();
            String[] names = new String[params.size()];
            List<Integer> cellParams = new ArrayList<>();
            int rest = -1;
            for (int i = 0; i < names.length; i++) {
                Param p = params.get(i);
                names[i] = p.name();
                Scope.Var v = scope.declare(p.name());
                if (v.cell()) cellParams.add(v.slot());
                if (p.rest()) rest = i;
            }
            ExprNode[] defaults = new ExprNode[names.length];
            for (int i = 0; i < names.length; i++) {
                Expr d = params.get(i).defaultValue();
                defaults[i] = d == null ? null : expr(d);
            }
            StmtNode body = block(fn.span(), fn.body());
            ExprNode returnExpr = null;
            if (fn.body().size() == 1 && fn.body().get(0) instanceof Stmt.Return r && r.value() != null && cellParams.isEmpty()) {
                returnExpr = ((Statements.Return) ((Statements.Block) body).body[0]).value;
            }
            Code code = new Code(name, source.name(), fn.span().line(), fn.span().column(), scope.globalsRead.toArray(new String[0]),
                    names, defaults, rest, scope.frameSize, cellParams.stream().mapToInt(Integer::intValue).toArray(), body, returnExpr);
            codes.accept(code);
            Calls.CaptureSource[] captures = scope.captures();
            code.capturedCount = captures.length;
            return new Calls.Closure(fn.span().line(), fn.span().column(), code, captures);
        } finally {
            scope.popBlock();
            scope = outer;
        }
    }
}
