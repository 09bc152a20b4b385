package dev.skein.cli;

import dev.skein.interp.KnownNames;
import dev.skein.interp.Runner;
import dev.skein.process.ProcessPools;
import dev.skein.stdlib.StdlibNames;
import dev.skein.syntax.CompileError;
import dev.skein.syntax.Source;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code skein check FILE…}: reports every syntax and name error without running anything. It
 * parses and resolves only: no interpreter is built and the standard library is not loaded
 * (builtin and module names come from {@link StdlibNames}).
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Parses and resolves scripts without running them; reports every syntax and name error.")
final class CheckCommand implements Callable<Integer> {
    private final PrintStream out;
    private final PrintStream err;

    @Parameters(arity = "1..*", paramLabel = "FILE")
    List<String> files;

    CheckCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override public Integer call() {
        Set<String> builtins = new HashSet<>(StdlibNames.BUILTINS);
        builtins.addAll(ProcessPools.NAMES);
        builtins.add(dev.skein.cluster.ClusterPools.NAME);
        KnownNames names = new KnownNames(builtins, StdlibNames.MODULES);
        int status = ExitCodes.OK;
        for (String f : files) {
            String text;
            try {
                text = Files.readString(Path.of(f));
            } catch (IOException e) {
                err.println("skein: cannot read '" + f + "': " + ScriptRun.reason(e));
                status = ExitCodes.USAGE;
                continue;
            }
            try {
                Runner.check(new Source(f, text), names);
                out.println(f + ": ok");
            } catch (CompileError e) {
                err.println(e.render());
                status = ExitCodes.USAGE;
            }
        }
        return status;
    }
}
