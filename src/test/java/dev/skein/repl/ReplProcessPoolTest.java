package dev.skein.repl;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Functions and lambdas defined at the prompt run on a process pool that lives across inputs. */
@Timeout(120)
class ReplProcessPoolTest {
    private final ReplHarness repl = new ReplHarness();

    @AfterEach
    void close() { repl.close(); }

    @Test
    void promptDefinitionsRunInWorkerProcesses() {
        repl.quiet("let cpu = processes(2)");
        repl.feed("fn square(x) {");                          // defined over two lines
        repl.quiet("    return x * x }");
        repl.value("await (submit square(7) to cpu)", "49");
        repl.quiet("let k = 10");
        repl.quiet("fn scaled(x) { return x * k }");          // reads a global defined at the prompt
        repl.value("await (submit scaled(4) to cpu)", "40");
        repl.value("await cpu.submit(fn(x) => x + 1, 1)", "2");   // a lambda
        repl.quiet("let offset = 100");
        repl.quiet("let add = fn(x) => x + offset");
        repl.value("[r for r in map add over range(3) to cpu]", "[100, 101, 102]");
        repl.value("[r for r in map square over range(5) to cpu chunk 2]", "[0, 1, 4, 9, 16]");
        repl.quiet("fn later(x) { return square(x) + 1 }");   // defined after the pool started
        repl.value("await (submit later(3) to cpu)", "10");
    }
}
