package dev.skein.stdlib;

import org.junit.jupiter.api.Test;

/** len, range, iter, next, reversed, enumerate, zip, filter. Expected values were computed with Python 3.11 (see the comment on each line). */
class IterationBuiltinsTest extends StdlibTestSupport {

    @Test
    void lengthAndRange() {
        check("3", b("len", "abc"));   // len('abc')
        check("2", b("len", list(1, 2)));   // len([1, 2])
        check("1", b("len", dict("a", 1)));   // len({'a': 1})
        check("4", b("len", b("range", 0, 10, 3)));   // len(range(0, 10, 3))
        fails("TypeError", "object of type 'int' has no len()", () -> b("len", 1));   // len(1)
        check("[0, 1, 2, 3, 4]", b("list", b("range", 5)));   // list(range(5))
        check("[2, 3, 4]", b("list", b("range", 2, 5)));   // list(range(2, 5))
        check("[10, 7, 4, 1]", b("list", b("range", 10, 0, -3)));   // list(range(10, 0, -3))
        check("[0]", b("list", b("range", true)));   // list(range(True))
        fails("TypeError", "range expected at least 1 argument, got 0", () -> b("range"));   // range()
        fails("TypeError", "range expected at most 3 arguments, got 4", () -> b("range", 1, 2, 3, 4));   // range(1, 2, 3, 4)
        fails("TypeError", "'float' object cannot be interpreted as an integer", () -> b("range", 1.0));   // range(1.0)
        fails("TypeError", "'str' object cannot be interpreted as an integer", () -> b("range", "a"));   // range('a')
        fails("ValueError", "range() arg 3 must not be zero", () -> b("range", 1, 2, 0));   // range(1, 2, 0)
    }

    @Test
    void iterAndNext() {
        check("1", b("next", b("iter", list(1, 2))));   // next(iter([1, 2]))
        check("'dflt'", b("next", b("iter", list()), "dflt"));   // next(iter([]), 'dflt')
        fails("StopIteration", "", () -> b("next", b("iter", list())));   // next(iter([]))
        fails("TypeError", "'list' object is not an iterator", () -> b("next", list(1)));   // next([1])
        fails("TypeError", "'int' object is not iterable", () -> b("iter", 1));   // iter(1)
    }

    @Test
    void reversedSequences() {
        check("[3, 2, 1]", b("list", b("reversed", list(1, 2, 3))));   // list(reversed([1, 2, 3]))
        check("['😀', 'b', 'a']", b("list", b("reversed", "ab😀")));   // list(reversed('ab😀'))
        check("[7, 4, 1]", b("list", b("reversed", b("range", 1, 10, 3))));   // list(reversed(range(1, 10, 3)))
        check("['b', 'a']", b("list", b("reversed", dict("a", 1, "b", 2))));   // list(reversed({'a': 1, 'b': 2}))
        check("[98, 97]", b("list", b("reversed", bytes("ab"))));   // list(reversed(b'ab'))
        fails("TypeError", "'set' object is not reversible", () -> b("reversed", set(1)));   // reversed({1})
        // Python: reversed(iter([1])) -> TypeError: 'list_iterator' object is not reversible (Skein differs on purpose)
        fails("TypeError", "'iterator' object is not reversible", () -> b("reversed", b("iter", list(1))));   // reversed(iter([1]))
    }

    @Test
    void lazyIterators() {
        check("[[0, 'a'], [1, 'b']]", b("list", b("enumerate", "ab")));   // list(enumerate('ab'))
        check("[[5, 'x'], [6, 'y']]", b("list", b("enumerate", list("x", "y"), 5)));   // list(enumerate(['x', 'y'], 5))
        check("[[9223372036854775807, 'a']]", b("list", b("enumerate", "a", kw("start", Long.MAX_VALUE))));   // list(enumerate('a', start=2**63 - 1))
        check("[[9223372036854775807, 'a'], [9223372036854775808, 'b']]", b("list", b("enumerate", "ab", kw("start", Long.MAX_VALUE))));   // list(enumerate('ab', start=2**63 - 1))
        fails("TypeError", "'int' object is not iterable", () -> b("enumerate", 1));   // enumerate(1)
        fails("TypeError", "'float' object cannot be interpreted as an integer", () -> b("enumerate", list(), 1.5));   // enumerate([], 1.5)
        check("[[1, 'a'], [2, 'b']]", b("list", b("zip", list(1, 2, 3), "ab")));   // list(zip([1, 2, 3], 'ab'))
        check("[]", b("list", b("zip")));   // list(zip())
        check("[[1, 2, 3]]", b("list", b("zip", list(1), list(2), list(3))));   // list(zip([1], [2], [3]))
        fails("ValueError", "zip() argument 2 is shorter than argument 1", () -> b("list", b("zip", list(1, 2), list(1), kw("strict", true))));   // list(zip([1, 2], [1], strict=True))
        fails("ValueError", "zip() argument 2 is longer than argument 1", () -> b("list", b("zip", list(1), list(1, 2), kw("strict", true))));   // list(zip([1], [1, 2], strict=True))
        fails("ValueError", "zip() argument 3 is longer than arguments 1-2", () -> b("list", b("zip", list(1), list(1), list(1, 2), kw("strict", true))));   // list(zip([1], [1], [1, 2], strict=True))
        check("[[1, 2]]", b("list", b("zip", list(1), list(2), kw("strict", true))));   // list(zip([1], [2], strict=True))
        fails("TypeError", "'int' object is not iterable", () -> b("zip", 1));   // zip(1)
        check("[1, 'a']", b("list", b("filter", null, list(0, 1, "", "a", null))));   // list(filter(None, [0, 1, '', 'a', None]))
        check("[2, 3]", b("list", b("filter", fn(x -> (Long) x > 1), list(1, 2, 3))));   // list(filter(lambda x: x > 1, [1, 2, 3]))
        fails("TypeError", "'int' object is not iterable", () -> b("filter", null, 1));   // filter(None, 1)
    }

    @Test
    void lazyIteratorsDoNotRunAhead() {
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        Object it = b("filter", fn(x -> { calls.incrementAndGet(); return true; }), list(1, 2, 3));
        org.junit.jupiter.api.Assertions.assertEquals(0, calls.get());
        check("1", b("next", it));
        org.junit.jupiter.api.Assertions.assertEquals(1, calls.get());
        check("'iterator'", b("type", b("zip", list(1))));
    }
}
