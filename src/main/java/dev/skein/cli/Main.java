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
        int first = plainOptions(command, args);
        if (first >= 0 && first < args.length && !args[first].startsWith("-") && !args[first].equals("check") && !args[first].equals("worker")) {
            // `skein [--no-compile] [--recursion-limit N] script.skein ARGS…` — what picocli would
            // parse (it stops at the first positional), without its start-up: building the
            // command model by reflection costs a cold JVM 0.15-0.4 s.
            command.script = args[first];
            command.args.addAll(java.util.Arrays.asList(args).subList(first + 1, args.length));
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
        cl.addSubcommand("worker", new WorkerCommand(out, err));
        return cl.execute(args);
    }

    /**
     * Sets the leading options in their plainest spellings ({@code --no-compile},
     * {@code --recursion-limit N} or {@code =N} with N plain digits) and returns the index of the
     * first other argument; -1 when picocli must parse the line (anything else, or a value to check).
     */
    private static int plainOptions(SkeinCommand command, String[] args) {
        String limitEquals = "--recursion-limit=";
        int i = 0;
        while (i < args.length && args[i].startsWith("--")) {
            String a = args[i];
            if (a.equals("--no-compile")) {
                command.noCompile = true;
                i++;
            } else if (a.equals("--recursion-limit") && i + 1 < args.length && args[i + 1].matches("[0-9]{1,9}")) {
                command.recursionLimit = Integer.parseInt(args[i + 1]);
                i += 2;
            } else if (a.equals("--trace") && i + 1 < args.length && !args[i + 1].startsWith("-")) {
                command.trace = java.nio.file.Path.of(args[i + 1]);
                i += 2;
            } else if (a.startsWith(limitEquals) && a.substring(limitEquals.length()).matches("[0-9]{1,9}")) {
                command.recursionLimit = Integer.parseInt(a.substring(limitEquals.length()));
                i++;
            } else {
                return -1;
            }
        }
        return i;
    }
}
