package dev.skein.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skein.ast.Expr;
import dev.skein.ast.Stmt;
import dev.skein.syntax.SkeinParsing;
import dev.skein.syntax.Source;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The resolver's output: frame layouts, cells, captures, and what each name means — without an interpreter. */
class ResolverTest {
    private static final KnownNames NAMES = new KnownNames(Set.of("print", "len"), Set.of("math"));

    private static ResolvedProgram resolve(String text, boolean hostGlobals) {
        Source source = new Source("t.skein", text);
        return Resolver.resolve(SkeinParsing.parseProgram(source), source, Set.of("old"), NAMES, hostGlobals);
    }

    @Test void functionsGetLayoutsCellsAndCaptures() {
        ResolvedProgram r = resolve("""
                let total = 0
                fn counter(start) {
                  let n = start
                  return fn() { n = n + 1; return n + total + old }
                }
                print(counter(1)())
                """, false);
        assertFalse(r.hasErrors(), r.errors()::toString);
        assertEquals(List.of("total", "counter"), r.declaredGlobals());
        Expr.Lambda counter = ((Stmt.FnDef) r.program.get(1)).function();
        assertNull(r.function(counter), "a top-level function is only checked until its body is built");
        ResolvedFunction outer = r.resolvedLate(counter);   // the same walk, in full
        assertEquals(List.of("start", "n"), outer.locals.stream().map(ResolvedFunction.Local::name).toList());
        assertTrue(outer.locals.get(1).cell(), "n is captured by the inner function");
        assertEquals(0, outer.cellParams.length);
        assertEquals(List.of("total", "old"), List.of(outer.globalsRead));
        Expr.Lambda inner = (Expr.Lambda) ((Stmt.Return) counter.body().get(1)).value();
        ResolvedFunction in = r.function(inner);
        assertEquals(List.of(new ResolvedFunction.FreeVar("n", true, 1)).toString(), in.freeVars.toString());
        Expr.Name print = (Expr.Name) ((Expr.Call) ((Stmt.ExprStmt) r.program.get(2)).expr()).callee();
        assertTrue(r.binding(print) instanceof Binding.Builtin);
    }

    @Test void undeclaredNamesAreErrorsOrHostGlobals() {
        String text = "print(price * qty)\nqty = 2\n";
        ResolvedProgram strict = resolve(text, false);
        assertTrue(strict.onlyUndeclaredNames());
        assertEquals(List.of("price", "qty"), List.copyOf(strict.undeclaredNames().keySet()));
        Expr.Name price = (Expr.Name) ((Expr.Binary) ((Expr.Call) ((Stmt.ExprStmt) strict.program.get(0)).expr()).args().get(0).value()).left();
        assertTrue(strict.binding(price) instanceof Binding.Undeclared);

        ResolvedProgram host = resolve(text, true);
        Expr.Name hostPrice = (Expr.Name) ((Expr.Binary) ((Expr.Call) ((Stmt.ExprStmt) host.program.get(0)).expr()).args().get(0).value()).left();
        assertTrue(host.binding(hostPrice) instanceof Binding.Global);
        assertFalse(resolve("break\nprint(x)\n", true).onlyUndeclaredNames());
    }
}
