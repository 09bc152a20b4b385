package dev.skein.interp;

import java.util.HashSet;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Checks a generated class for shapes the JVM verifies but its JIT compilers refuse, so that such
 * a method would run interpreted for a long time: today, an exception handler whose first
 * instruction is also reached by a jump or by falling through (C1 bails out with "Exception
 * handler can be reached by both normal and exceptional control flow").
 *
 * <p>Runs when {@code -Dskein.compile.check=on} (the test suite sets it), so every function any
 * test compiles is checked.
 */
final class BytecodeShapeCheck {
    static final boolean ON = "on".equals(System.getProperty("skein.compile.check"));

    private BytecodeShapeCheck() {}

    /** Throws IllegalStateException naming the method if a handler entry is reachable by normal flow. */
    static void check(byte[] classBytes) {
        new ClassReader(classBytes).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                return new HandlerEntries(name);
            }
        }, ClassReader.SKIP_FRAMES);
    }

    private static final class HandlerEntries extends MethodVisitor {
        private final String method;
        private final Set<Label> handlers = new HashSet<>();
        private final Set<Label> reachedNormally = new HashSet<>();
        private boolean fallsThrough;   // whether the last instruction lets control reach the next one

        HandlerEntries(String method) {
            super(Opcodes.ASM9);
            this.method = method;
        }

        @Override public void visitTryCatchBlock(Label start, Label end, Label handler, String type) { handlers.add(handler); }

        @Override public void visitLabel(Label label) { if (fallsThrough) reachedNormally.add(label); }

        @Override public void visitInsn(int opcode) {
            fallsThrough = !(opcode == Opcodes.ATHROW || (opcode >= Opcodes.IRETURN && opcode <= Opcodes.RETURN));
        }

        @Override public void visitJumpInsn(int opcode, Label label) {
            reachedNormally.add(label);
            fallsThrough = opcode != Opcodes.GOTO;
        }

        @Override public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) { switched(dflt, labels); }

        @Override public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) { switched(dflt, labels); }

        private void switched(Label dflt, Label[] labels) {
            reachedNormally.add(dflt);
            reachedNormally.addAll(java.util.List.of(labels));
            fallsThrough = false;
        }

        @Override public void visitIntInsn(int opcode, int operand) { fallsThrough = true; }
        @Override public void visitVarInsn(int opcode, int var) { fallsThrough = true; }
        @Override public void visitTypeInsn(int opcode, String type) { fallsThrough = true; }
        @Override public void visitFieldInsn(int opcode, String owner, String name, String descriptor) { fallsThrough = true; }
        @Override public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) { fallsThrough = true; }
        @Override public void visitInvokeDynamicInsn(String name, String descriptor, org.objectweb.asm.Handle bsm, Object... args) { fallsThrough = true; }
        @Override public void visitLdcInsn(Object value) { fallsThrough = true; }
        @Override public void visitIincInsn(int var, int increment) { fallsThrough = true; }
        @Override public void visitMultiANewArrayInsn(String descriptor, int dims) { fallsThrough = true; }

        @Override
        public void visitEnd() {
            for (Label h : handlers) {
                if (reachedNormally.contains(h)) {
                    throw new IllegalStateException("generated method " + method
                            + ": an exception handler is also reached by normal control flow (C1 would not compile it)");
                }
            }
        }
    }
}
