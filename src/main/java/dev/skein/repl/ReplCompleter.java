package dev.skein.repl;

import dev.skein.interp.ModuleInstance;
import dev.skein.runtime.Interpreter;
import dev.skein.runtime.Missing;
import dev.skein.runtime.ModuleValue;
import dev.skein.runtime.RecordValue;
import dev.skein.runtime.SkeinDict;
import dev.skein.runtime.SkeinList;
import dev.skein.syntax.SkeinLexer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * Tab completion: after a dot, the members of the value before it (module members, record
 * fields, methods of built-in types, pool and future members); otherwise keywords, names in
 * scope and builtins; after {@code import}, the standard modules. The value before a dot is
 * found by looking names up, never by running code, so completing has no side effects.
 */
final class ReplCompleter {
    /** The reserved words, from the lexer's vocabulary. */
    static final List<String> KEYWORDS = keywords();

    private final Interpreter interp;
    private final ModuleInstance module;

    ReplCompleter(Interpreter interp, ModuleInstance module) {
        this.interp = interp;
        this.module = module;
    }

    /** Where the name being completed starts (the identifier characters just before the cursor). */
    static int wordStart(String line, int cursor) {
        int i = cursor;
        while (i > 0 && isNameChar(line.charAt(i - 1))) i--;
        return i;
    }

    /** Full names that complete the identifier ending at {@code cursor}, sorted. */
    List<String> complete(String line, int cursor) {
        int start = wordStart(line, cursor);
        String prefix = line.substring(start, cursor);
        Collection<String> pool;
        if (start > 0 && line.charAt(start - 1) == '.') {
            pool = members(receiver(line, start - 1));
        } else if (line.substring(0, start).matches("(?s).*\\bimport\\s+$")) {
            pool = interp.stdModuleNames();
        } else {
            pool = new ArrayList<>(KEYWORDS);
            pool.addAll(module.memberNames());
            pool.addAll(interp.builtins().keySet());
        }
        TreeSet<String> out = new TreeSet<>();
        for (String s : pool) if (s.startsWith(prefix)) out.add(s);
        return new ArrayList<>(out);
    }

    /** The value of the dotted name or literal that ends just before the dot at {@code dot}; MISSING if unknown. */
    private Object receiver(String line, int dot) {
        if (dot == 0) return Missing.MISSING;
        char before = line.charAt(dot - 1);
        // A literal right before the dot: its type is all completion needs.
        if (before == '"' || before == '\'') return "";
        if (before == ']') return new SkeinList();
        if (before == '}') return new SkeinDict();
        int start = dot;
        while (start > 0 && (isNameChar(line.charAt(start - 1)) || line.charAt(start - 1) == '.')) start--;
        String path = line.substring(start, dot);
        if (path.isEmpty() || path.startsWith(".") || Character.isDigit(path.charAt(0))) return Missing.MISSING;
        String[] names = path.split("\\.");
        Object v = lookup(names[0]);
        for (int i = 1; i < names.length && v != Missing.MISSING; i++) v = member(v, names[i]);
        return v;
    }

    private Object lookup(String name) {
        Object v = module.get(name);
        if (v != Missing.MISSING) return v;
        Object b = interp.builtins().get(name);
        return b == null && !interp.builtins().containsKey(name) ? Missing.MISSING : b;
    }

    /** A member reached without running code: module members and record fields only. */
    private static Object member(Object v, String name) {
        if (v instanceof ModuleValue m) return m.member(name);
        if (v instanceof RecordValue r) return r.field(name);
        return Missing.MISSING;
    }

    private static Collection<String> members(Object v) {
        return v == Missing.MISSING ? List.of() : dev.skein.stdlib.Members.of(v);
    }

    private static boolean isNameChar(char c) {
        return c == '_' || (c < 128 && Character.isLetterOrDigit(c));
    }

    private static List<String> keywords() {
        List<String> out = new ArrayList<>();
        for (int t = 1; t <= SkeinLexer.VOCABULARY.getMaxTokenType(); t++) {
            String lit = SkeinLexer.VOCABULARY.getLiteralName(t);
            if (lit != null && lit.matches("'[a-z]+'")) out.add(lit.substring(1, lit.length() - 1));
        }
        return List.copyOf(out);
    }
}
