package dev.skein.syntax;

import dev.skein.ast.Span;
import dev.skein.ast.Stmt;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * Source text to AST. Parses with ANTLR's fast SLL mode first and re-parses with full LL (and
 * error recovery, to report every error) only when SLL fails.
 */
public final class SkeinParsing {
    private SkeinParsing() {}

    /** Parses a whole program; throws {@link CompileError} listing every syntax error. */
    public static List<Stmt> parseProgram(Source source) {
        return parseProgram(source, 1, 0);
    }

    /** As {@link #parseProgram(Source)}, for text that starts at line/column offsets of its source (f-strings). */
    static List<Stmt> parseProgram(Source source, int firstLine, int firstColumn) {
        SkeinParser.ProgramContext tree = parseTree(source, source.text(), 0);
        List<Stmt> program = new AstBuilder(source, firstLine, firstColumn).program(tree);
        Span deep = NestingLimit.tooDeep(program, shallow(tree));
        if (deep != null) throw new CompileError(List.of(new Diagnostic(source, deep.line(), deep.column(), "SyntaxError", NestingLimit.treeMessage(), false)));
        return program;
    }

    /** Which top-level statements are too short to nest too deeply ({@link NestingLimit#SHALLOW_CHARS}). */
    static boolean[] shallow(SkeinParser.ProgramContext tree) {
        List<SkeinParser.StatementContext> statements = tree.statement();
        boolean[] shallow = new boolean[statements.size()];
        for (int i = 0; i < shallow.length; i++) shallow[i] = characters(statements.get(i)) <= NestingLimit.SHALLOW_CHARS;
        return shallow;
    }

    /** How many source characters a statement spans (its first token's first to its last token's last). */
    static int characters(org.antlr.v4.runtime.ParserRuleContext c) {
        Token first = c.getStart(), last = c.getStop();
        if (first == null || last == null || first.getStartIndex() < 0 || last.getStopIndex() < first.getStartIndex()) return Integer.MAX_VALUE;
        return last.getStopIndex() - first.getStartIndex() + 1;
    }

    /** The parse tree of {@code text}; {@code depth} grammar rules are open around it already (an f-string's field). */
    static SkeinParser.ProgramContext parseTree(Source source, String text, int depth) {
        LimitedParser parser = new LimitedParser(new CommonTokenStream(new NewlineFilter(lexer(source, text))), depth);
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        parser.removeErrorListeners();
        parser.setErrorHandler(new BailErrorStrategy());
        try {
            return parser.program();
        } catch (ParseCancellationException slowPathNeeded) {
            NewlineFilter tokens = new NewlineFilter(lexer(source, text));
            parser = new LimitedParser(new CommonTokenStream(tokens), depth);
            parser.getInterpreter().setPredictionMode(PredictionMode.LL);
            parser.removeErrorListeners();
            parser.setErrorHandler(new FriendlyErrorStrategy());
            Collector errors = new Collector(source, tokens);
            parser.addErrorListener(errors);
            SkeinParser.ProgramContext tree;
            try {
                tree = parser.program();
            } catch (LimitedParser.TooDeep deep) {
                errors.found.add(tooDeep(source, deep));
                throw new CompileError(errors.found);
            }
            if (!errors.found.isEmpty()) throw new CompileError(errors.found);
            return tree;
        } catch (LimitedParser.TooDeep deep) {
            throw new CompileError(List.of(tooDeep(source, deep)));
        }
    }

    private static Diagnostic tooDeep(Source source, LimitedParser.TooDeep deep) {
        Token t = deep.at;
        return new Diagnostic(source, t.getLine(), t.getCharPositionInLine() + 1, "SyntaxError", NestingLimit.parseMessage(), t.getType() == Token.EOF);
    }

    private static SkeinLexer lexer(Source source, String text) {
        SkeinLexer lexer = new SkeinLexer(CharStreams.fromString(text, source.name()));
        lexer.removeErrorListeners();
        return lexer;
    }

    /** Collects syntax errors, one per line at most (later ones on a line are usually echoes). */
    private static final class Collector extends BaseErrorListener {
        private final Source source;
        private final NewlineFilter tokens;
        final List<Diagnostic> found = new ArrayList<>();
        private final java.util.Set<Integer> linesWithErrors = new java.util.HashSet<>();

        Collector(Source source, NewlineFilter tokens) {
            this.source = source;
            this.tokens = tokens;
        }

        @Override public void syntaxError(Recognizer<?, ?> r, Object offending, int line, int col, String msg, RecognitionException e) {
            Token t = offending instanceof Token tok ? tok : null;
            if (t != null && t.getType() == Token.EOF) {
                // Running out of input: point at what was left open, not at the end of the file.
                Token bad = tokens.unterminatedString();
                Token open = tokens.unclosed();
                if (bad != null) {
                    linesWithErrors.add(bad.getLine());
                    found.add(new Diagnostic(source, bad.getLine(), bad.getCharPositionInLine() + 1, "SyntaxError",
                            "unterminated string (missing its closing quote)", isOpenLongString(bad)));
                    return;
                }
                if (open != null && found.isEmpty()) {
                    linesWithErrors.add(open.getLine());
                    found.add(new Diagnostic(source, open.getLine(), open.getCharPositionInLine() + 1, "SyntaxError",
                            "this '" + open.getText() + "' is never closed", true));
                    return;
                }
            }
            if (!linesWithErrors.add(line)) return;   // a set: a file of many bad lines must not cost their square
            boolean atEnd = t != null && (t.getType() == Token.EOF || isOpenLongString(t));
            found.add(new Diagnostic(source, line, col + 1, "SyntaxError", msg, atEnd));
        }

        private static boolean isOpenLongString(Token t) {
            String s = t.getText().replaceFirst("^[fFrRbB]+", "");
            return t.getType() == SkeinLexer.UNTERMINATED_STRING && (s.startsWith("\"\"\"") || s.startsWith("'''"));
        }
    }
}
