package dev.skein.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * What the compiler writes for the hot shapes of numeric list code, read back from the classes a
 * real {@code skein} process generates ({@code -Dskein.compile.dump}): an int literal index
 * ({@code v[0]}, {@code v[0] = x}, {@code v[0] op= x}) reaches the list as a {@code long}, with no
 * box to test.
 * The golden suite checks that these paths give the tree's results and errors.
 */
class CompiledFastPathShapeTest {
    private static final String SCRIPT = """
            fn bump(v, x, y) {
                v[0] -= x * y
                v[1] += x
                return v
            }
            fn first(v) { return v[0] }
            fn store(v, x) { v[2] = x }
            let v = [1.5, 2.5, 3.5]
            store(v, 0.5)
            print(bump(v, 2.0, 0.25), first(v))
            """;

    /** Each generated function's first line in the script to its instructions. */
    private static final Map<Integer, List<String>> methods = new HashMap<>();

    @BeforeAll
    static void compileInAProcess(@TempDir Path dir) throws IOException, InterruptedException {
        assertEquals("[1.0, 4.5, 0.5] 1.0\n", GeneratedClasses.run(dir, SCRIPT, CompiledFastPathShapeTest::read));
    }

    private static void read(byte[] bytes) {
        GeneratedClasses.methods(bytes, name -> {
            List<String> code = new ArrayList<>();
            boolean function = name.matches("f[0-9]+");
            return new MethodVisitor(Opcodes.ASM9) {
                @Override public void visitLineNumber(int line, org.objectweb.asm.Label start) {
                    if (function) methods.putIfAbsent(line, code);
                }
                @Override public void visitInsn(int opcode) { code.add("insn " + opcode); }
                @Override public void visitTypeInsn(int opcode, String type) { code.add("type " + opcode + " " + type); }
                @Override public void visitMethodInsn(int opcode, String owner, String n, String d, boolean itf) {
                    code.add("call " + owner + "." + n + d);
                }
            };
        });
    }

    /** The instructions of the function whose body starts on {@code line} of the script. */
    private static List<String> method(int line) {
        assertTrue(methods.containsKey(line), "no generated function at line " + line + " in " + methods.keySet());
        return methods.get(line);
    }

    @Test
    void augmentedSubscriptsPassALiteralIndexAsALong() {
        List<String> bump = method(2);
        assertTrue(bump.contains("call dev/skein/interp/Statements$AugIndex.getIndex(Ljava/lang/Object;J)Ljava/lang/Object;"),
                "the literal index reaches the read as a long");
        assertTrue(bump.contains("call dev/skein/interp/Variables$IndexStore.setIndex(Ljava/lang/Object;JLjava/lang/Object;)V"),
                "the literal index reaches the store as a long");
        assertFalse(bump.contains("call dev/skein/runtime/Containers.getIndex(Ljava/lang/Object;Ljava/lang/Object;)Ljava/lang/Object;"));
    }

    @Test
    void literalIndexesReachTheListUnboxed() {
        List<String> first = method(6);
        assertTrue(first.contains("call dev/skein/runtime/SkeinList.getPy(J)Ljava/lang/Object;"));
        assertFalse(first.contains("type " + Opcodes.INSTANCEOF + " java/lang/Long"), "no box to test for v[0]");
        assertTrue(method(7).contains("call dev/skein/interp/Variables$IndexStore.setIndex(Ljava/lang/Object;JLjava/lang/Object;)V"),
                "v[2] = x stores with a long index");
    }
}
