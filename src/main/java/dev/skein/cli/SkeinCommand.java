package dev.skein.cli;

import dev.skein.runtime.Interpreter;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code skein [options] [SCRIPT [ARGS…]]}: runs a script; without one, opens the REPL or reads stdin. */
@Command(name = "skein", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Runs a Skein script. Without SCRIPT, opens the interactive REPL on a terminal",
                "and runs standard input as a script otherwise. SCRIPT '-' reads standard input."},
        footer = {"", "Exit codes: 0 ok, 1 runtime error, 2 usage, syntax or name error, 130 interrupted.",
                "Commands: skein check FILE… parses and resolves files without running them.",
                "          skein worker --cluster NAME --listen HOST:PORT … runs a cluster member (skein worker --help)."})
final class SkeinCommand implements Callable<Integer> {
    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;

    @Option(names = "--recursion-limit", paramLabel = "N", description = "Deepest call nesting before RecursionError (default ${DEFAULT-VALUE}).")
    int recursionLimit = 20_000;

    @Option(names = "--no-compile", description = "Run every function on the interpreter's node tree, not compiled to JVM bytecode (same results; also -Dskein.compile=off).")
    boolean noCompile;

    @Option(names = "--trace", paramLabel = "FILE", description = "Write a timeline of the script's tasks to FILE (Chrome/Perfetto trace-event JSON; open it in ui.perfetto.dev).")
    java.nio.file.Path trace;

    @Parameters(index = "0", arity = "0..1", paramLabel = "SCRIPT", description = "The script to run ('-' for standard input).")
    String script;

    @Parameters(index = "1..*", paramLabel = "ARGS", description = "Arguments for the script (os.args).")
    List<String> args = new ArrayList<>();

    private final boolean ownsProcess;

    SkeinCommand(InputStream in, PrintStream out, PrintStream err, boolean ownsProcess) {
        this.in = in;
        this.out = out;
        this.err = err;
        this.ownsProcess = ownsProcess;
    }

    @Override public Integer call() {
        ScriptRun run = new ScriptRun(in, out, err, recursionLimit, !noCompile && Interpreter.compileByDefault(), ownsProcess);
        run.traceTo(trace);
        if (script == null) {
            if (ownsProcess && System.console() != null) {
                return run.repl();
            }
            return run.stdin(args);
        }
        if (script.equals("-")) return run.stdin(args);
        return run.file(script, args);
    }
}
