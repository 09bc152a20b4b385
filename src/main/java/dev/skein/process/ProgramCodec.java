package dev.skein.process;

import dev.skein.ast.Expr;
import dev.skein.ast.LiteralBytes;
import dev.skein.ast.Param;
import dev.skein.ast.Span;
import dev.skein.ast.Stmt;
import dev.skein.ast.Target;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A parsed program (the syntax tree of {@code dev.skein.ast}) in a compact binary form, so a
 * worker compiles what the parent already parsed instead of parsing the source again with a
 * cold parser. Written out by hand, node by node, with {@code instanceof} chains: reflection,
 * method handles or pattern switches spin classes at first use and would cost a cold start far
 * more than the parse they replace. Reading builds only syntax-tree nodes,
 * checks every tag, length and the nesting depth, and fails with {@link Codec.MalformedFrame}.
 * A test round-trips every golden script, so a node type added to the tree but not here fails.
 */
final class ProgramCodec {
    private ProgramCodec() {}

    private static final int MAX_DEPTH = 5_000;

    static byte[] encode(List<Stmt> program) {
        Writer w = new Writer();
        w.list(program);
        return w.out.toArray();
    }

    static List<Stmt> decode(Codec.In in) {
        Reader r = new Reader(in);
        List<Stmt> program = r.stmts();
        in.expectEnd();
        return program;
    }

    // Node tags. Statements, expressions and targets share one numbering.
    private static final int NULL = 0,
            LET = 1, ASSIGN = 2, AUG_ASSIGN = 3, EXPR_STMT = 4, FN_DEF = 5, RECORD_DEF = 6, IF = 7, WHILE = 8,
            FOR = 9, BREAK = 10, CONTINUE = 11, RETURN = 12, THROW = 13, TRY = 14, IMPORT = 15, WITH = 16, BLOCK = 17,
            LITERAL = 30, NAME = 31, FSTRING = 32, LIST_LIT = 33, DICT_LIT = 34, SET_LIT = 35, COMPREHENSION = 36,
            UNARY = 37, BINARY = 38, COMPARE = 39, AND = 40, OR = 41, NOT = 42, CONDITIONAL = 43, CALL = 44,
            INDEX = 45, SLICE = 46, ATTR = 47, LAMBDA = 48, AWAIT = 49, SUBMIT = 50, MAP_OVER = 51,
            NAME_TARGET = 60, LIST_TARGET = 61, INDEX_TARGET = 62, ATTR_TARGET = 63,
            COMP_FOR = 70, COMP_IF = 71, INTERPOLATION = 72, TEXT = 73;

    // Literal values.
    private static final int V_NONE = 0, V_TRUE = 1, V_FALSE = 2, V_INT = 3, V_BIGINT = 4, V_FLOAT = 5, V_STR = 6, V_BYTES = 7;

    private static final class Writer {
        final Codec.Out out = new Codec.Out();

        /** A list of statements, expressions, targets, parameters or names (no lambdas: see Reader). */
        void list(List<?> items) {
            out.writeInt(items.size());
            for (Object item : items) {
                if (item == null) out.writeByte(NULL);
                else if (item instanceof Stmt x) stmt(x);
                else if (item instanceof Expr x) expr(x);
                else if (item instanceof Target x) target(x);
                else if (item instanceof Param x) param(x);
                else if (item instanceof String x) str(x);
                else throw new IllegalArgumentException("not a syntax tree list element: " + item.getClass().getName());
            }
        }

        void span(Span s) {
            out.writeInt(s.line());
            out.writeInt(s.column());
        }

        void str(String s) {
            if (s == null) {
                out.writeByte(0);
            } else {
                out.writeByte(1);
                out.writeString(s);
            }
        }

        void bool(boolean b) { out.writeByte(b ? 1 : 0); }

        void tag(int tag, Span span) {
            out.writeByte(tag);
            span(span);
        }

        void stmt(Stmt s) {
            if (s == null) {
                out.writeByte(NULL);
            } else if (s instanceof Stmt.Let n) {
                tag(LET, n.span()); target(n.target()); expr(n.value());
            } else if (s instanceof Stmt.Assign n) {
                tag(ASSIGN, n.span()); target(n.target()); expr(n.value());
            } else if (s instanceof Stmt.AugAssign n) {
                tag(AUG_ASSIGN, n.span()); target(n.target()); str(n.op()); expr(n.value());
            } else if (s instanceof Stmt.ExprStmt n) {
                tag(EXPR_STMT, n.span()); expr(n.expr());
            } else if (s instanceof Stmt.FnDef n) {
                tag(FN_DEF, n.span()); str(n.name()); expr(n.function());
            } else if (s instanceof Stmt.RecordDef n) {
                tag(RECORD_DEF, n.span()); str(n.name()); list(n.fields());
            } else if (s instanceof Stmt.If n) {
                tag(IF, n.span()); expr(n.condition()); stmt(n.then()); stmt(n.otherwise());
            } else if (s instanceof Stmt.While n) {
                tag(WHILE, n.span()); expr(n.condition()); stmt(n.body());
            } else if (s instanceof Stmt.For n) {
                tag(FOR, n.span()); target(n.target()); expr(n.iterable()); stmt(n.body());
            } else if (s instanceof Stmt.Break n) {
                tag(BREAK, n.span());
            } else if (s instanceof Stmt.Continue n) {
                tag(CONTINUE, n.span());
            } else if (s instanceof Stmt.Return n) {
                tag(RETURN, n.span()); expr(n.value());
            } else if (s instanceof Stmt.Throw n) {
                tag(THROW, n.span()); expr(n.error());
            } else if (s instanceof Stmt.Try n) {
                tag(TRY, n.span());
                stmt(n.body());
                out.writeInt(n.catches().size());
                for (Stmt.Catch c : n.catches()) {
                    span(c.span());
                    list(c.kinds());
                    str(c.binding());
                    bool(c.bindingSpan() != null);
                    if (c.bindingSpan() != null) span(c.bindingSpan());
                    stmt(c.body());
                }
                stmt(n.finallyBlock());
            } else if (s instanceof Stmt.Import n) {
                tag(IMPORT, n.span()); str(n.module()); bool(n.isPath()); str(n.alias());
            } else if (s instanceof Stmt.With n) {
                tag(WITH, n.span()); expr(n.resource()); str(n.name()); stmt(n.body());
            } else if (s instanceof Stmt.Block n) {
                tag(BLOCK, n.span()); list(n.statements());
            } else {
                throw new IllegalArgumentException("not a statement: " + s);
            }
        }

        void expr(Expr e) {
            if (e == null) {
                out.writeByte(NULL);
            } else if (e instanceof Expr.Literal n) {
                tag(LITERAL, n.span()); literal(n.value());
            } else if (e instanceof Expr.Name n) {
                tag(NAME, n.span()); str(n.name());
            } else if (e instanceof Expr.FString n) {
                fstring(n);
            } else if (e instanceof Expr.ListLit n) {
                tag(LIST_LIT, n.span()); list(n.items());
            } else if (e instanceof Expr.DictLit n) {
                tag(DICT_LIT, n.span()); list(n.keys()); list(n.values());
            } else if (e instanceof Expr.SetLit n) {
                tag(SET_LIT, n.span()); list(n.items());
            } else if (e instanceof Expr.Comprehension n) {
                tag(COMPREHENSION, n.span());
                out.writeByte(n.kind().ordinal());
                expr(n.element());
                expr(n.value());
                out.writeInt(n.clauses().size());
                for (Expr.CompClause c : n.clauses()) clause(c);
            } else if (e instanceof Expr.Unary n) {
                tag(UNARY, n.span()); str(n.op()); expr(n.operand());
            } else if (e instanceof Expr.Binary n) {
                tag(BINARY, n.span()); str(n.op()); expr(n.left()); expr(n.right());
            } else if (e instanceof Expr.Compare n) {
                tag(COMPARE, n.span()); list(n.ops()); list(n.operands());
            } else if (e instanceof Expr.And n) {
                tag(AND, n.span()); expr(n.left()); expr(n.right());
            } else if (e instanceof Expr.Or n) {
                tag(OR, n.span()); expr(n.left()); expr(n.right());
            } else if (e instanceof Expr.Not n) {
                tag(NOT, n.span()); expr(n.operand());
            } else if (e instanceof Expr.Conditional n) {
                tag(CONDITIONAL, n.span()); expr(n.condition()); expr(n.then()); expr(n.otherwise());
            } else if (e instanceof Expr.Call n) {
                tag(CALL, n.span());
                expr(n.callee());
                out.writeInt(n.args().size());
                for (Expr.Arg a : n.args()) {
                    span(a.span());
                    str(a.name());
                    bool(a.spread());
                    expr(a.value());
                }
            } else if (e instanceof Expr.Index n) {
                tag(INDEX, n.span()); expr(n.target()); expr(n.index());
            } else if (e instanceof Expr.Slice n) {
                tag(SLICE, n.span()); expr(n.start()); expr(n.stop()); expr(n.step());
            } else if (e instanceof Expr.Attr n) {
                tag(ATTR, n.span()); expr(n.target()); str(n.name());
            } else if (e instanceof Expr.Lambda n) {
                tag(LAMBDA, n.span());
                str(n.name());
                list(n.params());
                list(n.body());
            } else if (e instanceof Expr.Await n) {
                tag(AWAIT, n.span()); expr(n.future()); expr(n.timeout());
            } else if (e instanceof Expr.Submit n) {
                tag(SUBMIT, n.span()); expr(n.call()); expr(n.pool()); expr(n.timeout());
            } else if (e instanceof Expr.MapOver n) {
                tag(MAP_OVER, n.span());
                expr(n.function());
                list(n.iterables());
                expr(n.pool());
                expr(n.chunk());
                bool(n.unordered());
                expr(n.timeout());
                expr(n.buffer());
            } else {
                throw new IllegalArgumentException("not an expression: " + e);
            }
        }

        void fstring(Expr.FString n) {
            if (n == null) {
                out.writeByte(NULL);
                return;
            }
            tag(FSTRING, n.span());
            out.writeInt(n.parts().size());
            for (Object part : n.parts()) {
                if (part instanceof Expr.Interpolation i) {
                    tag(INTERPOLATION, i.span());
                    expr(i.value());
                    out.writeInt(i.conversion());
                    fstring(i.spec());
                } else {
                    out.writeByte(TEXT);
                    str((String) part);
                }
            }
        }

        void clause(Expr.CompClause c) {
            if (c instanceof Expr.CompFor f) {
                tag(COMP_FOR, f.span()); target(f.target()); expr(f.iterable());
            } else if (c instanceof Expr.CompIf f) {
                tag(COMP_IF, f.span()); expr(f.condition());
            } else {
                throw new IllegalArgumentException("not a clause: " + c);
            }
        }

        void target(Target t) {
            if (t instanceof Target.NameTarget n) {
                tag(NAME_TARGET, n.span()); str(n.name());
            } else if (t instanceof Target.ListTarget n) {
                tag(LIST_TARGET, n.span()); list(n.items());
            } else if (t instanceof Target.IndexTarget n) {
                tag(INDEX_TARGET, n.span()); expr(n.target()); expr(n.index());
            } else if (t instanceof Target.AttrTarget n) {
                tag(ATTR_TARGET, n.span()); expr(n.target()); str(n.name());
            } else {
                throw new IllegalArgumentException("not a target: " + t);
            }
        }

        void param(Param p) {
            span(p.span());
            str(p.name());
            expr(p.defaultValue());
            bool(p.rest());
        }

        void literal(Object v) {
            if (v == null) {
                out.writeByte(V_NONE);
            } else if (v instanceof Boolean b) {
                out.writeByte(b ? V_TRUE : V_FALSE);
            } else if (v instanceof Long n) {
                out.writeByte(V_INT); out.writeLong(n);
            } else if (v instanceof BigInteger b) {
                out.writeByte(V_BIGINT); out.writeBytes(b.toByteArray());
            } else if (v instanceof Double d) {
                out.writeByte(V_FLOAT); out.writeDouble(d);
            } else if (v instanceof String s) {
                out.writeByte(V_STR); out.writeString(s);
            } else if (v instanceof LiteralBytes b) {
                out.writeByte(V_BYTES); out.writeBytes(b.bytes());
            } else {
                throw new IllegalArgumentException("not a literal: " + v.getClass().getName());
            }
        }
    }

    private static final class Reader {
        final Codec.In in;
        int depth;

        Reader(Codec.In in) { this.in = in; }

        int count() { return in.readLength(1); }

        // Lists by element kind through one int switch: no lambdas, which a cold worker pays to link.
        private static final int STMTS = 0, EXPRS = 1, TARGETS = 2, PARAMS = 3, TEXTS = 4, CATCHES = 5, CLAUSES = 6, ARGS = 7;

        /** Lists in the tree may hold nulls (a comprehension's value), which List.copyOf refuses. */
        @SuppressWarnings("unchecked")
        <T> List<T> list(int kind) {
            int n = count();
            List<Object> items = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                items.add(switch (kind) {
                    case STMTS -> stmt();
                    case EXPRS -> expr();
                    case TARGETS -> target();
                    case PARAMS -> param();
                    case TEXTS -> text();
                    case CATCHES -> catchClause();
                    case CLAUSES -> clause();
                    case ARGS -> new Expr.Arg(span(), str(), bool(), expr());
                    default -> throw new IllegalArgumentException("list kind " + kind);
                });
            }
            return (List<T>) Collections.unmodifiableList(items);
        }

        List<Stmt> stmts() { return list(STMTS); }

        List<Expr> exprs() { return list(EXPRS); }

        Span span() { return new Span(in.readInt(), in.readInt()); }

        String str() { return in.readByte() == 0 ? null : in.readString(); }

        String text() {
            String s = str();
            if (s == null) throw new Codec.MalformedFrame("missing name in a program");
            return s;
        }

        boolean bool() { return in.readByte() != 0; }

        private void enter() {
            if (++depth > MAX_DEPTH) throw new Codec.MalformedFrame("program nested too deeply");
        }

        Stmt stmt() {
            enter();
            try {
                int tag = in.readByte();
                if (tag == NULL) return null;
                Span sp = span();
                return switch (tag) {
                    case LET -> new Stmt.Let(sp, target(), expr());
                    case ASSIGN -> new Stmt.Assign(sp, target(), expr());
                    case AUG_ASSIGN -> new Stmt.AugAssign(sp, target(), text(), expr());
                    case EXPR_STMT -> new Stmt.ExprStmt(sp, expr());
                    case FN_DEF -> new Stmt.FnDef(sp, text(), as(expr(), Expr.Lambda.class));
                    case RECORD_DEF -> new Stmt.RecordDef(sp, text(), list(PARAMS));
                    case IF -> new Stmt.If(sp, expr(), block(), stmt());
                    case WHILE -> new Stmt.While(sp, expr(), block());
                    case FOR -> new Stmt.For(sp, target(), expr(), block());
                    case BREAK -> new Stmt.Break(sp);
                    case CONTINUE -> new Stmt.Continue(sp);
                    case RETURN -> new Stmt.Return(sp, expr());
                    case THROW -> new Stmt.Throw(sp, expr());
                    case TRY -> new Stmt.Try(sp, block(), list(CATCHES), as(stmt(), Stmt.Block.class));
                    case IMPORT -> new Stmt.Import(sp, text(), bool(), str());
                    case WITH -> new Stmt.With(sp, expr(), str(), block());
                    case BLOCK -> new Stmt.Block(sp, stmts());
                    default -> throw new Codec.MalformedFrame("unknown statement tag " + tag);
                };
            } finally {
                depth--;
            }
        }

        Stmt.Block block() {
            Stmt.Block b = as(stmt(), Stmt.Block.class);
            if (b == null) throw new Codec.MalformedFrame("missing block in a program");
            return b;
        }

        Stmt.Catch catchClause() {
            Span sp = span();
            List<Expr> kinds = exprs();
            String binding = str();
            Span bindingSpan = bool() ? span() : null;
            return new Stmt.Catch(sp, kinds, binding, bindingSpan, block());
        }

        Expr expr() {
            enter();
            try {
                int tag = in.readByte();
                if (tag == NULL) return null;
                Span sp = span();
                return switch (tag) {
                    case LITERAL -> new Expr.Literal(sp, literal());
                    case NAME -> new Expr.Name(sp, text());
                    case FSTRING -> fstringBody(sp);
                    case LIST_LIT -> new Expr.ListLit(sp, exprs());
                    case DICT_LIT -> new Expr.DictLit(sp, exprs(), exprs());
                    case SET_LIT -> new Expr.SetLit(sp, exprs());
                    case COMPREHENSION -> new Expr.Comprehension(sp, compKind(), expr(), expr(), list(CLAUSES));
                    case UNARY -> new Expr.Unary(sp, text(), expr());
                    case BINARY -> new Expr.Binary(sp, text(), expr(), expr());
                    case COMPARE -> new Expr.Compare(sp, list(TEXTS), exprs());
                    case AND -> new Expr.And(sp, expr(), expr());
                    case OR -> new Expr.Or(sp, expr(), expr());
                    case NOT -> new Expr.Not(sp, expr());
                    case CONDITIONAL -> new Expr.Conditional(sp, expr(), expr(), expr());
                    case CALL -> new Expr.Call(sp, expr(), list(ARGS));
                    case INDEX -> new Expr.Index(sp, expr(), expr());
                    case SLICE -> new Expr.Slice(sp, expr(), expr(), expr());
                    case ATTR -> new Expr.Attr(sp, expr(), text());
                    case LAMBDA -> new Expr.Lambda(sp, str(), list(PARAMS), stmts());
                    case AWAIT -> new Expr.Await(sp, expr(), expr());
                    case SUBMIT -> new Expr.Submit(sp, as(expr(), Expr.Call.class), expr(), expr());
                    case MAP_OVER -> new Expr.MapOver(sp, expr(), exprs(), expr(), expr(), bool(), expr(), expr());
                    default -> throw new Codec.MalformedFrame("unknown expression tag " + tag);
                };
            } finally {
                depth--;
            }
        }

        Expr.FString fstring() {
            int tag = in.readByte();
            if (tag == NULL) return null;
            if (tag != FSTRING) throw new Codec.MalformedFrame("expected an f-string");
            return fstringBody(span());
        }

        Expr.FString fstringBody(Span sp) {
            int n = count();
            List<Object> parts = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                int tag = in.readByte();
                if (tag == TEXT) {
                    parts.add(text());
                } else if (tag == INTERPOLATION) {
                    parts.add(new Expr.Interpolation(span(), expr(), (char) in.readInt(), fstring()));
                } else {
                    throw new Codec.MalformedFrame("bad f-string part " + tag);
                }
            }
            return new Expr.FString(sp, Collections.unmodifiableList(parts));
        }

        Expr.CompKind compKind() {
            int k = in.readByte();
            Expr.CompKind[] kinds = Expr.CompKind.values();
            if (k < 0 || k >= kinds.length) throw new Codec.MalformedFrame("bad comprehension kind " + k);
            return kinds[k];
        }

        Expr.CompClause clause() {
            int tag = in.readByte();
            Span sp = span();
            return switch (tag) {
                case COMP_FOR -> new Expr.CompFor(sp, target(), expr());
                case COMP_IF -> new Expr.CompIf(sp, expr());
                default -> throw new Codec.MalformedFrame("unknown comprehension clause " + tag);
            };
        }

        Target target() {
            enter();
            try {
                int tag = in.readByte();
                Span sp = span();
                return switch (tag) {
                    case NAME_TARGET -> new Target.NameTarget(sp, text());
                    case LIST_TARGET -> new Target.ListTarget(sp, list(TARGETS));
                    case INDEX_TARGET -> new Target.IndexTarget(sp, expr(), expr());
                    case ATTR_TARGET -> new Target.AttrTarget(sp, expr(), text());
                    default -> throw new Codec.MalformedFrame("unknown target tag " + tag);
                };
            } finally {
                depth--;
            }
        }

        Param param() { return new Param(span(), text(), expr(), bool()); }

        Object literal() {
            int tag = in.readByte();
            return switch (tag) {
                case V_NONE -> null;
                case V_TRUE -> Boolean.TRUE;
                case V_FALSE -> Boolean.FALSE;
                case V_INT -> in.readLong();
                case V_BIGINT -> {
                    byte[] b = in.readBytes();
                    if (b.length == 0) throw new Codec.MalformedFrame("empty big integer");
                    yield new BigInteger(b);
                }
                case V_FLOAT -> in.readDouble();
                case V_STR -> in.readString();
                case V_BYTES -> new LiteralBytes(in.readBytes());
                default -> throw new Codec.MalformedFrame("unknown literal tag " + tag);
            };
        }

        private static <T> T as(Object v, Class<T> type) {
            if (v != null && !type.isInstance(v)) throw new Codec.MalformedFrame("expected " + type.getSimpleName() + " in a program");
            return type.cast(v);
        }
    }
}
