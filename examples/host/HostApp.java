import dev.skein.embed.SkeinEngine;
import dev.skein.embed.SkeinException;
import dev.skein.embed.SkeinScript;
import dev.skein.embed.SkeinSession;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.script.ScriptEngine;
import javax.script.ScriptEngineManager;

/**
 * A small shop application that lets its users write pricing rules in Skein.
 *
 * <p>Run it from the repository root after {@code mvn -q compile} (Java 21+), with the jars of
 * the project's dependencies on the class path:
 * {@code java -cp target/classes:<antlr4-runtime.jar> examples/host/HostApp.java}
 */
public class HostApp {
    public static void main(String[] args) throws Exception {
        Map<String, Double> prices = Map.of("apple", 0.5, "pear", 0.75, "fig", 2.0);
        ExecutorService appThreads = Executors.newFixedThreadPool(2);

        try (SkeinEngine engine = SkeinEngine.builder()
                .stdout(System.out)
                // A host function: scripts call price("apple"); Java exceptions become Skein errors.
                .function("price", call -> {
                    Double p = prices.get(call.stringArg(0));
                    if (p == null) throw new NoSuchElementException("no price for " + call.stringArg(0));
                    return p;
                })
                .constant("TAX", 0.2)
                // The application's own threads, offered to scripts as the pool `app`.
                .executor("app", appThreads)
                .timeLimit(Duration.ofSeconds(10))
                .build()) {

            // 1. Compile once, run many times; `basket` is a host global each run sets.
            SkeinScript total = engine.compile("total.skein", """
                    fn line(item) { return price(item[0]) * item[1] }
                    let lines = [submit line(item) to app for item in basket]
                    round(sum(await lines) * (1 + TAX), 2)
                    """);
            List<List<List<Object>>> baskets = List.of(
                    List.of(List.of("apple", 4)),
                    List.of(List.of("pear", 2), List.of("fig", 1)));
            for (List<List<Object>> basket : baskets) {
                System.out.println("total: " + total.run(Map.of("basket", basket)));
            }

            // 2. A session keeps globals; Java calls back into Skein functions.
            try (SkeinSession session = engine.newSession()) {
                session.eval("rules.skein", "fn discount(total) { return 0.1 if total > 10 else 0.0 }");
                System.out.println("discount: " + session.call("discount", 12.5));
            }

            // 3. Errors reach Java as one exception with kind and position.
            try {
                engine.eval("bad.skein", "let basket = [['kiwi', 1]]\nprice(basket[0][0])");
            } catch (SkeinException e) {
                System.out.println("error: " + e.kind() + " at " + e.file() + ":" + e.line() + ": " + e.detail());
            }

            // 4. Safe by default: this engine was not granted file access.
            try {
                engine.eval("import fs\nfs.read_text('/etc/hostname')");
            } catch (SkeinException e) {
                System.out.println("denied: " + e.kind());
            }
        } finally {
            appThreads.shutdown();
        }

        // 5. A time limit stops a runaway rule.
        try (SkeinEngine strict = SkeinEngine.builder().timeLimit(Duration.ofMillis(200)).build()) {
            strict.eval("while true { }");
        } catch (SkeinException e) {
            System.out.println("stopped: " + e.kind());
        }

        // 6. The same language through javax.script.
        ScriptEngine js = new ScriptEngineManager().getEngineByName("skein");
        js.put("name", "world");
        js.eval("print(f'hello, {name}')");
    }
}
