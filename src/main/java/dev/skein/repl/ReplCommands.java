package dev.skein.repl;

import dev.skein.concurrent.Future;
import dev.skein.concurrent.Pool;
import dev.skein.concurrent.PoolRegistry;
import dev.skein.interp.ModuleInstance;
import dev.skein.runtime.Convert;
import dev.skein.syntax.Source;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The REPL's {@code :commands}: help, tasks and pools, cancelling, loading, resetting, timing, quitting. */
final class ReplCommands {
    /** Every command, with its one-line help (aliases are not listed). */
    private static final String[][] COMMANDS = {
        {":help", "show this help"},
        {":tasks", "list pending and running tasks of every pool (function, state, age)"},
        {":pools", "list the pools and their counters"},
        {":cancel", "cancel every pending and running task"},
        {":vars", "list the names defined in this session"},
        {":load FILE", "run a script file in this session (its definitions stay)"},
        {":time EXPR", "evaluate EXPR and show how long it took"},
        {":trace on FILE", "record a timeline of tasks to FILE (Perfetto/Chrome JSON); :trace off writes it"},
        {":reset", "forget everything: cancel tasks, shut pools down, start afresh"},
        {":quit", "leave (also Ctrl-D); shuts every pool down"},
    };

    private final ReplSession session;

    ReplCommands(ReplSession session) { this.session = session; }

    static boolean isCommand(String input) { return input.stripLeading().startsWith(":"); }

    Reply run(String input) {
        String[] parts = input.split("\\s+", 2);
        String arg = parts.length > 1 ? parts[1].strip() : "";
        return switch (parts[0]) {
            case ":help", ":h", ":?" -> Reply.out(help());
            case ":quit", ":q", ":exit" -> Reply.quit(0);
            case ":tasks" -> Reply.out(tasks());
            case ":pools" -> Reply.out(pools());
            case ":cancel" -> Reply.out(cancelAll());
            case ":vars" -> Reply.out(vars());
            case ":load" -> load(arg);
            case ":time" -> time(arg);
            case ":trace" -> session.trace.command(session.interp(), arg);
            case ":reset" -> {
                session.reset();
                yield Reply.out("session reset: definitions, imports and pools are gone");
            }
            default -> Reply.err("unknown command '" + parts[0] + "'; :help lists the commands");
        };
    }

    /** Command names starting with {@code prefix}, for completion. */
    static List<String> complete(String prefix) {
        List<String> out = new ArrayList<>();
        for (String[] c : COMMANDS) {
            String name = c[0].split(" ")[0];
            if (name.startsWith(prefix)) out.add(name);
        }
        return out;
    }

    private static String help() {
        StringBuilder sb = new StringBuilder("""
                Type Skein code; the value of an expression is printed and kept in _ (the last
                error in _e). An open brace, bracket, parenthesis or \""" string continues on
                the next line. `await` works at the prompt, and pools live until you leave.
                Keys: Tab completes names, members and methods; Ctrl-C stops the running input
                (and the tasks it started) or clears the line; Ctrl-D leaves.
                Commands:
                """);
        for (String[] c : COMMANDS) sb.append(String.format(Locale.ROOT, "  %-12s %s%n", c[0], c[1]));
        return sb.toString();
    }

    // ------------------------------------------------------------------ tasks and pools

    private PoolRegistry registry() { return PoolRegistry.of(session.interp()); }

    private String tasks() {
        List<Future> all = new ArrayList<>();
        for (Pool p : registry().pools()) all.addAll(p.liveTasks());
        if (all.isEmpty()) return "no pending or running tasks";
        all.sort(Comparator.comparingLong(Future::id));
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"task", "state", "age", "function", "pool", "submitted at"});
        for (Future f : all) {
            rows.add(new String[] {String.valueOf(f.id()), f.stateName(), age(f.ageNanos()), f.functionName(),
                    f.pool().toString(), f.site()});
        }
        return table(rows);
    }

    private String pools() {
        StringBuilder sb = new StringBuilder();
        for (Pool p : registry().pools()) {
            if (p.isClosed() && p.liveTasks().isEmpty()) continue;
            var s = p.stats();
            sb.append(p).append("  ");
            String sep = "";
            for (String k : new String[] {"running", "queued", "completed", "failed", "cancelled"}) {
                sb.append(sep).append(s.get(k)).append(' ').append(k);
                sep = ", ";
            }
            sb.append('\n');
        }
        return sb.isEmpty() ? "no pools (start one with threads(n), virtual() or processes(n))" : sb.toString();
    }

    private String cancelAll() {
        int n = 0;
        for (Pool p : registry().pools()) {
            for (Future f : p.liveTasks()) if (f.cancel()) n++;
        }
        return n == 0 ? "no tasks to cancel" : "cancelled " + n + (n == 1 ? " task" : " tasks");
    }

    private String vars() {
        ModuleInstance m = session.module();
        StringBuilder sb = new StringBuilder();
        for (String name : m.memberNames()) {
            if (name.equals("_") || name.equals("_e")) continue;
            String shown = Convert.repr(m.get(name));
            if (shown.length() > 100) shown = shown.substring(0, 97) + "...";
            sb.append(name).append(" = ").append(shown).append('\n');
        }
        return sb.isEmpty() ? "nothing defined yet" : sb.toString();
    }

    // ------------------------------------------------------------------ load and time

    private Reply load(String arg) {
        if (arg.isEmpty()) return Reply.err("usage: :load FILE");
        String path = unquote(arg);
        String text;
        try {
            text = Files.readString(Path.of(path));
        } catch (IOException e) {
            String why = e instanceof NoSuchFileException ? "no such file" : String.valueOf(e.getMessage());
            return Reply.err("cannot read '" + path + "': " + why);
        } catch (RuntimeException badPath) {
            return Reply.err("cannot read '" + path + "': " + badPath.getMessage());
        }
        return session.run(new Source(path, text), false);
    }

    private Reply time(String arg) {
        if (arg.isEmpty()) return Reply.err("usage: :time EXPR");
        long start = System.nanoTime();
        Reply r = session.evaluate(arg, true);
        if (r.status() == Reply.Status.QUIT) return r;
        return r.thenOut("time: " + duration(System.nanoTime() - start));
    }

    // ------------------------------------------------------------------ formatting

    static String duration(long nanos) {
        double ms = nanos / 1e6;
        if (ms < 1) return String.format(Locale.ROOT, "%.3f ms", ms);
        if (ms < 1000) return String.format(Locale.ROOT, "%.1f ms", ms);
        return String.format(Locale.ROOT, "%.3f s", ms / 1000);
    }

    private static String age(long nanos) {
        double s = nanos / 1e9;
        if (s < 60) return String.format(Locale.ROOT, "%.1fs", s);
        long whole = (long) s;
        if (whole < 3600) return whole / 60 + "m" + String.format(Locale.ROOT, "%02d", whole % 60) + "s";
        return whole / 3600 + "h" + String.format(Locale.ROOT, "%02d", whole % 3600 / 60) + "m";
    }

    private static String table(List<String[]> rows) {
        int[] width = new int[rows.get(0).length];
        for (String[] r : rows) for (int i = 0; i < r.length; i++) width[i] = Math.max(width[i], r[i].length());
        StringBuilder sb = new StringBuilder();
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < r.length; i++) {
                line.append(r[i]);
                if (i < r.length - 1) line.append(" ".repeat(width[i] - r[i].length() + 2));
            }
            sb.append(line.toString().stripTrailing()).append('\n');
        }
        return sb.toString();
    }

    static String unquote(String s) {
        if (s.length() >= 2 && (s.charAt(0) == '"' || s.charAt(0) == '\'') && s.charAt(s.length() - 1) == s.charAt(0)) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }
}
