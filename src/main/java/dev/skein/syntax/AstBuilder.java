package dev.skein.syntax;

import dev.skein.ast.Expr;
import dev.skein.ast.LiteralBytes;
import dev.skein.ast.Param;
import dev.skein.ast.Span;
import dev.skein.ast.Stmt;
import dev.skein.ast.Target;
import dev.skein.syntax.SkeinParser.*;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Turns ANTLR's parse tree into Skein's immutable AST. Also checks what the grammar cannot:
 * assignment targets, a call after {@code submit}, parameter order.
 */
final class AstBuilder {
    private final Source source;
    private final int lineOffset;     // added to token lines (f-string expressions)
    private final int columnOffset;   // added to columns on the first line
    private final List<Diagnostic> errors = new ArrayList<>();

    AstBuilder(Source source, int firstLine, int firstColumn) {
        this.source = source;
        this.lineOffset = firstLine - 1;
        this.columnOffset = firstColumn;
    }

    List<Stmt> program(ProgramContext ctx) {
        List<Stmt> out = new ArrayList<>();
        for (StatementContext s : ctx.statement()) out.add(statement(s));
        if (!errors.isEmpty()) throw new CompileError(errors);
        return out;
    }

    // ------------------------------------------------------------------ positions and errors

    private Span span(Token t) {
        int line = t.getLine();
        int col = t.getCharPositionInLine() + 1 + (line == 1 ? columnOffset : 0);
        return new Span(line + lineOffset, col);
    }

    private Span span(ParserRuleContext ctx) { return span(ctx.getStart()); }

    private void error(Span at, String message) {
        errors.add(new Diagnostic(source, at.line(), at.column(), "SyntaxError", message, false));
    }

    // ------------------------------------------------------------------ statements

    private Stmt.Block block(BlockContext ctx) {
        List<Stmt> out = new ArrayList<>();
        for (StatementContext s : ctx.statement()) out.add(statement(s));
        return new Stmt.Block(span(ctx), out);
    }

    private Stmt statement(StatementContext ctx) {
        Span sp = span(ctx);
        if (ctx instanceof LetStmtContext c) {
            return new Stmt.Let(sp, targets(c.targets()), exprList(c.exprList()));
        }
        if (ctx instanceof FnStmtContext c) {
            String name = c.name().getText();
            List<Stmt> body = block(c.block()).statements();
            return new Stmt.FnDef(sp, name, new Expr.Lambda(sp, name, params(c.paramList()), body));
        }
        if (ctx instanceof RecordStmtContext c) {
            List<Param> fields = params(c.paramList());
            for (Param p : fields) if (p.rest()) error(p.span(), "a record field cannot be a rest parameter");
            return new Stmt.RecordDef(sp, c.name().getText(), fields);
        }
        if (ctx instanceof IfStmtContext c) return ifChain(c);
        if (ctx instanceof WhileStmtContext c) return new Stmt.While(sp, expr(c.expr()), block(c.block()));
        if (ctx instanceof ForStmtContext c) return new Stmt.For(sp, targets(c.targets()), expr(c.expr()), block(c.block()));
        if (ctx instanceof BreakStmtContext) return new Stmt.Break(sp);
        if (ctx instanceof ContinueStmtContext) return new Stmt.Continue(sp);
        if (ctx instanceof ReturnStmtContext c) return new Stmt.Return(sp, c.exprList() == null ? null : exprList(c.exprList()));
        if (ctx instanceof ThrowStmtContext c) return new Stmt.Throw(sp, expr(c.expr()));
        if (ctx instanceof TryStmtContext c) return tryStmt(c);
        if (ctx instanceof ImportStmtContext c) return importStmt(c);
        if (ctx instanceof WithStmtContext c) {
            return new Stmt.With(sp, expr(c.expr()), c.name() == null ? null : c.name().getText(), block(c.block()));
        }
        if (ctx instanceof ExprStmtContext c) return exprStmt(c);
        throw new IllegalStateException("unknown statement " + ctx.getClass().getSimpleName());
    }

    private Stmt ifChain(IfStmtContext c) {
        Stmt otherwise = c.elseBlock() == null ? null : block(c.elseBlock().block());
        List<ElseIfContext> elifs = c.elseIf();
        for (int i = elifs.size() - 1; i >= 0; i--) {
            ElseIfContext e = elifs.get(i);
            otherwise = new Stmt.If(span(e.IF().getSymbol()), expr(e.expr()), block(e.block()), otherwise);
        }
        return new Stmt.If(span(c), expr(c.expr()), block(c.block()), otherwise);
    }

    private Stmt tryStmt(TryStmtContext c) {
        List<Stmt.Catch> catches = new ArrayList<>();
        for (CatchClauseContext cc : c.catchClause()) {
            List<Expr> kinds = new ArrayList<>();
            String binding = null;
            Span bindingSpan = null;
            if (cc.catchKinds() != null) {
                List<DottedNameContext> names = cc.catchKinds().dottedName();
                if (cc.AS() == null && names.size() == 1 && names.get(0).name().size() == 1
                        && Character.isLowerCase(names.get(0).getText().charAt(0))) {
                    // `catch e { … }`: a lower-case single name binds the error, catching everything.
                    binding = names.get(0).getText();
                    bindingSpan = span(names.get(0));
                } else {
                    for (DottedNameContext d : names) kinds.add(dotted(d));
                }
            }
            if (cc.name() != null) {
                binding = cc.name().getText();
                bindingSpan = span(cc.name());
            }
            catches.add(new Stmt.Catch(span(cc.CATCH().getSymbol()), kinds, binding, bindingSpan, block(cc.block())));
        }
        Stmt.Block fin = c.finallyBlock() == null ? null : block(c.finallyBlock().block());
        if (catches.isEmpty() && fin == null) error(span(c), "a try needs at least one catch or a finally");
        return new Stmt.Try(span(c), block(c.block()), catches, fin);
    }

    private Expr dotted(DottedNameContext d) {
        List<NameContext> parts = d.name();
        Expr e = new Expr.Name(span(parts.get(0)), parts.get(0).getText());
        for (int i = 1; i < parts.size(); i++) e = new Expr.Attr(span(parts.get(i)), e, parts.get(i).getText());
        return e;
    }

    private Stmt importStmt(ImportStmtContext c) {
        Span sp = span(c);
        String alias = c.name() == null ? null : c.name().getText();
        if (c.STRING() != null) {
            Object path = StringLiterals.decode(c.STRING().getText());
            if (!(path instanceof String p)) {
                error(sp, "an import path must be a string");
                return new Stmt.Import(sp, "", true, alias);
            }
            if (alias == null) error(sp, "importing a file needs a name: import \"" + p + "\" as name");
            return new Stmt.Import(sp, p, true, alias);
        }
        return new Stmt.Import(sp, c.dottedName().getText(), false, alias);
    }

    private Stmt exprStmt(ExprStmtContext c) {
        Span sp = span(c);
        List<ExprListContext> lists = c.exprList();
        if (c.assignOp() == null) {
            return new Stmt.ExprStmt(sp, exprList(lists.get(0)));
        }
        Target target = assignTarget(lists.get(0));
        Expr value = exprList(lists.get(1));
        String op = c.assignOp().getText();
        if (op.equals("=")) return new Stmt.Assign(sp, target, value);
        if (target instanceof Target.ListTarget) error(sp, "'" + op + "' cannot assign to several targets at once");
        return new Stmt.AugAssign(sp, target, op.substring(0, op.length() - 1), value);
    }

    // ------------------------------------------------------------------ targets and parameters

    private Target targets(TargetsContext c) {
        List<TargetContext> ts = c.target();
        if (ts.size() == 1 && c.COMMA().isEmpty()) return target(ts.get(0));
        List<Target> items = new ArrayList<>();
        for (TargetContext t : ts) items.add(target(t));
        return new Target.ListTarget(span(c), items);
    }

    private Target target(TargetContext c) {
        if (c instanceof NameTargetContext n) return new Target.NameTarget(span(n), n.name().getText());
        if (c instanceof NestedTargetContext n) return asList(targets(n.targets()));
        return asList(targets(((NestedTarget2Context) c).targets()));
    }

    private static Target asList(Target t) {
        return t instanceof Target.ListTarget ? t : new Target.ListTarget(t.span(), List.of(t));
    }

    /** The left side of {@code =}: parsed as expressions, checked to be assignable. */
    private Target assignTarget(ExprListContext c) {
        List<ExprContext> es = c.expr();
        if (es.size() == 1 && c.COMMA().isEmpty()) return toTarget(expr(es.get(0)), span(es.get(0)));
        List<Target> items = new ArrayList<>();
        for (ExprContext e : es) items.add(toTarget(expr(e), span(e)));
        return new Target.ListTarget(span(c), items);
    }

    private Target toTarget(Expr e, Span start) {
        if (e instanceof Expr.Name n) return new Target.NameTarget(n.span(), n.name());
        if (e instanceof Expr.Index i) return new Target.IndexTarget(i.span(), i.target(), i.index());
        if (e instanceof Expr.Attr a) return new Target.AttrTarget(a.span(), a.target(), a.name());
        if (e instanceof Expr.ListLit l) {
            List<Target> items = new ArrayList<>();
            for (Expr x : l.items()) items.add(toTarget(x, x.span()));
            return new Target.ListTarget(l.span(), items);
        }
        error(start, "cannot assign to this expression");
        return new Target.NameTarget(e.span(), "_");
    }

    private List<Param> params(ParamListContext c) {
        List<Param> out = new ArrayList<>();
        if (c == null) return out;
        boolean sawDefault = false, sawRest = false;
        for (ParamContext p : c.param()) {
            Param param;
            if (p instanceof PlainParamContext pp) {
                Expr dflt = pp.expr() == null ? null : expr(pp.expr());
                param = new Param(span(pp), pp.name().getText(), dflt, false);
                if (dflt != null) sawDefault = true;
                else if (sawDefault && !sawRest) error(param.span(), "a parameter without a default cannot follow one with a default");
            } else {
                RestParamContext rp = (RestParamContext) p;
                param = new Param(span(rp), rp.name().getText(), null, true);
                if (sawRest) error(param.span(), "only one rest parameter is allowed");
                sawRest = true;
            }
            for (Param q : out) if (q.name().equals(param.name())) error(param.span(), "duplicate parameter '" + param.name() + "'");
            out.add(param);
        }
        return out;
    }

    // ------------------------------------------------------------------ expressions

    /** A comma list: one expression as itself, several as a list literal ({@code return a, b}). */
    private Expr exprList(ExprListContext c) {
        List<ExprContext> es = c.expr();
        if (es.size() == 1 && c.COMMA().isEmpty()) return expr(es.get(0));
        List<Expr> items = new ArrayList<>();
        for (ExprContext e : es) items.add(expr(e));
        return new Expr.ListLit(span(c), items);
    }

    Expr expr(ExprContext ctx) {
        Span sp = span(ctx);
        if (ctx instanceof LambdaExprContext c) {
            List<Stmt> body;
            if (c.block() != null) body = block(c.block()).statements();
            else {
                Expr value = expr(c.expr());
                body = List.of(new Stmt.Return(value.span(), value));
            }
            return new Expr.Lambda(sp, null, params(c.paramList()), body);
        }
        if (ctx instanceof SubmitExprContext c) {
            Expr callee = level(c.postfix());
            if (!(callee instanceof Expr.Call call)) {
                error(callee.span(), "submit needs a call, like: submit work(x) to pool");
                return callee;
            }
            List<OrTestContext> rest = c.orTest();
            int i = 0;
            Expr pool = c.TO() != null ? level(rest.get(i++)) : null;
            Expr timeout = c.TIMEOUT() != null ? level(rest.get(i)) : null;
            return new Expr.Submit(sp, call, pool, timeout);
        }
        if (ctx instanceof MapExprContext c) return mapExpr(c.mapClause());
        CondExprContext c = (CondExprContext) ctx;
        Expr first = level(c.orTest(0));
        if (c.IF() == null) return first;
        return new Expr.Conditional(sp, level(c.orTest(1)), first, expr(c.expr()));
    }

    private Expr mapExpr(MapClauseContext c) {
        List<OrTestContext> parts = c.orTest();
        Expr fn = level(parts.get(0));
        List<Expr> iterables = new ArrayList<>();
        for (int i = 1; i < parts.size(); i++) iterables.add(level(parts.get(i)));
        Expr pool = null, chunk = null, timeout = null, buffer = null;
        boolean unordered = false;
        for (MapOptionContext o : c.mapOption()) {
            Span at = span(o);
            if (o instanceof MapToContext m) { if (pool != null) error(at, "'to' is given twice"); pool = level(m.orTest()); }
            else if (o instanceof MapChunkContext m) { if (chunk != null) error(at, "'chunk' is given twice"); chunk = level(m.orTest()); }
            else if (o instanceof MapTimeoutContext m) { if (timeout != null) error(at, "'timeout' is given twice"); timeout = level(m.orTest()); }
            else if (o instanceof MapBufferContext m) { if (buffer != null) error(at, "'buffer' is given twice"); buffer = level(m.orTest()); }
            else unordered = true;
        }
        return new Expr.MapOver(span(c), fn, iterables, pool, chunk, unordered, timeout, buffer);
    }

    /**
     * Operands joined by 'and' and 'or' (children alternate: operand, operator, operand, …):
     * 'and' binds tighter, both associate to the left.
     */
    private Expr orTest(OrTestContext c) {
        Expr or = null;
        Token orOp = null;
        Expr and = level((ParserRuleContext) c.getChild(0));
        for (int i = 1; i < c.getChildCount(); i += 2) {
            Token op = ((TerminalNode) c.getChild(i)).getSymbol();
            Expr next = level((ParserRuleContext) c.getChild(i + 1));
            if (op.getType() == SkeinLexer.AND) {
                and = new Expr.And(span(op), and, next);
            } else {
                or = or == null ? and : new Expr.Or(span(orOp), or, and);
                orOp = op;
                and = next;
            }
        }
        return or == null ? and : new Expr.Or(span(orOp), or, and);
    }

    private Expr notTest(NotTestContext c) {
        if (c.NOT() != null) return new Expr.Not(span(c), notTest(c.notTest()));
        return level(c.comparison());
    }

    /**
     * Operands joined by comparisons and binary operators (children alternate operand,
     * operator, operand, …; a comparison operator is a {@code compOp}): the comparisons split
     * it into a chain whose operands are grouped by {@link #climb}.
     */
    private Expr comparison(ComparisonContext c) {
        int n = c.getChildCount();
        int[] at = {0};
        Expr first = climb(c, at, n, 1);
        if (at[0] == n) return first;
        List<String> ops = new ArrayList<>();
        List<Expr> operands = new ArrayList<>();
        operands.add(first);
        Span sp = span((CompOpContext) c.getChild(at[0]));
        while (at[0] < n) {
            CompOpContext op = (CompOpContext) c.getChild(at[0]++);
            ops.add(op.NOT() != null ? "not in" : op.getText());
            operands.add(climb(c, at, n, 1));
        }
        return new Expr.Compare(sp, ops, operands);
    }

    /**
     * An operand at any precedence level, from {@code orTest} down to {@code atom}. Most operands
     * are a lone atom under a dozen levels that each hold one child; those levels are skipped in
     * one loop instead of a call, a child search and a list each (a cold start pays for every
     * step, see bench/compile_time.sh).
     */
    private Expr level(ParserRuleContext c) {
        while (c.getChildCount() == 1 && !(c instanceof AtomContext) && c.getChild(0) instanceof ParserRuleContext only) c = only;
        return switch (c.getRuleIndex()) {
            case SkeinParser.RULE_orTest -> orTest((OrTestContext) c);
            case SkeinParser.RULE_notTest -> notTest((NotTestContext) c);
            case SkeinParser.RULE_comparison -> comparison((ComparisonContext) c);
            case SkeinParser.RULE_factor -> factor((FactorContext) c);
            case SkeinParser.RULE_awaitExpr -> awaitExpr((AwaitExprContext) c);
            case SkeinParser.RULE_postfix -> postfix((PostfixContext) c);
            case SkeinParser.RULE_atom -> atom((AtomContext) c);
            default -> throw new IllegalStateException("not an operand: " + c.getClass().getSimpleName());
        };
    }

    /**
     * Operands and operators of every binary level from '|' to '*' (children of a
     * {@code comparison} before {@code end} or its next comparison operator), grouped by
     * precedence climbing, every level associating to the left. This call takes the operand at
     * child {@code at[0]} and every operator after it of at least {@code min} precedence, with
     * their operands, and leaves {@code at[0]} at the first child not taken. Recursion goes one
     * call per level (at most six deep), never one per operator.
     */
    private Expr climb(ComparisonContext c, int[] at, int end, int min) {
        Expr left = level((ParserRuleContext) c.getChild(at[0]));
        at[0]++;
        while (at[0] < end && c.getChild(at[0]) instanceof TerminalNode node) {
            Token op = node.getSymbol();
            int precedence = precedence(op.getType());
            if (precedence < min) break;
            at[0]++;
            Expr right = climb(c, at, end, precedence + 1);
            left = new Expr.Binary(span(op), op.getText(), left, right);
        }
        return left;
    }

    /** Binding strength of a binary operator token of {@code comparison}: higher binds tighter. */
    private static int precedence(int tokenType) {
        return switch (tokenType) {
            case SkeinLexer.PIPE -> 1;
            case SkeinLexer.CARET -> 2;
            case SkeinLexer.AMP -> 3;
            case SkeinLexer.SHL, SkeinLexer.SHR -> 4;
            case SkeinLexer.PLUS, SkeinLexer.MINUS -> 5;
            default -> 6;   // * / // %
        };
    }

    private Expr factor(FactorContext c) {
        if (c.awaitExpr() != null) {   // an operand, with a power
            Expr base = level(c.awaitExpr());
            if (c.POW() == null) return base;
            return new Expr.Binary(span(c.POW().getSymbol()), "**", base, factor(c.factor()));
        }
        Expr operand = factor(c.factor());   // a prefix operator
        String op = c.getChild(0).getText();
        if (op.equals("-") && operand instanceof Expr.Literal lit && (lit.value() instanceof Long || lit.value() instanceof java.math.BigInteger || lit.value() instanceof Double)) {
            return new Expr.Literal(span(c), negated(lit.value()));
        }
        return new Expr.Unary(span(c), op, operand);
    }

    private Expr awaitExpr(AwaitExprContext c) {
        if (c.AWAIT() != null) {
            Expr timeout = c.factor() == null ? null : factor(c.factor());
            return new Expr.Await(span(c), awaitExpr(c.awaitExpr()), timeout);
        }
        return level(c.postfix());
    }

    private Expr postfix(PostfixContext c) {
        Expr e = atom(c.atom());
        for (TrailerContext t : c.trailer()) {
            if (t instanceof CallTrailerContext call) e = new Expr.Call(e.span(), e, args(call.argList()));
            else if (t instanceof IndexTrailerContext ix) e = new Expr.Index(span(ix), e, subscript(ix.subscript()));
            else {
                AttrTrailerContext at = (AttrTrailerContext) t;
                e = new Expr.Attr(span(at.anyName()), e, at.anyName().getText());
            }
        }
        return e;
    }

    private List<Expr.Arg> args(ArgListContext c) {
        List<Expr.Arg> out = new ArrayList<>();
        if (c == null) return out;
        boolean sawKeyword = false;
        for (ArgContext a : c.arg()) {
            Span sp = span(a);
            if (a instanceof KeywordArgContext k) {
                String name = k.name().getText();
                for (Expr.Arg prev : out) if (name.equals(prev.name())) error(sp, "keyword argument '" + name + "' is repeated");
                out.add(new Expr.Arg(sp, name, false, expr(k.expr())));
                sawKeyword = true;
            } else if (a instanceof StarArgContext s) {
                out.add(new Expr.Arg(sp, null, true, expr(s.expr())));
            } else {
                PositionalArgContext p = (PositionalArgContext) a;
                if (sawKeyword) error(sp, "a positional argument cannot follow a keyword argument");
                Expr value = expr(p.expr());
                if (p.compFor() != null) {
                    if (c.arg().size() > 1) error(sp, "a generator expression must be the only argument unless it is in parentheses");
                    value = new Expr.Comprehension(sp, Expr.CompKind.GENERATOR, value, null, compClauses(p.compFor()));
                }
                out.add(new Expr.Arg(sp, null, false, value));
            }
        }
        return out;
    }

    private Expr subscript(SubscriptContext c) {
        SliceTailContext s = c.sliceTail();
        if (s == null) return expr(c.lo);
        return new Expr.Slice(span(c), c.lo == null ? null : expr(c.lo), s.hi == null ? null : expr(s.hi), s.step == null ? null : expr(s.step));
    }

    private Expr atom(AtomContext ctx) {
        Span sp = span(ctx);
        if (ctx instanceof NameAtomContext c) return new Expr.Name(sp, c.name().getText());
        if (ctx instanceof IntAtomContext c) return new Expr.Literal(sp, StringLiterals.parseInt(c.INT().getText()));
        if (ctx instanceof FloatAtomContext c) return new Expr.Literal(sp, Double.parseDouble(c.FLOAT().getText().replace("_", "")));
        if (ctx instanceof TrueAtomContext) return new Expr.Literal(sp, Boolean.TRUE);
        if (ctx instanceof FalseAtomContext) return new Expr.Literal(sp, Boolean.FALSE);
        if (ctx instanceof NoneAtomContext) return new Expr.Literal(sp, null);
        if (ctx instanceof StringAtomContext c) return strings(c);
        if (ctx instanceof ParenAtomContext c) {
            Expr e = expr(c.expr());
            if (c.compFor() == null) return e;
            return new Expr.Comprehension(sp, Expr.CompKind.GENERATOR, e, null, compClauses(c.compFor()));
        }
        if (ctx instanceof ListAtomContext c) {
            if (c.compFor() != null) return new Expr.Comprehension(sp, Expr.CompKind.LIST, expr(c.expr(0)), null, compClauses(c.compFor()));
            List<Expr> items = new ArrayList<>();
            for (ExprContext e : c.expr()) items.add(expr(e));
            return new Expr.ListLit(sp, items);
        }
        if (ctx instanceof BraceAtomContext c) return braces(sp, c);
        error(sp, "unterminated string (missing its closing quote)");
        return new Expr.Literal(sp, "");
    }

    /** {@code {}} and dict literals, set literals and their comprehensions: the first item decides which. */
    private Expr braces(Span sp, BraceAtomContext c) {
        List<BraceItemContext> items = c.braceItem();
        if (items.isEmpty()) return new Expr.DictLit(sp, List.of(), List.of());
        BraceItemContext first = items.get(0);
        boolean dict = first.value != null;
        if (c.compFor() != null) {
            return dict ? new Expr.Comprehension(sp, Expr.CompKind.DICT, expr(first.key), expr(first.value), compClauses(c.compFor()))
                    : new Expr.Comprehension(sp, Expr.CompKind.SET, expr(first.key), null, compClauses(c.compFor()));
        }
        List<Expr> keys = new ArrayList<>(), values = new ArrayList<>();
        for (BraceItemContext item : items) {
            if ((item.value != null) != dict) {
                Token after = dict ? item.key.getStop() : item.COLON().getSymbol();
                error(span(after), dict ? "expected ':' and a value after this dict key" : "a set item cannot have a ':' value (the first item made this a set)");
            }
            keys.add(expr(item.key));
            if (dict && item.value != null) values.add(expr(item.value));
        }
        return dict ? new Expr.DictLit(sp, keys, values) : new Expr.SetLit(sp, keys);
    }

    private List<Expr.CompClause> compClauses(CompForContext c) {
        List<Expr.CompClause> out = new ArrayList<>();
        out.add(new Expr.CompFor(span(c), targets(c.targets()), compSource(c.compSource())));
        for (CompIterContext it : c.compIter()) {
            if (it.FOR() != null) out.add(new Expr.CompFor(span(it.FOR().getSymbol()), targets(it.targets()), compSource(it.compSource())));
            else out.add(new Expr.CompIf(span(it.IF().getSymbol()), level(it.orTest())));
        }
        return out;
    }

    private Expr compSource(CompSourceContext c) {
        return c.mapClause() != null ? mapExpr(c.mapClause()) : level(c.orTest());
    }

    /** A negative number literal's value: {@code -9223372036854775808} stays a long. */
    static Object negated(Object n) {
        if (n instanceof Long x) return x == Long.MIN_VALUE ? java.math.BigInteger.valueOf(x).negate() : (Object) (-x);
        if (n instanceof java.math.BigInteger b) return StringLiterals.canonical(b.negate());
        return -(Double) n;
    }

    /** Adjacent string literals concatenate; any f-string among them makes the whole an f-string. */
    private Expr strings(StringAtomContext c) {
        List<Token> tokens = new ArrayList<>(c.getChildCount());
        for (int i = 0; i < c.getChildCount(); i++) tokens.add(((TerminalNode) c.getChild(i)).getSymbol());
        return strings(tokens, span(c), c.depth());
    }

    /** Adjacent literals {@code tokens}; f-string fields parse with {@code depth} grammar rules open around them. */
    Expr strings(List<Token> tokens, Span sp, int depth) {
        List<Object> parts = new ArrayList<>();
        boolean anyF = false, anyBytes = false, anyText = false;
        for (Token t : tokens) {
            if (t.getType() == SkeinLexer.FSTRING) {
                anyF = true;
                anyText = true;
                parts.addAll(new FStringSplitter(source, this, t, span(t), depth).parts());
            } else {
                Object v;
                try {
                    v = StringLiterals.decode(t.getText());
                } catch (IllegalArgumentException bad) {
                    error(span(t), bad.getMessage());
                    v = "";
                }
                if (v instanceof LiteralBytes) anyBytes = true; else anyText = true;
                parts.add(v);
            }
        }
        if (anyBytes && anyText) {
            error(sp, "cannot mix bytes and text literals");
            return new Expr.Literal(sp, "");
        }
        if (anyBytes) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            for (Object p : parts) out.writeBytes(((LiteralBytes) p).bytes());
            return new Expr.Literal(sp, new LiteralBytes(out.toByteArray()));
        }
        if (!anyF) {
            StringBuilder sb = new StringBuilder();
            for (Object p : parts) sb.append((String) p);
            return new Expr.Literal(sp, sb.toString());
        }
        return new Expr.FString(sp, FStringSplitter.mergeText(parts));
    }

    /** Errors found while splitting f-strings are reported with the rest. */
    void report(Diagnostic d) { errors.add(d); }

}
