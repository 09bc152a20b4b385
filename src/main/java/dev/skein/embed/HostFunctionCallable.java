package dev.skein.embed;

import dev.skein.runtime.HostCallable;
import dev.skein.runtime.SkeinError;
import dev.skein.runtime.ThreadState;

/** A {@link HostFunction} as the runtime calls it: converts the arguments, runs the body, converts back. */
final class HostFunctionCallable implements HostCallable {
    private final HostFunction function;

    HostFunctionCallable(HostFunction function) { this.function = function; }

    HostFunction function() { return function; }

    @Override public String name() { return function.name(); }

    @Override public String extensionName() { return function.extensionName(); }

    @Override public Object call(ThreadState ts, Object[] args, String[] kwNames) {
        HostCall call = new HostCall(function, ts, args, kwNames);
        Object result;
        try {
            result = function.body().apply(call);
        } catch (SkeinError e) {
            throw e;
        } catch (Exception | LinkageError e) {
            throw HostErrors.toSkein(e, function.name());
        } finally {
            call.finish();
        }
        try {
            return ValueConverter.toSkein(result);
        } catch (IllegalArgumentException e) {
            throw dev.skein.runtime.Errors.type("host function '" + function.name() + "' returned a value Skein cannot use: " + e.getMessage());
        }
    }

    @Override public String toString() { return function.toString(); }
}
