package dev.skein.cli;

import java.io.InputStream;
import java.io.PrintStream;
import picocli.CommandLine;

/** The {@code skein} command: run a script, check one, or open the REPL. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        int code = run(args, System.in, System.out, System.err, true);
        System.out.flush();
        System.err.flush();
        System.exit(code);
    }

    /** Runs the command in-process (tests use this); returns the exit code. */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        return run(args, in, out, err, false);
    }

    /** {@code ownsProcess}: the real CLI (handles Ctrl-C, may open the REPL on a terminal). */
    static int run(String[] args, InputStream in, PrintStream out, PrintStream err, boolean ownsProcess) {
        SkeinCommand command = new SkeinCommand(in, out, err, ownsProcess);
        if (args.length > 0 && !args[0].startsWith("-") && !args[0].equals("check")) {
            // `skein script.skein ARGS…` — what picocli would parse (it stops at the first
            // positional), without its start-up: building the command model by reflection costs
            // a cold JVM about 0.15 s.
            command.script = args[0];
            command.args.addAll(java.util.Arrays.asList(args).subList(1, args.length));
            return command.call();
        }
        CommandLine cl = new CommandLine(command)
                .setStopAtPositional(true)
                .setOut(new java.io.PrintWriter(out, true))
                .setErr(new java.io.PrintWriter(err, true))
                .setExecutionExceptionHandler((ex, line, parse) -> {
                    err.println("skein: internal error: " + ex);
                    return ExitCodes.RUNTIME_ERROR;
                })
                .setParameterExceptionHandler((ex, a) -> {
                    err.println("skein: " + ex.getMessage());
                    err.println("Try 'skein --help' for more information.");
                    return ExitCodes.USAGE;
                });
        cl.addSubcommand("check", new CheckCommand(out, err));
        return cl.execute(args);
    }
}
