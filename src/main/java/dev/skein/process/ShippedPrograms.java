package dev.skein.process;

import dev.skein.ast.Stmt;
import dev.skein.interp.ModuleInstance;
import dev.skein.interp.Runner;
import dev.skein.runtime.Interpreter;
import dev.skein.syntax.SkeinParsing;
import dev.skein.syntax.Source;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sources of an interpreter's modules as workers receive them: the syntax trees parsed
 * here (kept by the {@link Runner}), encoded once by {@link ProgramCodec}, however many pools
 * and workers need them.
 */
final class ShippedPrograms {
    private final Map<Source, byte[]> encoded = new ConcurrentHashMap<>();

    static ShippedPrograms of(Interpreter interp) { return interp.service(ShippedPrograms.class, i -> new ShippedPrograms()); }

    private ShippedPrograms() { }

    /** Encodes every source compiled so far, while a new pool's workers boot. */
    void prepare(Runner runner) {
        for (ModuleInstance m : runner.compiledModules()) {
            for (Source s : runner.sourcesOf(m)) program(runner, s);
        }
    }

    private byte[] program(Runner runner, Source source) {
        return encoded.computeIfAbsent(source, s -> {
            List<Stmt> parsed = runner.programOf(s);
            return ProgramCodec.encode(parsed != null ? parsed : SkeinParsing.parseProgram(s));
        });
    }

    /** The SOURCE frame for one source of a module: module key, source name, encoded program. */
    byte[] frame(Runner runner, String moduleKey, Source source) {
        byte[] program = program(runner, source);
        Codec.Out o = new Codec.Out();
        o.writeString(moduleKey);
        o.writeString(source.name());
        o.writeBytes(program);
        return o.toArray();
    }
}
