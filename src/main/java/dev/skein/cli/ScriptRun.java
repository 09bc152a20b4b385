package dev.skein.cli;

import dev.skein.concurrent.PoolRegistry;
import dev.skein.concurrent.TraceRecording;
import dev.skein.interp.Code;
import dev.skein.interp.ModuleInstance;
import dev.skein.interp.Outcome;
import dev.skein.interp.Runner;
import dev.skein.process.ProcessPools;
import dev.skein.repl.JLineRepl;
import dev.skein.runtime.Interpreter;
import dev.skein.runtime.LoneSurrogates;
import dev.skein.runtime.OutputSink;
import dev.skein.runtime.ThreadState;
import dev.skein.stdlib.Stdlib;
import dev.skein.syntax.CompileError;
import dev.skein.syntax.Source;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/** Runs one script for the CLI: builds the interpreter, runs on a large stack, maps outcomes to exit codes. */
final class ScriptRun {
    /** Deep recursion needs a deep Java stack: the script runs on a thread with this much. */
    static final long STACK_BYTES = 512L << 20;

    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;
    private final int recursionLimit;
    private final boolean compile;

    private final boolean ownsProcess;

    /** {@code ownsProcess}: this run is the whole process (real CLI), so it handles Ctrl-C and terminals. */
    ScriptRun(InputStream in, PrintStream out, PrintStream err, int recursionLimit, boolean compile, boolean ownsProcess) {
        this.in = in;
        this.out = out;
        this.err = err;
        this.recursionLimit = recursionLimit;
        this.compile = compile;
        this.ownsProcess = ownsProcess;
    }

    private Path trace;

    /** {@code skein --trace FILE}: the timeline of the script's tasks goes to {@code file} (null: none). */
    void traceTo(Path file) { trace = file; }

    int file(String path, List<String> args) {
        String text;
        try {
            text = Files.readString(Path.of(path));
        } catch (IOException e) {
            err.println("skein: cannot read '" + path + "': " + reason(e));
            return ExitCodes.USAGE;
        }
        return source(new Source(path, text), args);
    }

    int stdin(List<String> args) {
        try {
            return source(new Source("<stdin>", new String(in.readAllBytes(), StandardCharsets.UTF_8)), args);
        } catch (IOException e) {
            err.println("skein: cannot read standard input: " + reason(e));
            return ExitCodes.USAGE;
        }
    }

    /** The interactive REPL on the process's terminal (see dev.skein.repl). */
    int repl() {
        try {
            return JLineRepl.run((replOut, replErr) -> builder(List.of())
                    .stdout(replOut)
                    .stderr(replErr)
                    .stderrIsTerminal(true)
                    .build(), new Version().getVersion()[0]);
        } catch (IOException e) {
            err.println("skein: cannot open the terminal: " + reason(e));
            return ExitCodes.USAGE;
        }
    }

    static String reason(IOException e) {
        if (e instanceof NoSuchFileException) return "no such file";
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    Interpreter interpreter(List<String> args) {
        return builder(args).build();
    }

    private Interpreter.Builder builder(List<String> args) {
        return dev.skein.cluster.ClusterPools.install(ProcessPools.install(Stdlib.install(Interpreter.builder())))
                .stdout(OutputSink.of(out))
                .stderr(OutputSink.of(err))
                .grantAll()
                .recursionLimit(recursionLimit)
                .compile(compile)
                .args(args)
                .env(System.getenv())
                .stderrIsTerminal(ownsProcess && Terminals.stderrIsTerminal());
    }

    private int source(Source source, List<String> args) {
        Interpreter interp = interpreter(args);
        TraceRecording recording = trace == null ? null : new TraceRecording("skein " + source.name(), trace);
        if (recording != null) recording.attach(interp);
        Runner runner = Runner.of(interp);
        ModuleInstance module = new ModuleInstance("__main__", source.name());
        Code code;
        try {
            code = runner.compile(source, module, false);
        } catch (CompileError e) {
            err.println(e.render());
            return ExitCodes.USAGE;
        }
        // Held only while the script runs: once it ends, its values are garbage even to the
        // signal handler (a heap it filled is free again for the JVM's own exit).
        java.util.concurrent.atomic.AtomicReference<Interpreter> running = new java.util.concurrent.atomic.AtomicReference<>(interp);
        if (ownsProcess) Interrupts.onCtrlC(() -> {
            Interpreter i = running.get();
            if (i != null) interrupt(i);
        });
        int[] status = {ExitCodes.OK};
        Thread main = new Thread(null, () -> status[0] = execute(runner, code, module), "skein-main", STACK_BYTES);
        main.start();
        try {
            main.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCodes.INTERRUPTED;
        } finally {
            running.set(null);
            mainThread = null;
        }
        if (recording != null) writeTrace(recording, status);
        out.flush();
        err.flush();
        return status[0];
    }

    /** Writes the timeline; a trace that cannot be written fails a run that otherwise succeeded. */
    private void writeTrace(TraceRecording recording, int[] status) {
        try {
            recording.finish();
        } catch (IOException e) {
            out.flush();
            err.println("skein: " + recording.failure(e));
            if (status[0] == ExitCodes.OK) status[0] = ExitCodes.RUNTIME_ERROR;
        }
    }

    private int execute(Runner runner, Code code, ModuleInstance module) {
        ThreadState ts = new ThreadState(runner.interp());
        mainThread = ts;
        PoolRegistry pools = PoolRegistry.of(runner.interp());
        try {
            Outcome outcome = runner.execute(() -> {
                runner.run(code, module, ts);
                pools.finishAll(ts);   // tasks never awaited still run to the end, as in Python
                return null;
            });
            if (outcome instanceof Outcome.Failed failed) {
                if (interrupted) return ExitCodes.INTERRUPTED;
                out.flush();
                err.println(LoneSurrogates.printable(failed.report()));   // a lone surrogate as its escape, as print writes it
                return ExitCodes.RUNTIME_ERROR;
            }
            return outcome instanceof Outcome.Exited exit ? exit.code() : ExitCodes.OK;
        } catch (OutOfMemoryError oom) {   // even reporting the MemoryError ran out of memory
            out.flush();
            err.println("MemoryError: out of memory");
            return ExitCodes.RUNTIME_ERROR;
        } catch (RuntimeException | Error internal) {
            // A bug in Skein itself: say so plainly, without a Java stack trace.
            out.flush();
            err.println("skein: internal error: " + internal + " (please report it with the script that caused it)");
            return ExitCodes.RUNTIME_ERROR;
        } finally {
            pools.closeAll();
            out.flush();
        }
    }

    private volatile ThreadState mainThread;
    private volatile boolean interrupted;

    /** Ctrl-C: cancel every task, stop the script at its next check, exit 130. */
    void interrupt(Interpreter interp) {
        interrupted = true;
        PoolRegistry.of(interp).cancelAll();
        ThreadState ts = mainThread;
        if (ts != null) ts.interrupt(dev.skein.runtime.ErrorKind.CANCELLED, "interrupted (Ctrl-C)");
    }
}
