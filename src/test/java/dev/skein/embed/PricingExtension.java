package dev.skein.embed;

import java.util.Map;

/** A worker-side extension used by the tests (registered in test META-INF/services). */
public final class PricingExtension implements SkeinExtension {
    private static final Map<String, Long> CENTS = Map.of("apple", 50L, "pear", 75L);

    @Override public String name() { return "pricing"; }

    @Override public void install(ExtensionContext ctx) {
        ctx.function("price_cents", call -> {
            Long c = CENTS.get(call.stringArg(0));
            if (c == null) throw new SkeinException("KeyError", "no price for " + call.stringArg(0));
            return c;
        });
        ctx.function("installed_in", call -> ctx.isWorker() ? "worker" : "host");
        ctx.constant("CURRENCY", "EUR");
    }
}
