package dev.skein.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * A loop nested in a loop is written as a method of its own ({@link BytecodeLoops}), read back from
 * the classes a real {@code skein} process generates ({@code -Dskein.compile.dump}): the inner
 * loop's lines are in that method and not in its function's, the function calls it, it polls
 * but does not count as a call (no enter/exit of the call depth), and a loop inside a
 * {@code try} stays where it is. The golden suite (compiled/loop_methods_*) checks the results,
 * jumps and traces against the tree.
 */
class CompiledLoopMethodsTest {
    private static final String SCRIPT = """
            fn advance(n, pairs) {
                let total = 0.0
                for _ in range(n) {
                    for [a, b] in pairs {
                        total += a * b
                    }
                }
                return total
            }
            fn guarded(rows) {
                let seen = 0
                for row in rows {
                    try {
                        for x in row { seen += x }
                    } catch ValueError { }
                }
                return seen
            }
            fn deep(n) {
                for i in range(1) {
                    for j in range(1) {
                        if n > 0 { return deep(n - 1) + i + j + 1 }
                    }
                }
                return 0
            }
            print(advance(3, [[1.0, 2.0], [3.0, 4.0]]), guarded([[1, 2], [3]]), deep(5))
            """;

    /** A generated method: its name, the script lines it holds, the methods it calls. */
    record Method(String name, Set<Integer> lines, List<String> calls) {}

    private static final List<Method> methods = new ArrayList<>();

    @BeforeAll
    static void compileInAProcess(@TempDir Path dir) throws IOException, InterruptedException {
        assertEquals("42.0 6 5\n", GeneratedClasses.run(dir, SCRIPT, CompiledLoopMethodsTest::read));
    }

    private static void read(byte[] bytes) {
        GeneratedClasses.methods(bytes, name -> {
            Method m = new Method(name, new TreeSet<>(), new ArrayList<>());
            if (name.matches("f[0-9]+(_loop[0-9]+)?")) methods.add(m);
            return new MethodVisitor(Opcodes.ASM9) {
                @Override public void visitLineNumber(int line, Label start) { m.lines().add(line); }
                @Override public void visitMethodInsn(int opcode, String owner, String n, String d, boolean itf) {
                    m.calls().add(owner.startsWith("dev/skein/interp/Compiled") ? n : owner + "." + n);
                }
            };
        });
    }

    /** The generated method holding script line {@code line}: exactly one must. */
    private static Method holding(int line) {
        List<Method> found = methods.stream().filter(m -> m.lines().contains(line)).toList();
        assertEquals(1, found.size(), "methods holding line " + line + ": " + found);
        return found.get(0);
    }

    @Test
    void anInnerLoopIsAMethodOfItsOwnThatItsFunctionCalls() {
        Method loop = holding(5), function = holding(2);
        assertTrue(loop.name().matches("f[0-9]+_loop[0-9]+"), loop.name());
        assertEquals(Set.of(4, 5), loop.lines(), "the inner loop's lines, and only them");
        assertEquals(function, holding(3), "the outer loop stays in the function");
        assertTrue(function.calls().contains(loop.name()), function.calls().toString());
    }

    @Test
    void aLoopMethodPollsButIsNoCall() {
        Method loop = holding(5);
        assertTrue(loop.calls().contains("dev/skein/runtime/ThreadState.poll"), loop.calls().toString());
        assertFalse(loop.calls().contains("dev/skein/runtime/ThreadState.enter"), loop.calls().toString());
        assertFalse(loop.calls().contains("dev/skein/runtime/ThreadState.exit"), loop.calls().toString());
        assertTrue(holding(2).calls().contains("dev/skein/runtime/ThreadState.enter"), "the function still enters");
    }

    @Test
    void aLoopInsideATryStaysInItsFunction() {
        assertEquals(holding(11), holding(14), "the loop in the try is in guarded's method");
        assertFalse(holding(14).name().contains("_loop"));
    }

    @Test
    void aReturnFromAnInnerLoopIsCarriedOutByItsFunction() {
        Method loop = holding(22);
        assertTrue(loop.name().contains("_loop"), loop.name());
        assertTrue(loop.calls().stream().anyMatch(c -> c.matches("f[0-9]+")), "deep calls itself from the loop's method: " + loop.calls());
    }
}
