package dev.skein.stdlib;

import dev.skein.runtime.Builtin;
import dev.skein.runtime.Bytes;
import dev.skein.runtime.Callable;
import dev.skein.runtime.Convert;
import dev.skein.runtime.Interpreter;
import dev.skein.runtime.OutputSink;
import dev.skein.runtime.SkeinDict;
import dev.skein.runtime.SkeinError;
import dev.skein.runtime.SkeinList;
import dev.skein.runtime.SkeinSet;
import dev.skein.runtime.ThreadState;
import dev.skein.runtime.Values;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Shared helpers: a fresh interpreter per test, calls of builtins and methods with Java values
 * (Integers become Skein ints), and checks against reprs computed with Python 3.11 (spelled the
 * Skein way: none/true/false, lists for tuples).
 */
abstract class StdlibTestSupport {
    protected final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    protected final Interpreter interp = dev.skein.process.ProcessPools.install(Stdlib.install(Interpreter.builder())).stdout(OutputSink.of(captured)).build();
    protected final ThreadState ts = new ThreadState(interp);

    protected String stdout() { return captured.toString(StandardCharsets.UTF_8); }

    /** Integer → Long, int[] → nothing special: test code may write 1 instead of 1L. */
    protected static Object v(Object o) {
        return o instanceof Integer i ? (Object) i.longValue() : o;
    }

    protected static Object[] vs(Object... os) {
        Object[] out = new Object[os.length];
        for (int i = 0; i < os.length; i++) out[i] = v(os[i]);
        return out;
    }

    protected static SkeinList list(Object... items) { return SkeinList.wrap(vs(items)); }

    protected static SkeinSet set(Object... items) { return SkeinSet.of(vs(items)); }

    protected static SkeinDict dict(Object... kv) {
        SkeinDict d = new SkeinDict();
        for (int i = 0; i < kv.length; i += 2) d.put(v(kv[i]), v(kv[i + 1]));
        return d;
    }

    /** Bytes from a string whose chars are the byte values (Latin-1). */
    protected static Bytes bytes(String latin1) { return Bytes.wrap(latin1.getBytes(StandardCharsets.ISO_8859_1)); }

    /** Keyword arguments: kw("key", value, …) after the positional ones. */
    protected static Kw kw(Object... pairs) { return new Kw(pairs); }

    protected record Kw(Object[] pairs) {}

    protected Object builtin(String name) {
        Object f = interp.builtins().get(name);
        assertNotNull(f, "no builtin " + name);
        return f;
    }

    /** Calls builtin {@code name}; a trailing {@link Kw} holds keyword arguments. */
    protected Object b(String name, Object... args) { return invoke((Callable) builtin(name), args, null); }

    /** Calls method {@code name} of {@code recv}'s type; a trailing {@link Kw} holds keyword arguments. */
    protected Object m(Object recv, String name, Object... args) {
        Builtin method = TypeMethods.find(v(recv), name);
        assertNotNull(method, "no method " + name + " for " + Values.typeName(recv));
        return invoke(method, args, v(recv));
    }

    private Object invoke(Callable f, Object[] args, Object self) {
        Object[] pos = args;
        Object[] kwPairs = new Object[0];
        if (args.length > 0 && args[args.length - 1] instanceof Kw k) {
            pos = Arrays.copyOf(args, args.length - 1);
            kwPairs = k.pairs();
        }
        int offset = self == null ? 0 : 1;
        int nkw = kwPairs.length / 2;
        Object[] all = new Object[offset + pos.length + nkw];
        if (self != null) all[0] = self;
        for (int i = 0; i < pos.length; i++) all[offset + i] = v(pos[i]);
        String[] names = nkw == 0 ? null : new String[nkw];
        for (int i = 0; i < nkw; i++) {
            names[i] = (String) kwPairs[2 * i];
            all[offset + pos.length + i] = v(kwPairs[2 * i + 1]);
        }
        return f.call(ts, all, names);
    }

    /** A Skein function value made from a Java lambda (for key functions and predicates). */
    protected static Callable fn(java.util.function.Function<Object, Object> body) {
        return new Callable() {
            @Override public Object call(ThreadState ts, Object[] args, String[] kwNames) { return v(body.apply(args[0])); }
            @Override public String name() { return "test_fn"; }
        };
    }

    /** Runs a mutating call and returns [its result, the receiver afterwards]. */
    protected static Object both(Object receiver, java.util.function.Function<Object, Object> action) {
        Object result = action.apply(receiver);
        return SkeinList.of(result, receiver);
    }

    /** Like {@link #both} for sets: sets in the answer are sorted, as Python orders them by hash. */
    protected Object sboth(Object receiver, java.util.function.Function<Object, Object> action) {
        Object result = action.apply(receiver);
        return SkeinList.of(result instanceof SkeinSet ? b("sorted", result) : result, b("sorted", receiver));
    }

    protected interface Code {
        Object run();
    }

    /** Asserts the repr of the value (as Python 3.11 computes it, spelled the Skein way). */
    protected static void check(String expectedRepr, Object actual) {
        assertEquals(expectedRepr, Convert.repr(actual));
    }

    /** Asserts that the code raises a Skein error of this kind with this message. */
    protected static void fails(String kind, String message, Code code) {
        SkeinError e = assertThrows(SkeinError.class, code::run);
        assertEquals(kind + ": " + message, e.kind().name() + ": " + e.value().message());
    }
}
