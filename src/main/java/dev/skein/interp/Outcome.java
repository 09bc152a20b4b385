package dev.skein.interp;

import dev.skein.runtime.ErrorValue;

/** How an execution ended ({@link Runner#execute}); each front end reports it its own way. */
public sealed interface Outcome {
    /** Ran to the end; {@code value} is the body's result (a REPL input's value, or null). */
    record Finished(Object value) implements Outcome {}

    /** An uncaught Skein error. */
    record Failed(ErrorValue error, Runner runner) implements Outcome {
        /** The error as the CLI and REPL print it: location, source line, trace. */
        public String report() { return runner.report(error); }
    }

    /** {@code os.exit(code)}. */
    record Exited(int code) implements Outcome {}
}
