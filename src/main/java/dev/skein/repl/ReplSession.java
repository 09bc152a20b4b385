package dev.skein.repl;

import dev.skein.concurrent.Future;
import dev.skein.concurrent.Pool;
import dev.skein.concurrent.PoolRegistry;
import dev.skein.interp.Code;
import dev.skein.interp.ModuleInstance;
import dev.skein.interp.Outcome;
import dev.skein.interp.Runner;
import dev.skein.runtime.Convert;
import dev.skein.runtime.ErrorKind;
import dev.skein.runtime.Interpreter;
import dev.skein.runtime.ThreadState;
import dev.skein.syntax.CompileError;
import dev.skein.syntax.Source;
import java.nio.file.Path;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The REPL without a terminal: feed it lines (or whole inputs), get back what to print and
 * whether more input is needed. Every input is compiled into one persistent module of one
 * interpreter (each under its own source name {@code <repl:N>}, registered with the
 * interpreter's {@link Runner}), so definitions, imports and pools live across inputs and a
 * function defined at the prompt can be sent to a pool like a script's. Evaluations run on a
 * deep-stack thread and {@link #cancel} (Ctrl-C) stops the running one from another thread.
 *
 * <p>Not thread-safe except for {@link #cancel}: one front end thread feeds it.
 */
public final class ReplSession implements AutoCloseable {
    /** Name of the module globals of the session; inputs are named {@code <repl:N>}. */
    static final String MODULE_FILE = "<repl>";
    /** How long {@link #close} and {@code :reset} wait for cancelled tasks to stop. */
    private static final long SHUTDOWN_WAIT_NANOS = TimeUnit.SECONDS.toNanos(3);
    /** The one line shown when Ctrl-C came after Enter but before the input started. */
    static final String NOT_RUN = "interrupted (Ctrl-C): the input did not run";

    private final Supplier<Interpreter> newInterpreter;
    private final Evaluator evaluator = new Evaluator();
    private final ReplCommands commands = new ReplCommands(this);
    private final StringBuilder pending = new StringBuilder();
    private Interpreter interp;
    private Runner runner;
    private ModuleInstance module;
    private int inputs;
    private boolean closed;
    /** The evaluation in progress (read by {@link #cancel} from a signal thread). */
    private volatile Running current;
    /** Orders {@link #cancel} against the start of an evaluation, so a Ctrl-C just before it is not lost. */
    private final ReentrantLock starting = new ReentrantLock();
    /** Set by {@link #expectInput}: a Ctrl-C while nothing runs is meant for the next input. */
    private boolean armed;
    private boolean interruptedBeforeStart;

    private record Running(ThreadState ts, PoolRegistry pools, Set<Future> tasksBefore, AtomicBoolean cancelled) {}

    /** {@code newInterpreter} builds the interpreter (with its output sinks); called again on {@code :reset}. */
    public ReplSession(Supplier<Interpreter> newInterpreter) {
        this.newInterpreter = newInterpreter;
        start();
    }

    private void start() {
        interp = newInterpreter.get();
        runner = Runner.of(interp);
        module = new ModuleInstance("__main__", MODULE_FILE);
        module.set("_", null);
    }

    public Interpreter interp() { return interp; }

    public Runner runner() { return runner; }

    /** The session's globals. */
    public ModuleInstance module() { return module; }

    // ------------------------------------------------------------------ input

    /**
     * One line typed by the user. While the input so far is incomplete (an open brace, bracket,
     * parenthesis or triple-quoted string, as the parser decides) the answer is {@link
     * Reply.Status#MORE}; then the whole input is evaluated or the command run.
     */
    public Reply feed(String line) {
        if (pending.isEmpty() && ReplCommands.isCommand(line)) return submit(line);
        pending.append(line).append('\n');
        String text = pending.toString();
        if (text.isBlank()) {
            pending.setLength(0);
            return Reply.NOTHING;
        }
        if (isIncomplete(text)) return Reply.MORE;
        pending.setLength(0);
        return submit(text);
    }

    /** Whether lines fed so far wait for more (the front end shows the continuation prompt). */
    public boolean isContinuing() { return !pending.isEmpty(); }

    /** Drops lines of an unfinished input (Ctrl-C at the prompt). */
    public void discardPending() { pending.setLength(0); }

    /** A complete input: a {@code :command} or code. */
    public Reply submit(String input) {
        if (closed) return Reply.quit(0);
        if (ReplCommands.isCommand(input)) return commands.run(input.strip());
        if (input.isBlank()) return Reply.NOTHING;
        return evaluate(input, true);
    }

    /**
     * True when the only thing wrong with {@code text} is that it ends too early, so another
     * line could complete it. Commands and blank input are complete.
     */
    public static boolean isIncomplete(String text) {
        return !ReplCommands.isCommand(text) && InputCheck.isIncomplete(text);
    }

    /**
     * Candidates for the name that ends at {@code cursor} in {@code line} (the identifier
     * characters before the cursor, which a candidate replaces): command names after a leading
     * {@code :}, else members after a dot, else names in scope, keywords and builtins.
     */
    public List<String> complete(String line, int cursor) {
        String before = line.substring(0, cursor).strip();
        int file = FileNameCompleter.argumentStart(line.substring(0, cursor));
        if (file >= 0) return FileNameCompleter.complete(line.substring(file, cursor), Path.of("").toAbsolutePath());
        if (ReplCommands.isCommand(before) && !before.contains(" ")) {
            return ReplCommands.complete(before).stream().map(c -> c.substring(1)).toList();
        }
        return new ReplCompleter(interp, module).complete(line, cursor);
    }

    // ------------------------------------------------------------------ evaluating

    /** Compiles {@code text} as the next input {@code <repl:N>} and runs it; shows its value if asked. */
    Reply evaluate(String text, boolean showValue) {
        return run(new Source("<repl:" + ++inputs + ">", text), showValue);
    }

    /** Compiles and runs a source in the session's module (an input, or a file for {@code :load}). */
    Reply run(Source source, boolean showValue) {
        Runner r = runner;
        ModuleInstance m = module;
        ThreadState ts = new ThreadState(interp);
        PoolRegistry pools = PoolRegistry.of(interp);
        Running running = new Running(ts, pools, liveTasks(pools), new AtomicBoolean());
        starting.lock();
        try {
            armed = false;
            if (interruptedBeforeStart) {
                interruptedBeforeStart = false;
                return Reply.err(NOT_RUN);
            }
            current = running;
        } finally {
            starting.unlock();
        }
        try {
            Reply reply = evaluator.run(() -> execute(r, m, ts, source, showValue, running.cancelled()));
            return running.cancelled().get() ? reply.headlineOnly().thenOut(stillRunning(running)) : reply;
        } catch (Evaluator.Abandoned stuck) {
            return Reply.err("the evaluation did not stop after Ctrl-C; it is left running in the background");
        } finally {
            current = null;
            if (ts.isInterrupted()) cancelTasksSince(running);   // tasks it submitted while being stopped
            interp.stdout().flush();
            interp.stderr().flush();
        }
    }

    /** Runs on the evaluation thread: the shared run lifecycle, with the REPL's {@code _} and {@code _e}. */
    private static Reply execute(Runner r, ModuleInstance m, ThreadState ts, Source source, boolean showValue, AtomicBoolean ctrlC) {
        Code code;
        try {
            code = r.compile(source, m, showValue);
        } catch (CompileError e) {
            return Reply.err(e.render());
        }
        NamespaceSnapshot before = NamespaceSnapshot.of(m);
        try {
            Outcome outcome = r.execute(() -> {
                Object value = r.run(code, m, ts);
                if (!showValue || value == null) return null;
                m.set("_", value);
                return ResultPreview.of(value, Convert.repr(value));
            });
            if (outcome instanceof Outcome.Failed failed) {
                // A failed entry leaves no trace; one stopped by Ctrl-C keeps what it did so far.
                if (!ctrlC.get()) before.restore(List.of("_e"));
                m.set("_e", failed.error());
                return Reply.err(failed.report());
            }
            if (outcome instanceof Outcome.Exited exit) return Reply.quit(exit.code());
            Object shown = ((Outcome.Finished) outcome).value();
            return shown == null ? Reply.NOTHING : Reply.out((String) shown);
        } catch (RuntimeException internal) {
            return Reply.err("internal error: " + internal);
        }
    }

    /**
     * Stops the evaluation in progress, if any, and cancels the tasks it submitted (tasks of
     * earlier inputs keep running; {@code :cancel} stops those). Safe to call from any thread.
     * Returns whether something was running.
     */
    public boolean cancel() {
        Running r;
        starting.lock();
        try {
            r = current;
            if (r == null) {
                if (armed) interruptedBeforeStart = true;
                return armed;
            }
        } finally {
            starting.unlock();
        }
        r.cancelled().set(true);
        r.ts().interrupt(ErrorKind.CANCELLED, "interrupted (Ctrl-C)");
        cancelTasksSince(r);
        evaluator.cancelRequested();
        return true;
    }

    /**
     * The front end is about to read the next input: a Ctrl-C from now until that input starts
     * (while the terminal is restored after Enter, say) stops the input before it runs.
     */
    public void expectInput() {
        starting.lock();
        try {
            armed = true;
            interruptedBeforeStart = false;
        } finally {
            starting.unlock();
        }
    }

    /** The front end saw the Ctrl-C itself (inside its line reader): the next input does not run. */
    public void interruptNextInput() {
        starting.lock();
        try {
            if (armed) interruptedBeforeStart = true;
        } finally {
            starting.unlock();
        }
    }

    /** After Ctrl-C: a note that tasks of earlier inputs go on (they were not part of this input). */
    private static String stillRunning(Running r) {
        long n = r.tasksBefore().stream().filter(f -> !f.isDone()).count();
        if (n == 0) return "";
        return "(" + n + (n == 1 ? " task" : " tasks") + " submitted by earlier inputs still running: :tasks lists them, :cancel stops them)";
    }

    private static void cancelTasksSince(Running r) {
        for (Pool p : r.pools().pools()) {
            for (Future f : p.liveTasks()) if (!r.tasksBefore().contains(f)) f.cancel();
        }
    }

    private static Set<Future> liveTasks(PoolRegistry pools) {
        Set<Future> live = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Pool p : pools.pools()) live.addAll(p.liveTasks());
        return live;
    }

    // ------------------------------------------------------------------ lifetime

    /** Forgets every definition: pools are shut down (tasks cancelled) and a fresh interpreter starts. */
    void reset() {
        Interpreter old = interp;
        shutDownPools(interp);
        pending.setLength(0);
        start();
        trace.reattach(old, interp);
    }

    /** The session's {@code :trace}. */
    final ReplTrace trace = new ReplTrace();

    /** Leaves the session: cancels every task and shuts every pool down (worker processes included). */
    @Override public void close() {
        if (closed) return;
        closed = true;
        shutDownPools(interp);
        evaluator.close();
        String traced = trace.finish();
        if (!traced.isEmpty()) interp.stderr().write(traced + "\n");
        interp.stdout().flush();
        interp.stderr().flush();
    }

    public boolean isClosed() { return closed; }

    private static void shutDownPools(Interpreter interp) {
        PoolRegistry registry = PoolRegistry.of(interp);
        registry.closeAll();
        long deadline = System.nanoTime() + SHUTDOWN_WAIT_NANOS;
        for (Pool p : registry.pools()) {
            while (!p.liveTasks().isEmpty() && System.nanoTime() < deadline) {
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
