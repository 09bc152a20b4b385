package dev.skein.interp;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** Runs a script in a real {@code skein} process that writes its generated classes ({@code -Dskein.compile.dump}), for tests that read them with ASM. */
final class GeneratedClasses {
    private GeneratedClasses() {}

    /** Runs {@code source} in a new process under {@code dir}; hands each class it generated to {@code eachClass}; returns its output. */
    static String run(Path dir, String source, Consumer<byte[]> eachClass) throws IOException, InterruptedException {
        Path script = dir.resolve("script.skein"), dump = dir.resolve("classes");
        Files.writeString(script, source);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process p = new ProcessBuilder(java, "-Dskein.compile.dump=" + dump, "-cp", classPath, "dev.skein.cli.Main", script.toString())
                .redirectErrorStream(true).start();
        String out;
        try {
            out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "skein did not finish");
        } finally {
            p.destroyForcibly();
        }
        if (Files.isDirectory(dump)) {
            try (Stream<Path> classes = Files.list(dump)) {
                for (Path c : classes.toList()) eachClass.accept(Files.readAllBytes(c));
            }
        }
        return out;
    }

    /** Reads a generated class: {@code visitorFor} gets each method's name and gives the visitor to read its code (or null). */
    static void methods(byte[] bytes, java.util.function.Function<String, org.objectweb.asm.MethodVisitor> visitorFor) {
        new org.objectweb.asm.ClassReader(bytes).accept(new org.objectweb.asm.ClassVisitor(org.objectweb.asm.Opcodes.ASM9) {
            @Override public org.objectweb.asm.MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                                                       String[] exceptions) {
                return visitorFor.apply(name);
            }
        }, 0);
    }
}
