package dev.skein.stdlib;

import org.junit.jupiter.api.Test;

/** sorted, sum, min, max, any, all. Expected values were computed with Python 3.11 (see the comment on each line). */
class AggregateBuiltinsTest extends StdlibTestSupport {

    @Test
    void sorting() {
        check("[1, 2, 3]", b("sorted", list(3, 1, 2)));   // sorted([3, 1, 2])
        check("['a', 'b', 'c']", b("sorted", "bca"));   // sorted('bca')
        check("[3, 2, 1]", b("sorted", list(3, 1, 2), kw("reverse", true)));   // sorted([3, 1, 2], reverse=True)
        check("['a', 'bb', 'dd', 'ccc']", b("sorted", list("bb", "a", "ccc", "dd"), kw("key", fn(x -> (long) ((String) x).length()))));   // sorted(['bb', 'a', 'ccc', 'dd'], key=len)
        check("['ccc', 'bb', 'dd', 'a']", b("sorted", list("bb", "a", "ccc", "dd"), kw("key", fn(x -> (long) ((String) x).length()), "reverse", true)));   // sorted(['bb', 'a', 'ccc', 'dd'], key=len, reverse=True)
        check("[-1, 1, true, 2.5]", b("sorted", list(1, 2.5, true, -1)));   // sorted([1, 2.5, True, -1])
        check("[[1, 'a'], [1, 'b'], [2, 'a']]", b("sorted", list(list(2, "a"), list(1, "b"), list(1, "a"))));   // sorted([[2, 'a'], [1, 'b'], [1, 'a']])
        check("['a', 'b']", b("sorted", dict("b", 1, "a", 2)));   // sorted({'b': 1, 'a': 2})
        check("[1, 3]", b("sorted", list(3, 1), kw("key", null)));   // sorted([3, 1], key=None)
        check("[[1, 'x'], [2, 'y'], [3, 'z']]", b("list", b("zip", b("sorted", b("range", 100, 0, -1)), "xyz")));   // list(zip(sorted(range(100, 0, -1)), 'xyz'))
        fails("TypeError", "'<' not supported between instances of 'str' and 'int'", () -> b("sorted", list(1, "a")));   // sorted([1, 'a'])
        // Python: sorted([3, 1], [1]) -> TypeError: sorted expected 1 argument, got 2 (Skein differs on purpose)
        fails("TypeError", "sorted() takes 1 positional argument but 2 were given", () -> b("sorted", list(3, 1), list(1)));   // sorted([3, 1], [1])
    }

    @Test
    void sums() {
        check("6", b("sum", list(1, 2, 3)));   // sum([1, 2, 3])
        check("0.9999999999999999", b("sum", list(0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1)));   // sum([0.1] * 10)
        check("9223372036854775808", b("sum", list(1L << 62, 1L << 62)));   // sum([2**62, 2**62])
        check("5060", b("sum", b("range", 101), 10));   // sum(range(101), 10)
        check("[1, 2]", b("sum", list(list(1), list(2)), list()));   // sum([[1], [2]], [])
        check("3.5", b("sum", list(1, 2), kw("start", 0.5)));   // sum([1, 2], start=0.5)
        fails("TypeError", "sum() can't sum strings [use ''.join(seq) instead]", () -> b("sum", list("a"), "b"));   // sum(['a'], 'b')
        fails("TypeError", "sum() can't sum bytes [use b''.join(seq) instead]", () -> b("sum", list(bytes("a")), bytes("")));   // sum([b'a'], b'')
        fails("TypeError", "unsupported operand type(s) for +: 'int' and 'str'", () -> b("sum", list(1, "a")));   // sum([1, 'a'])
    }

    @Test
    void minMax() {
        check("1", b("min", list(3, 1, 2)));   // min([3, 1, 2])
        check("3", b("max", 3, 1, 2));   // max(3, 1, 2)
        check("'c'", b("max", "abc"));   // max('abc')
        check("3", b("min", list(3, 1, 2), kw("key", fn(x -> -(Long) x))));   // min([3, 1, 2], key=lambda x: -x)
        check("1", b("max", list(1, 1.0)));   // max([1, 1.0])
        check("1.0", b("min", 1.0, 1));   // min(1.0, 1)
        check("'bb'", b("max", list("a", "bb", "cc"), kw("key", fn(x -> (long) ((String) x).length()))));   // max(['a', 'bb', 'cc'], key=len)
        check("[1]", b("min", list(list(1, 2), list(1))));   // min([[1, 2], [1]])
        check("5", b("max", list(), kw("default", 5)));   // max([], default=5)
        fails("TypeError", "min expected at least 1 argument, got 0", () -> b("min"));   // min()
        fails("ValueError", "min() arg is an empty sequence", () -> b("min", list()));   // min([])
        fails("TypeError", "Cannot specify a default for max() with multiple positional arguments", () -> b("max", 1, 2, kw("default", 3)));   // max(1, 2, default=3)
        fails("TypeError", "'int' object is not iterable", () -> b("min", 1));   // min(1)
        fails("TypeError", "'>' not supported between instances of 'str' and 'int'", () -> b("max", list(1, "a")));   // max([1, 'a'])
        fails("TypeError", "'<' not supported between instances of 'str' and 'int'", () -> b("min", list(1, "a")));   // min([1, 'a'])
    }

    @Test
    void anyAll() {
        check("true", b("any", list(0, "", 2)));   // any([0, '', 2])
        check("false", b("any", list()));   // any([])
        check("true", b("all", list(1, "a")));   // all([1, 'a'])
        check("false", b("all", list(1, 0)));   // all([1, 0])
        check("true", b("all", list()));   // all([])
        check("false", b("any", b("range", 0)));   // any(range(0))
        fails("TypeError", "'int' object is not iterable", () -> b("all", 1));   // all(1)
    }

    @Test
    void sortIsStableAndCallsTheKeyOncePerItem() {
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        SkeinListBuilder items = new SkeinListBuilder();
        for (int i = 0; i < 500; i++) items.add(list(i % 7, i));
        Object sorted = b("sorted", items.build(), kw("key", fn(x -> { calls.incrementAndGet(); return ((dev.skein.runtime.SkeinList) x).get(0); })));
        org.junit.jupiter.api.Assertions.assertEquals(500, calls.get());
        Object[] out = ((dev.skein.runtime.SkeinList) sorted).snapshot();
        for (int i = 1; i < out.length; i++) {
            Object[] prev = ((dev.skein.runtime.SkeinList) out[i - 1]).snapshot(), cur = ((dev.skein.runtime.SkeinList) out[i]).snapshot();
            long pk = (Long) prev[0], ck = (Long) cur[0];
            org.junit.jupiter.api.Assertions.assertTrue(pk < ck || (pk == ck && (Long) prev[1] < (Long) cur[1]), "unstable at " + i);
        }
    }

    @Test
    void nanDoesNotBreakSorting() {
        Object sorted = b("sorted", list(3.0, Double.NaN, 1.0, 2.0, Double.NaN, 0.5));
        org.junit.jupiter.api.Assertions.assertEquals(6, ((dev.skein.runtime.SkeinList) sorted).size());
    }

    @Test
    void aCancelledThreadStopsInALongLoop() {
        ts.interrupt(dev.skein.runtime.ErrorKind.CANCELLED, "stop");
        fails("CancelledError", "stop", () -> b("sum", b("range", 1_000_000)));
    }

    /** Collects Skein values into a list without the varargs helper. */
    private static final class SkeinListBuilder {
        private final java.util.List<Object> items = new java.util.ArrayList<>();
        void add(Object o) { items.add(o); }
        dev.skein.runtime.SkeinList build() { return dev.skein.runtime.SkeinList.copyOf(items); }
    }
}
