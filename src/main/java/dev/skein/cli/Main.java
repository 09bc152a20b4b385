package dev.skein.cli;

import java.io.InputStream;
import java.io.PrintStream;

/** The {@code skein} command. */
public final class Main {
    public static void main(String[] args) {
        System.exit(run(args, System.in, System.out, System.err));
    }

    /** Runs the command in-process (tests use this); returns the exit code. */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        err.println("not ready");
        return 2;
    }
}
