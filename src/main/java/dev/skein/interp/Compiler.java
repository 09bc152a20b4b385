package dev.skein.interp;

import dev.skein.ast.Expr;
import dev.skein.ast.LiteralBytes;
import dev.skein.ast.Param;
import dev.skein.ast.Span;
import dev.skein.ast.Stmt;
import dev.skein.ast.Target;
import dev.skein.runtime.Bytes;
import dev.skein.runtime.Interpreter;
import java.util.ArrayList;
import java.util.List;

/**
 * Code generation: builds the executable node tree of a {@link ResolvedProgram}. Every name was
 * resolved before (to a frame slot, a cell, a capture or a global), so this only reads the
 * resolver's decisions; globals get their module indices here. It runs only on programs
 * without errors (or whose only errors are undeclared names a host provides as globals).
 *
 * <p>Nodes are told apart with {@code instanceof} chains, not pattern {@code switch}: each
 * pattern switch spins a class at its first use, which cost every script and every starting
 * process-pool worker tens of milliseconds before anything ran.
 */
public final class Compiler {
    private final ResolvedProgram resolved;
    private final ModuleInstance module;
    private final Interpreter interp;
    private final ModuleLoader loader;
    private final ConcurrencyCompiler concurrency = new ConcurrencyCompiler(this);
    private final java.util.function.Consumer<Code> codes;
    /** Top-level function bodies built at their first use, and every function's code, for the bytecode compiler. */
    private final LazyBodies bodies = new LazyBodies(this);

    private Compiler(ResolvedProgram resolved, ModuleInstance module, Interpreter interp, ModuleLoader loader, java.util.function.Consumer<Code> codes) {
        this.resolved = resolved;
        this.module = module;
        this.interp = interp;
        this.loader = loader;
        this.codes = codes;
    }

    /**
     * Builds a module's top level against {@code module}'s globals (each global the program
     * names is declared there if new). With {@code valueOfLastExpression}, a final expression
     * statement becomes the code's result (REPL). Each function body built is passed to {@code codes}.
     */
    public static Code generate(ResolvedProgram resolved, ModuleInstance module, Interpreter interp,
                                ModuleLoader loader, boolean valueOfLastExpression, java.util.function.Consumer<Code> codes) {
        Compiler compiler = new Compiler(resolved, module, interp, loader, codes);
        Code main = compiler.module(resolved.program, valueOfLastExpression);
        if (interp.compiles()) BytecodeLazy.install(resolved, module, interp, compiler.bodies, compiler.main);
        return main;
    }

    /** The top level as built, for the bytecode compiler. */
    private BytecodeCompiler.Main main;

    private Code module(List<Stmt> program, boolean valueOfLastExpression) {
        List<StmtNode> body = new ArrayList<>();
        ExprNode result = null;
        Expr resultExpr = null;
        for (int i = 0; i < program.size(); i++) {
            Stmt s = program.get(i);
            if (valueOfLastExpression && i == program.size() - 1 && s instanceof Stmt.ExprStmt e) {
                result = expr(e.expr());
                resultExpr = e.expr();
            } else {
                body.add(s instanceof Stmt.FnDef d ? topLevelFn(d) : stmt(s));
            }
        }
        StmtNode block = new Statements.Block(1, 1, body.toArray(new StmtNode[0]), new int[0]);
        if (result != null) {
            List<StmtNode> withResult = new ArrayList<>(body);
            withResult.add(new Statements.Return(result.line, result.column, result));
            block = new Statements.Block(1, 1, withResult.toArray(new StmtNode[0]), new int[0]);
        }
        // Top-level code is never sent to a worker, so it is not registered by key (its key
        // would clash with a function defined at line 1, column 1).
        Code code = new Code("<main>", resolved.source.name(), 1, 1, new String[0], new String[0], new ExprNode[0], -1,
                resolved.main.frameSize, new int[0], block, null);
        List<Stmt> statements = resultExpr == null ? program : program.subList(0, program.size() - 1);
        main = new BytecodeCompiler.Main(statements, body, resultExpr, result, code);
        return code;
    }

    /** A top-level {@code fn}: its body is built at its first use ({@link LazyBodies}); it captures nothing. */
    private StmtNode topLevelFn(Stmt.FnDef d) {
        Span at = d.span();
        Code code = code(d.function());
        bodies.defer(d.function(), code);
        codes.accept(code);   // found by key before it is built: its body is asked for through Code.ready
        Calls.Closure closure = new Calls.Closure(d.function().span().line(), d.function().span().column(), code, new Calls.CaptureSource[0]);
        return new Statements.Assign(at.line(), at.column(), store(at, resolved.binding(d)), closure);
    }

    // ------------------------------------------------------------------ names

    private ExprNode read(Span at, Binding b) {
        int line = at.line(), col = at.column();
        if (b instanceof Binding.Local l) {
            return l.cell() ? new Variables.CellGet(line, col, l.slot()) : new Variables.LocalGet(line, col, l.slot());
        } else if (b instanceof Binding.Captured c) {
            return new Variables.CaptureGet(line, col, c.index());
        } else if (b instanceof Binding.Global g) {
            return new Variables.GlobalGet(line, col, module.declare(g.name()), g.name());
        } else if (b instanceof Binding.Builtin bi) {
            return new Variables.Const(line, col, interp.builtins().get(bi.name()));
        }
        throw new IllegalStateException("unexpected binding " + b);
    }

    /** A store for a resolved name: a declaration makes a new cell for a captured local. */
    private Store store(Span at, Binding b) {
        int line = at.line(), col = at.column();
        if (b instanceof Binding.Local l) {
            if (!l.cell()) return new Variables.LocalStore(line, col, l.slot());
            return l.fresh() ? new Variables.CellInit(line, col, l.slot()) : new Variables.CellStore(line, col, l.slot());
        } else if (b instanceof Binding.Captured c) {
            return new Variables.CaptureStore(line, col, c.index());
        } else if (b instanceof Binding.Global g) {
            return new Variables.GlobalStore(line, col, module.declare(g.name()));
        }
        throw new IllegalStateException("unexpected binding " + b);
    }

    private Store target(Target t) {
        if (t instanceof Target.NameTarget n) {
            return store(n.span(), resolved.binding(n));
        } else if (t instanceof Target.ListTarget l) {
            Store[] items = new Store[l.items().size()];
            for (int i = 0; i < items.length; i++) items[i] = target(l.items().get(i));
            return new Variables.Destructure(l.span().line(), l.span().column(), items);
        } else if (t instanceof Target.IndexTarget i) {
            return new Variables.IndexStore(i.span().line(), i.span().column(), expr(i.target()), expr(i.index()));
        } else if (t instanceof Target.AttrTarget a) {
            return new AttrStore(a.span().line(), a.span().column(), expr(a.target()), a.name());
        }
        throw new IllegalStateException("unexpected target " + t);
    }

    // ------------------------------------------------------------------ statements

    private StmtNode block(Stmt.Block b) { return block(b.span(), b.statements(), resolved.hoistedCells.getOrDefault(b, new int[0])); }

    private StmtNode block(Span at, List<Stmt> statements, int[] hoistedCells) {
        StmtNode[] body = new StmtNode[statements.size()];
        for (int i = 0; i < body.length; i++) body[i] = stmt(statements.get(i));
        return new Statements.Block(at.line(), at.column(), body, hoistedCells);
    }

    private StmtNode stmt(Stmt s) {
        int line = s.span().line(), col = s.span().column();
        if (s instanceof Stmt.Let l) {
            ExprNode value = expr(l.value());
            return new Statements.Assign(line, col, target(l.target()), value);
        } else if (s instanceof Stmt.Assign a) {
            ExprNode value = expr(a.value());
            return new Statements.Assign(line, col, target(a.target()), value);
        } else if (s instanceof Stmt.AugAssign a) {
            return augAssign(a);
        } else if (s instanceof Stmt.ExprStmt e) {
            return new Statements.ExprStmt(line, col, expr(e.expr()));
        } else if (s instanceof Stmt.FnDef d) {
            return new Statements.Assign(line, col, store(d.span(), resolved.binding(d)), lambda(d.function()));
        } else if (s instanceof Stmt.RecordDef r) {
            return recordDef(r);
        } else if (s instanceof Stmt.If i) {
            StmtNode otherwise = i.otherwise() == null ? null : stmt(i.otherwise());
            return new Statements.If(line, col, expr(i.condition()), block(i.then()), otherwise);
        } else if (s instanceof Stmt.While w) {
            return buffered(w, new Statements.While(line, col, expr(w.condition()), block(w.body())));
        } else if (s instanceof Stmt.For f) {
            ExprNode iterable = expr(f.iterable());
            return buffered(f, new Statements.For(line, col, target(f.target()), iterable, block(f.body())));
        } else if (s instanceof Stmt.Break) {
            return new Statements.Jump(line, col, StmtNode.BREAK);
        } else if (s instanceof Stmt.Continue) {
            return new Statements.Jump(line, col, StmtNode.CONTINUE);
        } else if (s instanceof Stmt.Return r) {
            return new Statements.Return(line, col, r.value() == null ? null : expr(r.value()));
        } else if (s instanceof Stmt.Throw t) {
            return new Statements.Throw(line, col, expr(t.error()));
        } else if (s instanceof Stmt.Try t) {
            return tryStmt(t);
        } else if (s instanceof Stmt.Import i) {
            return new Definitions.Import(line, col, store(i.span(), resolved.binding(i)), i.module(), i.isPath(), loader);
        } else if (s instanceof Stmt.With w) {
            ExprNode resource = expr(w.resource());
            Store target = w.name() == null ? null : store(w.span(), resolved.binding(w));
            return new Definitions.With(line, col, resource, target, block(w.body()));
        } else if (s instanceof Stmt.Block b) {
            return block(b);
        }
        throw new IllegalStateException("unexpected statement " + s);
    }

    /** A loop whose string appends go to buffers gets them written back however it is left. */
    private StmtNode buffered(Stmt loop, StmtNode node) {
        int[][] pairs = resolved.loopBuffers.get(loop);
        return pairs == null ? node : new Accumulation.Loop(node.line, node.column, node, pairs);
    }

    private StmtNode augAssign(Stmt.AugAssign a) {
        int line = a.span().line(), col = a.span().column();
        ExprNode value = expr(a.value());
        Target target = a.target();
        int[] buffer = resolved.appends.get(a);
        if (buffer != null) return new Accumulation.Append(line, col, buffer[0], buffer[1], value);
        if (target instanceof Target.NameTarget n) {
            // x op= v is x = x op v with x read once: an assignment of the combined value.
            Binding b = resolved.binding(n);
            return new Statements.Assign(line, col, store(n.span(), b), Operators.binary(line, col, a.op(), read(n.span(), b), value));
        } else if (target instanceof Target.IndexTarget i) {
            return new Statements.AugIndex(line, col, expr(i.target()), expr(i.index()), Operators.forSymbol(a.op()), value);
        }
        throw new IllegalStateException("unexpected target " + target);
    }

    private StmtNode recordDef(Stmt.RecordDef r) {
        String[] fields = new String[r.fields().size()];
        ExprNode[] defaults = new ExprNode[fields.length];
        for (int i = 0; i < fields.length; i++) {
            Param p = r.fields().get(i);
            fields[i] = p.name();
            defaults[i] = p.defaultValue() == null ? null : expr(p.defaultValue());
        }
        return new Definitions.RecordDef(r.span().line(), r.span().column(), store(r.span(), resolved.binding(r)), r.name(), fields, defaults);
    }

    private StmtNode tryStmt(Stmt.Try t) {
        StmtNode body = block(t.body());
        Statements.CatchClause[] catches = new Statements.CatchClause[t.catches().size()];
        for (int i = 0; i < catches.length; i++) {
            Stmt.Catch c = t.catches().get(i);
            ExprNode[] kinds = c.kinds().stream().map(this::expr).toArray(ExprNode[]::new);
            Store binding = c.binding() == null ? null : store(c.bindingSpan(), resolved.binding(c));
            catches[i] = new Statements.CatchClause(kinds, binding, block(c.body()));
        }
        StmtNode fin = t.finallyBlock() == null ? null : block(t.finallyBlock());
        return new Statements.Try(t.span().line(), t.span().column(), body, catches, fin);
    }

    // ------------------------------------------------------------------ expressions

    ExprNode expr(Expr e) {
        int line = e.span().line(), col = e.span().column();
        if (e instanceof Expr.Literal l) {
            Object v = l.value() instanceof LiteralBytes b ? Bytes.wrap(b.bytes()) : l.value();
            return new Variables.Const(line, col, v);
        } else if (e instanceof Expr.Name n) {
            return read(n.span(), resolved.binding(n));
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
        List<Literals.Clause> clauses = new ArrayList<>();
        for (Expr.CompClause cl : c.clauses()) {
            if (cl instanceof Expr.CompFor f) {
                ExprNode iterable = expr(f.iterable());
                clauses.add(new Literals.Clause(target(f.target()), iterable, true));
            } else {
                clauses.add(new Literals.Clause(null, expr(((Expr.CompIf) cl).condition()), false));
            }
        }
        char kind = switch (c.kind()) { case DICT -> 'd'; case SET -> 's'; default -> 'l'; };
        ExprNode element = expr(c.element());
        ExprNode value = c.value() == null ? null : expr(c.value());
        return new Literals.Comprehension(c.span().line(), c.span().column(), kind, element, value,
                clauses.toArray(new Literals.Clause[0]));
    }

    ExprNode lambda(Expr.Lambda fn) {
        Code code = code(fn);
        build(fn, code);
        ResolvedFunction layout = resolved.function(fn);
        Calls.CaptureSource[] captures = new Calls.CaptureSource[layout.freeVars.size()];
        for (int i = 0; i < captures.length; i++) {
            ResolvedFunction.FreeVar v = layout.freeVars.get(i);
            captures[i] = new Calls.CaptureSource(v.fromEnclosingLocal(), v.index());
        }
        code.capturedCount = captures.length;
        codes.accept(code);   // once complete: another thread may look it up by key (a worker decoding a closure)
        return new Calls.Closure(fn.span().line(), fn.span().column(), code, captures);
    }

    /** A function literal's code, before its body is built ({@link #build}). */
    private Code code(Expr.Lambda fn) {
        List<Param> params = fn.params();
        String[] names = new String[params.size()];
        int rest = -1;
        for (int i = 0; i < names.length; i++) {
            names[i] = params.get(i).name();
            if (params.get(i).rest()) rest = i;
        }
        Code code = new Code(fn.name() != null ? fn.name() : "<lambda>", resolved.source.name(), fn.span().line(), fn.span().column(),
                null, names, null, rest, 0, null, null, null);
        bodies.add(new BytecodeCompiler.Candidate(fn, code));
        return code;
    }

    /** Builds a function's defaults and body into its code (when it is made, or at its first use: {@link LazyBodies}). */
    void build(Expr.Lambda fn, Code code) {
        ResolvedFunction layout = resolved.resolvedLate(fn);
        List<Param> params = fn.params();
        ExprNode[] defaults = new ExprNode[params.size()];
        for (int i = 0; i < defaults.length; i++) {
            Param p = params.get(i);
            defaults[i] = p.defaultValue() == null ? null : expr(p.defaultValue());
        }
        StmtNode body = block(fn.span(), fn.body(), layout.hoistedCells);
        ExprNode returnExpr = null;
        if (fn.body().size() == 1 && fn.body().get(0) instanceof Stmt.Return r && r.value() != null && layout.cellParams.length == 0) {
            returnExpr = ((Statements.Return) ((Statements.Block) body).body[0]).value;
        }
        code.fill(layout.globalsRead.clone(), defaults, layout.frameSize, layout.cellParams.clone(), body, returnExpr);
    }
}
