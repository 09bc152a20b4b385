package dev.skein.process;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skein.interp.Function;
import dev.skein.interp.ModuleInstance;
import dev.skein.runtime.Bytes;
import dev.skein.runtime.Convert;
import dev.skein.runtime.ErrorKind;
import dev.skein.runtime.ErrorValue;
import dev.skein.runtime.RecordValue;
import dev.skein.runtime.SkeinDict;
import dev.skein.runtime.SkeinError;
import dev.skein.runtime.SkeinList;
import dev.skein.runtime.SkeinSet;
import dev.skein.runtime.ThreadState;
import dev.skein.runtime.Values;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Skein's own process-boundary codec, in-process (no worker needed): every portable value type
 * survives {@link ValueEncoder} → {@link ValueDecoder}, shared references and cycles keep their
 * identity, limits hold, and damaged frames fail only with {@link Codec.MalformedFrame} or a
 * Skein error. Values are built by Skein code, so they are exactly what scripts send.
 */
class CodecTest {
    private static ScriptSession s;
    private static final Map<String, ModuleInstance> otherModules = new HashMap<>();

    @BeforeAll static void defineValues() {
        s = new ScriptSession("codec");
        s.ok("""
                import math
                record Point(x, y)
                record Opt(a, b = 7)
                fn ident(x) { return x }
                fn add(a, b) { return a + b }
                let base = 41
                fn plus_base(x) { return x + base }
                fn make_adder(n) { return fn(x) => x + n }
                fn make_fact() {
                    fn fact(n) { return 1 if n < 2 else n * fact(n - 1) }
                    return fact
                }
                fn fails() { throw ValueError("inner") }
                fn wrapped() {
                    try { fails() } catch e { throw KeyError("outer", cause = e) }
                }
                """);
    }

    @AfterAll static void close() { s.close(); }

    // ------------------------------------------------------------------ helpers

    private static int evals;

    private static Object eval(String expr) {
        String name = "value_" + (++evals);
        s.ok("let " + name + " = " + expr);
        return s.global(name);
    }

    private static ModuleInstance module(String key) {
        if (key.equals(s.module.file())) return s.module;
        return otherModules.computeIfAbsent(key, k -> new ModuleInstance("__main__", k));
    }

    private static ValueDecoder decoder(byte[] bytes) {
        return new ValueDecoder(bytes, 0, s.interp, CodecTest::module);
    }

    /** One value through {@link ValueEncoder#value} and back. */
    private static Object viaValue(Object v) {
        ValueEncoder enc = new ValueEncoder(s.interp, "codec test");
        enc.value(v, "value");
        ValueDecoder d = decoder(enc.bytes());
        Object back = d.read();
        d.in().expectEnd();
        return back;
    }

    /** Encodes a task exactly as a pool does (callee, arguments, keywords, globals). */
    private static byte[] task(Object callee, Object... args) {
        ValueEncoder enc = new ValueEncoder(s.interp, "codec test");
        enc.value(callee, "the function");
        enc.arguments(args, null, "");
        enc.writeGlobals();
        return enc.bytes();
    }

    /** Decodes a task exactly as a worker does; returns the argument values. */
    private static Object[] readTask(byte[] bytes) {
        ValueDecoder d = decoder(bytes);
        d.read();
        Object args = d.read();
        d.read();
        d.readGlobalsInto(java.util.Set.of());
        d.in().expectEnd();
        return ((SkeinList) args).snapshot();
    }

    /** Arguments of a call to ident() through the task path the pools use. */
    private static Object[] viaTask(Object... args) {
        return readTask(task(s.global("ident"), args));
    }

    private static Object call(Object fn, Object... args) {
        return Values.call(new ThreadState(s.interp), fn, args, null);
    }

    private static void assertRoundTrips(String expr) {
        Object v = eval(expr);
        Object back = viaValue(v);
        assertEquals(Values.typeName(v), Values.typeName(back), expr);
        assertEquals(Convert.repr(v), Convert.repr(back), expr);
        assertTrue(Values.eq(v, back), expr + " == its copy");
        Object arg = viaTask(v)[0];
        assertEquals(Convert.repr(v), Convert.repr(arg), expr + " as an argument");
    }

    // ------------------------------------------------------------------ every portable type

    @Test void scalarsRoundTrip() {
        for (String e : List.of("none", "true", "false", "0", "-1", "9223372036854775807", "-9223372036854775807 - 1",
                "1.5", "1e-300", "1e300", "float('inf')", "float('-inf')", "''", "'héllo ✓ 😀 \\n\\t'",
                "b''", "b'\\x00\\xff abc'", "range(3, -10, -2)", "range(0)")) {
            assertRoundTrips(e);
        }
        Object nan = viaValue(eval("float('nan')"));
        assertTrue(nan instanceof Double d && d.isNaN());
        Object negZero = viaValue(eval("-0.0"));
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits((Double) negZero));
    }

    @Test void bigIntegersRoundTripAndStayNormalized() {
        for (String e : List.of("2 ** 63", "-(2 ** 63) - 1", "2 ** 64", "-(2 ** 200)", "2 ** 1000 + 1", "3 ** 5000", "math.factorial(300)")) {
            assertRoundTrips(e);
            assertInstanceOf(BigInteger.class, viaValue(eval(e)), e);
        }
        // a big integer that fits in a long after arithmetic is sent as an int and comes back a Long
        assertEquals(5L, viaValue(eval("(2 ** 100 + 5) - 2 ** 100")));
    }

    @Test void containersRoundTripInOrder() {
        assertRoundTrips("[1, 'a', none, [2, [3, []]], {'k': [true, 2.5]}]");
        assertRoundTrips("{'z': 1, 'a': 2, 3: 'three', none: [], 2.5: {'x': {1, 2}}}");
        assertRoundTrips("{'c', 'a', 'b', 1, none, b'x'}");
        SkeinDict d = (SkeinDict) viaValue(eval("{'z': 1, 'a': 2, 'm': 3}"));
        assertEquals("['z', 'a', 'm']", Convert.repr(SkeinList.wrap(d.keysSnapshot())));
    }

    @Test void recordsKeepTheirType() {
        Object p = eval("Point(1, [2, 3])");
        Object back = viaValue(p);
        assertTrue(Values.eq(p, back), "Point == its copy");
        assertSame(((RecordValue) p).type(), ((RecordValue) back).type(), "the very same record type");
        assertEquals("Point", Values.typeName(back));
        assertEquals("Point(x=1, y=[2, 3])", Convert.repr(back));
        Object opt = viaTask(eval("Opt(1)"))[0];
        assertEquals("Opt(a=1, b=7)", Convert.repr(opt));
        assertTrue(Values.eq(eval("Opt(1)"), opt));
        // the record type itself is a value too: it builds equal records after the trip
        Object type = viaValue(s.global("Point"));
        assertTrue(Values.eq(call(type, 1L, 2L), eval("Point(1, 2)")));
    }

    @Test void errorsKeepKindMessageTraceAndCause() {
        s.ok("let caught = none\ntry { wrapped() } catch e { caught = e }");
        ErrorValue e = (ErrorValue) s.global("caught");
        ErrorValue back = (ErrorValue) viaValue(e);
        assertSame(ErrorKind.KEY, back.kind());
        assertEquals(e.message(), back.message());
        assertEquals(e.trace(), back.trace());
        assertTrue(!back.trace().isEmpty());
        assertEquals("ValueError: inner", e.cause().headline());
        assertEquals("ValueError: inner", back.cause().headline());
        assertEquals(e.cause().trace(), back.cause().trace());
        assertSame(ErrorKind.VALUE, viaValue(ErrorKind.VALUE));
        ErrorValue plain = (ErrorValue) viaTask(eval("ValueError('plain')"))[0];
        assertEquals("ValueError: plain", plain.headline());
    }

    @Test void functionsTravelByReferenceWithCapturesCopied() {
        Function top = (Function) s.global("plus_base");
        Function topBack = (Function) viaValue(top);
        assertSame(top.code(), topBack.code(), "a top-level function is found again by its key");
        assertEquals(42L, call(topBack, 1L));

        s.ok("let captured_list = [1, 2]\nlet adder = make_adder(captured_list)");
        Object adder = s.global("adder");
        byte[] sent = task(adder, SkeinList.of(3L));
        ((SkeinList) s.global("captured_list")).append(99L);   // after sending: the copy must not see it
        ValueDecoder d = decoder(sent);
        Object adderCopy = d.read();
        Object[] args = ((SkeinList) d.read()).snapshot();
        assertEquals("[3, 1, 2]", Convert.repr(call(adderCopy, args[0])));
        assertEquals("[3, 1, 2, 99]", Convert.repr(call(adder, args[0])));

        Object lambda = eval("fn(a, b = 10) => a * b");
        assertEquals(30L, call(viaValue(lambda), 3L));
    }

    @Test void globalsReadByAFunctionTravelWithIt() {
        ValueEncoder enc = new ValueEncoder(s.interp, "codec test");
        enc.value(s.global("plus_base"), "the function");
        enc.arguments(new Object[] {1L}, null, "");
        enc.writeGlobals();
        ModuleInstance fresh = new ModuleInstance("__main__", s.module.file());
        ValueDecoder d = new ValueDecoder(enc.bytes(), 0, s.interp, k -> fresh);
        d.read();
        d.read();
        d.read();
        d.readGlobalsInto(java.util.Set.of());
        d.in().expectEnd();
        assertEquals(41L, fresh.get("base"));
    }

    @Test void builtinsAndStandardModulesTravelByName() {
        assertSame(s.interp.builtins().get("len"), viaValue(s.interp.builtins().get("len")));
        Object sqrt = eval("math.sqrt");
        assertSame(sqrt, viaValue(sqrt));
        Object math = eval("math");
        assertSame(math, viaValue(math));
    }

    // ------------------------------------------------------------------ identity: shared references, cycles

    @Test void sharedReferencesKeepIdentityInsideOneValue() {
        SkeinDict d = (SkeinDict) viaValue(eval("(fn(s) => {'p': s, 'q': s})([1])"));
        assertSame(d.get("p"), d.get("q"), "two dict values pointing at one list");
    }

    @Test void aListContainingItselfRoundTrips() {
        s.ok("let selfish = [1]\nselfish.append(selfish)");
        SkeinList back = (SkeinList) viaValue(s.global("selfish"));
        assertEquals(2, back.size());
        assertSame(back, back.get(1));
    }

    // Regression: the argument list was not registered for back-references, so every
    // back-reference inside task arguments was off by one.
    @Test void sharedReferencesKeepIdentityInTaskArguments() {
        Object[] args = viaTask(eval("(fn(s) => {'p': s, 'q': s})([1])"));
        SkeinDict d = (SkeinDict) args[0];
        assertEquals("{'p': [1], 'q': [1]}", Convert.repr(d));
        assertSame(d.get("p"), d.get("q"));
    }

    // Regression: same root cause (argument back-references off by one).
    @Test void aListContainingItselfAsTaskArgument() {
        s.ok("let selfish2 = [1]\nselfish2.append(selfish2)");
        SkeinList back = (SkeinList) viaTask(s.global("selfish2"))[0];
        assertSame(back, back.get(1));
    }

    // Regression: same root cause; two arguments naming one list arrive as one list.
    @Test void oneListPassedAsTwoArgumentsStaysOneList() {
        Object shared = eval("[1, 2]");
        Object[] args = readTask(task(s.global("add"), shared, shared));
        assertEquals("[1, 2]", Convert.repr(args[1]));
        assertSame(args[0], args[1]);
    }

    // Regression: same root cause; two records of one type in the arguments made the task unreadable.
    @Test void twoRecordsOfOneTypeInTaskArguments() {
        Object[] args = viaTask(eval("[Point(1, 2), Point(3, 4)]"));
        assertEquals("[Point(x=1, y=2), Point(x=3, y=4)]", Convert.repr(args[0]));
    }

    // Regression: a record used to be registered only after its fields (a cycle came back as none).
    @Test void aCycleThroughARecordRoundTrips() {
        s.ok("let rec_cycle = Point([], 0)\nrec_cycle.x.append(rec_cycle)");
        RecordValue back = (RecordValue) viaValue(s.global("rec_cycle"));
        SkeinList xs = (SkeinList) back.get(0);
        assertSame(back, xs.get(0));
    }

    // Regression: a closure used to be registered only after its cells (a recursive nested function
    // arrived with none in its own cell).
    @Test void aRecursiveNestedFunctionRoundTrips() {
        Object fact = eval("make_fact()");
        assertEquals(120L, call(fact, 5L));
        assertEquals(120L, call(viaValue(fact), 5L));
    }

    @Test void aCopyIsACopy() {
        Object v = eval("[[1], {'a': [2]}]");
        Object back = viaValue(v);
        assertNotSame(v, back);
        ((SkeinList) ((SkeinList) back).get(0)).append(5L);
        assertEquals("[[1], {'a': [2]}]", Convert.repr(v));
    }

    // ------------------------------------------------------------------ limits

    @Test void nestingDepthIsLimitedOnBothSides() {
        s.ok("fn nest(n) { let x = []; for i in range(n) { x = [x] }; return x }");
        Object fine = eval("nest(5000)");
        Object back = viaValue(fine);
        int depth = 0;
        for (Object x = back; x instanceof SkeinList l && l.size() > 0; x = l.get(0)) depth++;
        assertEquals(5000, depth);

        Object tooDeep = eval("nest(" + (Codec.MAX_DEPTH + 5) + ")");
        SkeinError e = assertThrows(SkeinError.class, () -> viaValue(tooDeep));
        assertSame(ErrorKind.PORTABILITY, e.kind());
        assertTrue(e.value().message().contains("nested too deeply"), e.value().message());

        Codec.Out out = new Codec.Out();
        out.writeByte(Codec.VERSION);
        for (int i = 0; i < Codec.MAX_DEPTH + 5; i++) {
            out.writeByte(Codec.LIST);
            out.writeInt(1);
        }
        out.writeByte(Codec.NONE);
        byte[] deep = out.toArray();
        Codec.MalformedFrame m = assertThrows(Codec.MalformedFrame.class, () -> decoder(deep).read());
        assertTrue(m.getMessage().contains("nested too deeply"), m.getMessage());
    }

    @Test void handMadeBadFramesAreRejectedCleanly() {
        assertMalformed(new byte[] {}, "truncated");
        assertMalformed(new byte[] {9, Codec.NONE}, "unknown encoding version");
        assertMalformed(new byte[] {Codec.VERSION, 99}, "unknown value tag");
        assertMalformed(new byte[] {Codec.VERSION, Codec.BACKREF, 0, 0, 0, 0}, "bad back-reference");
        assertMalformed(new byte[] {Codec.VERSION, Codec.LIST, 0x7f, -1, -1, -1}, "impossible length");
        assertMalformed(new byte[] {Codec.VERSION, Codec.STR, -1, -1, -1, -1}, "impossible length");
        assertMalformed(new byte[] {Codec.VERSION, Codec.INT, 0, 0, 1}, "truncated");
        assertMalformed(new byte[] {Codec.VERSION, Codec.BIGINT, 0, 0, 0, 0}, "empty big integer");
        assertMalformed(new byte[] {Codec.VERSION, Codec.RANGE, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0}, "step 0");
        Codec.Out o = new Codec.Out();
        o.writeByte(Codec.VERSION);
        o.writeByte(Codec.FUNCTION);
        o.writeString(s.module.file());
        o.writeString("nowhere.skein:1:1");
        o.writeInt(0);
        assertMalformed(o.toArray(), "no function compiled at nowhere.skein:1:1");
    }

    private static void assertMalformed(byte[] frame, String messagePart) {
        Codec.MalformedFrame m = assertThrows(Codec.MalformedFrame.class, () -> {
            ValueDecoder d = decoder(frame);
            d.read();
            d.in().expectEnd();
        });
        assertTrue(m.getMessage().contains(messagePart), m.getMessage() + " should mention " + messagePart);
    }

    // ------------------------------------------------------------------ fuzzing

    /** A task using every portable value type, as the pool would send it. */
    private static byte[] richTask() {
        s.ok("""
                let fuzz_shared = [1, 'two']
                let fuzz_value = {
                    'ints': [0, -1, 2 ** 70, -(3 ** 50)], 'float': 2.5, 'str': 'héllo', 'bytes': b'\\x00\\x01\\xff',
                    'none': none, 'bools': [true, false], 'set': {1, 'a'}, 'range': range(1, 9, 2),
                    'rec': Point(1, fuzz_shared), 'opt': Opt(3), 'err': ValueError('bad'), 'kind': KeyError,
                    'fn': plus_base, 'lambda': make_adder(fuzz_shared), 'len': len, 'sqrt': math.sqrt,
                    'math': math, 'again': fuzz_shared, 'type': Point,
                }
                """);
        ValueEncoder enc = new ValueEncoder(s.interp, "codec test");
        enc.value(s.global("plus_base"), "the function");
        enc.value(s.global("fuzz_value"), "argument 1");
        enc.writeGlobals();
        return enc.bytes();
    }

    /** Decodes what {@link #richTask()} wrote, the way a worker reads a task. */
    private static Object readRich(byte[] bytes) {
        ValueDecoder d = decoder(bytes);
        d.read();
        Object v = d.read();
        d.readGlobalsInto(java.util.Set.of());
        d.in().expectEnd();
        return v;
    }

    @Test void damagedFramesFailCleanly() {
        // Built with ValueEncoder.value (not arguments()), so the frame does not depend on the
        // argument back-reference bug above.
        byte[] valid = richTask();
        assertEquals(Convert.repr(s.global("fuzz_value")), Convert.repr(readRich(valid)));   // the undamaged frame decodes
        Random rnd = new Random(20260411L);
        List<String> failures = new ArrayList<>();
        int[] outcomes = new int[3];   // decoded, malformed, skein error
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int i = 0; i < 2000; i++) {
                byte[] damaged = damage(valid, rnd);
                try {
                    readRich(damaged);
                    outcomes[0]++;
                } catch (Codec.MalformedFrame expected) {
                    outcomes[1]++;
                } catch (SkeinError alsoFine) {
                    outcomes[2]++;
                } catch (Throwable t) {
                    if (failures.size() < 10) failures.add("case " + i + ": " + t);
                }
            }
        });
        assertTrue(failures.isEmpty(), "frames that failed with something else than MalformedFrame or a Skein error:\n"
                + String.join("\n", failures));
        assertTrue(outcomes[1] > 1000, "most damaged frames are rejected: " + outcomes[1]);
    }

    /** One of: flip bits, overwrite a byte, plant a huge or negative length, truncate, insert, drop. */
    private static byte[] damage(byte[] valid, Random rnd) {
        byte[] b = valid.clone();
        int pos = 1 + rnd.nextInt(b.length - 1);
        switch (rnd.nextInt(6)) {
            case 0 -> {
                for (int k = 0, n = 1 + rnd.nextInt(3); k < n; k++) b[1 + rnd.nextInt(b.length - 1)] ^= (byte) (1 << rnd.nextInt(8));
            }
            case 1 -> b[pos] = (byte) rnd.nextInt(256);
            case 2 -> {
                int v = switch (rnd.nextInt(4)) { case 0 -> Integer.MAX_VALUE; case 1 -> -1; case 2 -> 1 << 24; default -> rnd.nextInt(); };
                for (int k = 0; k < 4 && pos + k < b.length; k++) b[pos + k] = (byte) (v >>> (24 - 8 * k));
            }
            case 3 -> b = java.util.Arrays.copyOf(b, rnd.nextInt(b.length));
            case 4 -> {
                byte[] c = new byte[b.length + 1];
                System.arraycopy(b, 0, c, 0, pos);
                c[pos] = (byte) rnd.nextInt(256);
                System.arraycopy(b, pos, c, pos + 1, b.length - pos);
                b = c;
            }
            default -> {
                byte[] c = new byte[b.length - 1];
                System.arraycopy(b, 0, c, 0, pos);
                System.arraycopy(b, pos + 1, c, pos, b.length - pos - 1);
                b = c;
            }
        }
        return b;
    }

    @Test void damagedWireStreamsFailWithIOExceptionOnly() throws Exception {
        java.io.ByteArrayOutputStream bos = new java.io.ByteArrayOutputStream();
        java.io.DataOutputStream dos = new java.io.DataOutputStream(bos);
        byte[] payload = richTask();
        Wire.write(dos, Wire.TASK, payload);
        Wire.write(dos, Wire.SHUTDOWN, new byte[0]);
        byte[] stream = bos.toByteArray();
        Random rnd = new Random(7);
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            for (int i = 0; i < 500; i++) {
                byte[] damaged = damage(stream, rnd);
                DataInputStream in = new DataInputStream(new ByteArrayInputStream(damaged));
                try {
                    while (Wire.read(in) != null) { /* read every frame */ }
                } catch (IOException expected) {
                    // a bad length or a truncated frame
                }
            }
        });
        DataInputStream huge = new DataInputStream(new ByteArrayInputStream(new byte[] {0x7f, -1, -1, -1, 2}));
        IOException e = assertThrows(IOException.class, () -> Wire.read(huge));
        assertTrue(e.getMessage().contains("malformed frame"), e.getMessage());
        assertEquals(null, Wire.read(new DataInputStream(new ByteArrayInputStream(new byte[0]))));
        assertInstanceOf(Bytes.class, viaValue(eval("b'ok'")));
        assertInstanceOf(SkeinSet.class, viaValue(eval("{1}")));
    }

    @Test void plainValuesTakeTheShortPathBothWays() {
        Object[] plain = {null, true, false, 5L, -1L << 60, 2.5, -0.0, "s ✓"};
        for (Object v : plain) {
            Codec.Out o = new Codec.Out();
            o.writeInt(77);   // something before, like a frame header
            assertTrue(ValueEncoder.writePlain(o, v));
            byte[] b = o.toArray();
            assertEquals(v, new ValueDecoder(b, 4, s.interp, CodecTest::module).read());
            Object quick = ValueDecoder.readPlain(b, 4, b.length);
            if (v instanceof String) assertSame(ValueDecoder.NOT_PLAIN, quick);
            else assertEquals(v, quick);
            ValueEncoder full = new ValueEncoder(s.interp, "codec test");
            full.value(v, "x");
            assertArrayEquals(full.bytes(), java.util.Arrays.copyOfRange(b, 4, b.length), "the same bytes as the full encoder");
        }
        assertFalse(ValueEncoder.writePlain(new Codec.Out(), eval("[1]")));
        assertSame(ValueDecoder.NOT_PLAIN, ValueDecoder.readPlain(new byte[] {Codec.VERSION, Codec.INT, 0}, 0, 3));
        assertSame(ValueDecoder.NOT_PLAIN, ValueDecoder.readPlain(new byte[] {9, Codec.NONE}, 0, 2));
    }

    @Test void bigBytesAreReferredToNotCopiedAndTheBufferStaysConsistent() throws Exception {
        byte[] big = new byte[Codec.Out.SHARE_AT_LEAST + 5];
        for (int i = 0; i < big.length; i++) big[i] = (byte) (i * 31);
        Codec.Out o = new Codec.Out();
        o.writeInt(7);
        o.writeShared(big);
        o.writeByte(9);
        o.writeShared(big);
        assertEquals(4 + (4 + big.length) + 1 + (4 + big.length), o.size());
        byte[] flat = o.toArray();
        java.io.ByteArrayOutputStream written = new java.io.ByteArrayOutputStream();
        o.writeTo(written);
        assertArrayEquals(flat, written.toByteArray());
        Codec.In in = new Codec.In(flat);
        assertEquals(7, in.readInt());
        assertArrayEquals(big, in.readBytes());
        assertEquals(9, in.readByte());
        assertArrayEquals(big, in.readBytes());
        in.expectEnd();
        // appended elsewhere, it stays the same content
        Codec.Out other = new Codec.Out();
        other.writeByte(1);
        other.append(o);
        assertArrayEquals(flat, java.util.Arrays.copyOfRange(other.toArray(), 1, other.size()));
        // cut back to before the second array, then to before the first
        o.truncate(4 + 4 + big.length + 1);
        assertArrayEquals(java.util.Arrays.copyOf(flat, o.size()), o.toArray());
        o.truncate(4);
        assertArrayEquals(java.util.Arrays.copyOf(flat, 4), o.toArray());
        o.patchInt(0, 8);
        assertEquals(8, new Codec.In(o.toArray()).readInt());
        // a bytes value round-trips through the encoder that shares it
        Object v = eval("bytes(range(256)) * 1000");
        assertEquals(v, viaValue(v));
    }
}
