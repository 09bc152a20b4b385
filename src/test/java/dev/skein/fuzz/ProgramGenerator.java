package dev.skein.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Skein programs for fuzzing, from a seeded {@link Random}: grammar-aware programs (every kind of
 * statement and expression, most of them valid, run for real), deep nesting of every kind of
 * bracket and operator, long operator and call chains, random tokens, and mutations of the
 * golden scripts. Deterministic for a seed.
 */
public final class ProgramGenerator {
    /** The kinds of program, each its own generator (the fuzz test runs each with its own seeds). */
    public enum Kind { GRAMMAR, DEEP, CHAIN, TOKENS, MUTATION }

    private static final String[] NAMES = {"a", "b", "xs", "d", "s", "f", "g", "r", "p", "i"};
    private static final String[] BINARY = {"+", "-", "*", "/", "//", "%", "**", "&", "|", "^", "<<", ">>",
            "<", ">", "==", "!=", "<=", ">=", "in", "not in", "and", "or"};
    private static final String[] TOKENS = {"(", ")", "[", "]", "{", "}", ",", ":", ";", "\n", ".", "=", "+=", "=>",
            "+", "-", "*", "**", "/", "//", "%", "<", "==", "!", "~", "&", "|", "^", "<<", "@", "$", "?", "\\",
            "let", "fn", "if", "else", "while", "for", "in", "return", "break", "continue", "try", "catch", "finally",
            "throw", "record", "import", "with", "as", "and", "or", "not", "true", "false", "none", "submit", "to",
            "await", "map", "over", "chunk", "timeout", "a", "b", "xs", "print", "len", "range", "0", "1", "-1",
            "2**64", "1.5", "1e308", "0x10", "\"s\"", "'t'", "f\"{a}\"", "b\"x\"", "\"\"\"", "f\"{", "r\"\\\"", "#c", "_"};
    private static final List<String> GOLDEN = goldenSources();

    private final Random random;
    private int budget;   // nodes left for this program: keeps grammar programs small

    public ProgramGenerator(long seed) { this.random = new Random(seed); }

    /** One program of the given kind. */
    public String program(Kind kind) {
        return switch (kind) {
            case GRAMMAR -> grammarProgram();
            case DEEP -> deepProgram();
            case CHAIN -> chainProgram();
            case TOKENS -> tokenProgram();
            case MUTATION -> mutation();
        };
    }

    // ------------------------------------------------------------------ grammar-aware programs

    private String grammarProgram() {
        budget = 40 + random.nextInt(160);
        StringBuilder b = new StringBuilder();
        b.append("let a = ").append(int_()).append("\nlet b = ").append(literal()).append("\nlet xs = [1, 2, 3]\n")
                .append("let d = {\"k\": 1}\nlet s = \"text\"\nlet f = fn(x) => x\nrecord R(u, v = 2)\nlet r = R(1)\n");
        int n = 1 + random.nextInt(8);
        for (int i = 0; i < n; i++) statement(b, 0);
        return b.toString();
    }

    private void statement(StringBuilder b, int indent) {
        budget--;
        String pad = "    ".repeat(indent);
        boolean deeper = indent < 4 && budget > 0;
        switch (random.nextInt(deeper ? 16 : 6)) {
            case 0 -> b.append(pad).append("print(").append(expr(3)).append(")\n");
            case 1 -> b.append(pad).append(name()).append(' ').append(pick("=", "+=", "-=", "*=", "//=", "|=")).append(' ').append(expr(3)).append('\n');
            case 2 -> b.append(pad).append("let ").append(pick("a", "b", "[a, b]", "c")).append(" = ").append(expr(3)).append('\n');
            case 3 -> b.append(pad).append(expr(4)).append('\n');
            case 4 -> b.append(pad).append(pick("xs.append(", "xs.extend([", "d[", "print(len(")).append(expr(2)).append(pick(")", "])", "] = 1", "))")).append('\n');
            case 5 -> b.append(pad).append("throw ").append(pick("ValueError(\"v\")", "KeyError(a)", "expr")).append('\n');
            case 6 -> block(b, pad + "if " + expr(2) + " ", indent, random.nextBoolean() ? " else " : null);
            case 7 -> block(b, pad + "for " + pick("i", "a, b", "[i]") + " in " + pick("range(" + random.nextInt(20) + ")", "xs", "d", "s", expr(2)) + " ", indent, null);
            case 8 -> block(b, pad + "while " + pick("a < 10", "false", "i < 3", expr(2)) + " ", indent, null);
            case 9 -> block(b, pad + "try ", indent, " catch " + pick("e", "ValueError as e", "TypeError, KeyError", "Error as e") + " ");
            case 10 -> block(b, pad + "fn " + pick("f", "g", "h") + "(" + pick("", "x", "x, y = 2", "*rest", "x, *rest") + ") ", indent, null);
            case 11 -> block(b, pad + "with " + pick("threads(2)", "virtual()", "lock()", "a") + " as p ", indent, null);
            case 12 -> b.append(pad).append(pick("return ", "break", "continue", "return")).append(random.nextBoolean() ? expr(2) : "").append('\n');
            case 13 -> b.append(pad).append("let t = await ").append(pick("(submit f(1) to threads(1))", "[submit f(i) to virtual() for i in range(3)]", "a")).append('\n');
            case 14 -> b.append(pad).append("let m = map ").append(pick("f", "fn(x) => x * 2", "a")).append(" over ").append(pick("xs", "range(5)", "a")).append(pick("", " to threads(2)", " chunk 2", " unordered", " timeout 1")).append('\n');
            default -> b.append(pad).append("import ").append(pick("math", "json", "time", "nosuch", "random as rnd")).append('\n');
        }
    }

    private void block(StringBuilder b, String head, int indent, String second) {
        b.append(head).append("{\n");
        int n = random.nextInt(3);
        for (int i = 0; i < n; i++) statement(b, indent + 1);
        b.append("    ".repeat(indent)).append('}');
        if (second != null) {
            b.append(second).append("{\n");
            for (int i = random.nextInt(2); i > 0; i--) statement(b, indent + 1);
            b.append("    ".repeat(indent)).append('}');
        }
        b.append('\n');
    }

    private String expr(int depth) {
        budget--;
        if (depth <= 0 || budget <= 0) return random.nextInt(3) == 0 ? literal() : name();
        return switch (random.nextInt(18)) {
            case 0, 1 -> expr(depth - 1) + " " + pick(BINARY) + " " + expr(depth - 1);
            case 2 -> pick("-", "not ", "~", "await ") + expr(depth - 1);
            case 3 -> "(" + expr(depth - 1) + ")";
            case 4 -> "[" + exprs(depth) + "]";
            case 5 -> "{" + expr(depth - 1) + ": " + expr(depth - 1) + "}";
            case 6 -> "{" + exprs(depth) + "}";
            case 7 -> pick("len", "str", "int", "float", "repr", "sorted", "abs", "sum", "max", "list", "set", "range", "f", "R", "type", "hash") + "(" + exprs(depth) + ")";
            case 8 -> name() + "." + pick("upper()", "append(1)", "keys()", "pop()", "split(\",\")", "get(1)", "u", "v", "join(xs)", "nope");
            case 9 -> name() + "[" + pick(expr(depth - 1), expr(depth - 1) + ":", ":" + expr(depth - 1), "::-1", "1:2:0") + "]";
            case 10 -> expr(depth - 1) + " if " + expr(depth - 1) + " else " + expr(depth - 1);
            case 11 -> "fn(x) => " + expr(depth - 1);
            case 12 -> "[" + expr(depth - 1) + " for i in " + pick("range(4)", "xs", "s", name()) + (random.nextBoolean() ? " if " + expr(depth - 1) : "") + "]";
            case 13 -> "{i: " + expr(depth - 1) + " for i in range(3)}";
            case 14 -> "f\"" + pick("{a}", "{b!r:>8}", "{xs[0]:.2f}", "{" + expr(depth - 1) + "}", "{a=}") + "\"";
            case 15 -> "(" + expr(depth - 1) + ")" + pick("(1)", "[0]", ".u", "()");
            case 16 -> pick("a", "b", "xs", "1", "2") + " " + pick("*", "+") + " " + pick("10**6", "[1] * 3", "\"ab\"", "2**100", "-1");
            default -> literal();
        };
    }

    private String exprs(int depth) {
        int n = random.nextInt(4);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) b.append(i > 0 ? ", " : "").append(expr(depth - 1));
        return b.toString();
    }

    private String literal() {
        return switch (random.nextInt(12)) {
            case 0 -> int_();
            case 1 -> pick("0.5", "-1.5e300", "1e-320", "float(\"nan\")", "float(\"inf\")", "0.1");
            case 2 -> pick("\"\"", "\"a\\nb\"", "'q'", "\"\\u00e9\\U0001F600\"", "\"\"\"multi\nline\"\"\"", "r\"\\d\"");
            case 3 -> pick("b\"\"", "b\"\\xff\"");
            case 4 -> pick("true", "false", "none");
            case 5 -> pick("[]", "{}", "set()", "[[]]", "{1: {2: 3}}");
            case 6 -> pick("ValueError", "TypeError", "R(1, 2)", "range(10)");
            default -> int_();
        };
    }

    private String int_() {
        return pick("0", "1", "-1", "2", "7", "255", "9223372036854775807", "-9223372036854775808",
                "18446744073709551616", "1_000", "0xff", "0b101", "0o17", String.valueOf(random.nextInt(1000)));
    }

    private String name() { return pick(NAMES); }

    // ------------------------------------------------------------------ deep nesting and long chains

    /** Mixed nesting: each level a random bracket or operator, up to a few thousand levels. */
    private String deepProgram() {
        int n = depthOf(random);
        String[][] levels = {{"(", ")"}, {"[", "]"}, {"{1: ", "}"}, {"{", "}"}, {"abs(", ")"}, {"xs[", "]"}, {"-", ""},
                {"not ", ""}, {"~", ""}, {"2 ** ", ""}, {"fn() => ", ""}, {"1 if a else ", ""}, {"await ", ""},
                {"f(", ")"}, {"[x for x in ", "]"}, {"fn() { return ", " }"}, {"(fn(x) => ", ")(1)"}, {"a[1:", "]"}};
        boolean mixed = random.nextBoolean();
        String[] only = levels[random.nextInt(levels.length)];
        StringBuilder open = new StringBuilder(), close = new StringBuilder();
        for (int i = 0; i < n; i++) {
            String[] l = mixed ? levels[random.nextInt(levels.length)] : only;
            open.append(l[0]);
            close.insert(0, l[1]);
        }
        String inner = pick("1", "a", "xs", "true");
        String body = open + inner + close;
        return switch (random.nextInt(4)) {
            case 0 -> "let a = 1\nlet xs = [0]\nfn f(x) { return x }\nprint(" + body + ")\n";
            case 1 -> "let a = 1\nlet xs = [0]\nfn f(x) { return x }\nfn g() {\n    return " + body + "\n}\nprint(g())\n";
            case 2 -> "let a = 1\nlet xs = [0]\nfn f(x) { return x }\n" + "if a { ".repeat(n / 4) + "print(" + body + ")" + " }".repeat(n / 4) + "\n";
            default -> "let xs = [0]\nlet a = " + body + "\nprint(f\"{a!r}\")\n";
        };
    }

    /** A long flat chain: operators, calls, attributes, indexes, else-ifs, adjacent strings. */
    private String chainProgram() {
        int n = depthOf(random);
        StringBuilder b = new StringBuilder("let a = 1\nlet xs = [0]\nlet d = {}\nfn f(x) { return f }\n");
        switch (random.nextInt(7)) {
            case 0 -> { b.append("print(a"); for (int i = 0; i < n; i++) b.append(' ').append(pick(BINARY)).append(" a"); b.append(")\n"); }
            case 1 -> b.append("print(f").append("(1)".repeat(n)).append(")\n");
            case 2 -> b.append("print(xs").append("[0]".repeat(n)).append(")\n");
            case 3 -> b.append("print(d").append(".a".repeat(n)).append(")\n");
            case 4 -> b.append("if a == 0 { print(0) }").append(" else if a == 1 { print(1) }".repeat(n)).append("\n");
            case 5 -> b.append("print(").append("\"ab\" ".repeat(n)).append(")\n");
            default -> b.append("print(a").append(" < a".repeat(n)).append(")\n");
        }
        return b.toString();
    }

    /** Mostly small depths, sometimes at the limits, sometimes far past them. */
    static int depthOf(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> 1 + random.nextInt(50);
            case 1 -> 50 + random.nextInt(200);
            case 2 -> 200 + random.nextInt(2000);
            default -> 2000 + random.nextInt(20_000);
        };
    }

    // ------------------------------------------------------------------ random tokens and mutations

    private String tokenProgram() {
        int n = 1 + random.nextInt(random.nextBoolean() ? 30 : 400);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) b.append(pick(TOKENS)).append(random.nextInt(4) == 0 ? "" : " ");
        return b.toString();
    }

    /** A golden script changed in one to five places: deletions, duplications, swaps, stray tokens, cuts. */
    private String mutation() {
        StringBuilder b = new StringBuilder(GOLDEN.get(random.nextInt(GOLDEN.size())));
        int edits = 1 + random.nextInt(5);
        for (int e = 0; e < edits && b.length() > 0; e++) {
            int at = random.nextInt(b.length());
            int len = Math.min(b.length() - at, 1 + random.nextInt(random.nextBoolean() ? 3 : 60));
            switch (random.nextInt(7)) {
                case 0 -> b.delete(at, at + len);
                case 1 -> b.insert(at, b.substring(at, at + len));
                case 2 -> b.insert(at, pick(TOKENS));
                case 3 -> b.setCharAt(at, "(){}[]\"'\\:,.=\n#{}$x0".charAt(random.nextInt(20)));
                case 4 -> b.setLength(at);
                case 5 -> { int to = random.nextInt(b.length()); String cut = b.substring(at, at + len); b.delete(at, at + len); b.insert(Math.min(to, b.length()), cut); }
                default -> b.insert(at, b.substring(at, at + len).repeat(2 + random.nextInt(200)));
            }
        }
        return b.toString();
    }

    private String pick(String... options) { return options[random.nextInt(options.length)]; }

    /** The golden scripts and examples: the mutation's raw material. */
    private static List<String> goldenSources() {
        try (Stream<Path> files = Stream.concat(Files.walk(Path.of("src/test/resources/golden")), Files.walk(Path.of("examples")))) {
            return files.filter(p -> p.toString().endsWith(".skein")).sorted().map(p -> {
                try {
                    return Files.readString(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
