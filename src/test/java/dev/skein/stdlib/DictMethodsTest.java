package dev.skein.stdlib;

import org.junit.jupiter.api.Test;

/** The methods of dict (keys/values/items return lists). Expected values were computed with Python 3.11 (see the comment on each line). */
class DictMethodsTest extends StdlibTestSupport {

    @Test
    void lookups() {
        check("1", m(dict("a", 1), "get", "a"));   // {'a': 1}.get('a')
        check("none", m(dict("a", 1), "get", "b"));   // {'a': 1}.get('b')
        check("0", m(dict("a", 1), "get", "b", 0));   // {'a': 1}.get('b', 0)
        fails("TypeError", "unhashable type: 'list'", () -> m(dict("a", 1), "get", list(1)));   // {'a': 1}.get([1])
        // Python: {'a': 1, 'b': 2}.keys() -> dict_keys(['a', 'b']) (Skein differs on purpose)
        check("['a', 'b']", m(dict("a", 1, "b", 2), "keys"));   // {'a': 1, 'b': 2}.keys()
        // Python: {'a': 1, 'b': 2}.values() -> dict_values([1, 2]) (Skein differs on purpose)
        check("[1, 2]", m(dict("a", 1, "b", 2), "values"));   // {'a': 1, 'b': 2}.values()
        // Python: {'a': 1, 'b': 2}.items() -> dict_items([('a', 1), ('b', 2)]) (Skein differs on purpose)
        check("[['a', 1], ['b', 2]]", m(dict("a", 1, "b", 2), "items"));   // {'a': 1, 'b': 2}.items()
        check("{'a': [1]}", m(dict("a", list(1)), "copy"));   // {'a': [1]}.copy()
    }

    @Test
    void mutation() {
        check("[1, {'b': 2}]", both(dict("a", 1, "b", 2), d -> m(d, "pop", "a")));   // both({'a': 1, 'b': 2}, lambda d: d.pop('a'))
        check("[none, {'a': 1}]", both(dict("a", 1), d -> m(d, "pop", "x", null)));   // both({'a': 1}, lambda d: d.pop('x', None))
        fails("KeyError", "'a'", () -> m(dict(), "pop", "a"));   // {}.pop('a')
        fails("KeyError", "1", () -> m(dict(), "pop", 1));   // {}.pop(1)
        check("[['b', 2], {'a': 1}]", both(dict("a", 1, "b", 2), d -> m(d, "popitem")));   // both({'a': 1, 'b': 2}, lambda d: d.popitem())
        // Python: {}.popitem() -> KeyError: 'popitem(): dictionary is empty' (Skein differs on purpose)
        fails("KeyError", "popitem(): dictionary is empty", () -> m(dict(), "popitem"));   // {}.popitem()
        check("[1, {'a': 1}]", both(dict("a", 1), d -> m(d, "setdefault", "a", 5)));   // both({'a': 1}, lambda d: d.setdefault('a', 5))
        check("[none, {'a': 1, 'b': none}]", both(dict("a", 1), d -> m(d, "setdefault", "b")));   // both({'a': 1}, lambda d: d.setdefault('b'))
        check("[none, {'a': 2, 'b': 3}]", both(dict("a", 1), d -> m(d, "update", dict("a", 2, "b", 3))));   // both({'a': 1}, lambda d: d.update({'a': 2, 'b': 3}))
        check("[none, {'a': 1, 'c': 3, 'd': 4}]", both(dict("a", 1), d -> m(d, "update", list(list("c", 3)), kw("d", 4))));   // both({'a': 1}, lambda d: d.update([('c', 3)], d=4))
        check("[none, {'a': 1}]", both(dict("a", 1), d -> m(d, "update")));   // both({'a': 1}, lambda d: d.update())
        fails("TypeError", "'int' object is not iterable", () -> m(dict(), "update", 1));   // {}.update(1)
        fails("ValueError", "dictionary update sequence element #0 has length 3; 2 is required", () -> m(dict(), "update", list(list(1, 2, 3))));   // {}.update([(1, 2, 3)])
        check("[none, {}]", both(dict("a", 1), d -> m(d, "clear")));   // both({'a': 1}, lambda d: d.clear())
        fails("TypeError", "unhashable type: 'list'", () -> m(dict(), "setdefault", list(1)));   // {}.setdefault([1])
    }
}
