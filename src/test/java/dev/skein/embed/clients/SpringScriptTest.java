package dev.skein.embed.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.script.ScriptException;
import org.junit.jupiter.api.Test;
import org.springframework.scripting.ScriptCompilationException;
import org.springframework.scripting.support.StandardScriptEvalException;
import org.springframework.scripting.support.StandardScriptEvaluator;
import org.springframework.scripting.support.StaticScriptSource;

/**
 * Spring 6.2's {@code StandardScriptEvaluator} runs Skein through javax.script: a method call on
 * an argument object, and a bad call failing as {@code ScriptCompilationException} with the
 * Skein location. The first test is the example of docs/embedding.md, line for line.
 */
public class SpringScriptTest {   // public: Order must be reachable from outside to be usable
    /** An argument object, as a Spring application would pass one. */
    public static final class Order {
        private final List<Long> prices;

        public Order(List<Long> prices) { this.prices = prices; }

        public long total() { return prices.stream().mapToLong(Long::longValue).sum(); }

        public List<Long> getPrices() { return prices; }
    }

    @Test void aScriptCallsAMethodOfAnArgumentObject() {
        Order order = new Order(List.of(30L, 12L));
        // example: spring
        StandardScriptEvaluator evaluator = new StandardScriptEvaluator();
        evaluator.setLanguage("skein");
        Map<String, Object> arguments = new HashMap<>();
        arguments.put("order", order);
        Object result = evaluator.evaluate(new StaticScriptSource("order.total() + len(order.prices)"), arguments);
        // result is 44L: total() is 42, the prices list is a live view of length 2
        // end of example
        assertEquals(44L, result);
    }

    @Test void aBadCallIsAScriptCompilationExceptionWithTheSkeinLocation() {
        StandardScriptEvaluator evaluator = new StandardScriptEvaluator();
        evaluator.setLanguage("skein");
        Map<String, Object> arguments = new HashMap<>();
        arguments.put("order", new Order(List.of(1L)));
        ScriptCompilationException e = assertThrows(ScriptCompilationException.class,
                () -> evaluator.evaluate(new StaticScriptSource("let n = 1\norder.total(n)"), arguments));
        ScriptException cause = assertInstanceOf(StandardScriptEvalException.class, e.getCause()).getScriptException();
        assertEquals(2, cause.getLineNumber());
        assertEquals(7, cause.getColumnNumber());   // the method name
        assertTrue(cause.getMessage().contains("TypeError: no overload of Order.total accepts (int); candidates: total()"), cause.getMessage());
    }

    @Test void theDocShowsThisExample() throws Exception {
        String doc = DocExamples.block("java", "StandardScriptEvaluator evaluator");
        String source = Files.readString(Path.of("src/test/java/dev/skein/embed/clients/SpringScriptTest.java"));
        String example = source.substring(source.indexOf("// example: spring") + 18, source.indexOf("// end of example"));
        assertEquals(normalize(example), normalize(doc));
    }

    private static List<String> normalize(String code) {
        return code.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }
}
