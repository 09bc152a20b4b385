package dev.skein.stdlib;

import org.junit.jupiter.api.Test;

/** The methods of list. Expected values were computed with Python 3.11 (see the comment on each line). */
class ListMethodsTest extends StdlibTestSupport {

    @Test
    void mutation() {
        check("[none, [1, 2, 3]]", both(list(1, 2), x -> m(x, "append", 3)));   // both([1, 2], lambda x: x.append(3))
        check("[none, [1, 2, 'a', 'b']]", both(list(1, 2), x -> m(x, "extend", "ab")));   // both([1, 2], lambda x: x.extend('ab'))
        check("[none, [1, 2, 1, 2]]", both(list(1, 2), x -> m(x, "extend", x)));   // both([1, 2], lambda x: x.extend(x))
        check("[[none, none], [0, 1, 9]]", both(list(1), x -> list(m(x, "insert", -10, 0), m(x, "insert", 10, 9))));   // both([1], lambda x: (x.insert(-10, 0), x.insert(10, 9)))
        check("[3, [1, 2]]", both(list(1, 2, 3), x -> m(x, "pop")));   // both([1, 2, 3], lambda x: x.pop())
        check("[2, [1, 3]]", both(list(1, 2, 3), x -> m(x, "pop", -2)));   // both([1, 2, 3], lambda x: x.pop(-2))
        check("[1, [2, 3]]", both(list(1, 2, 3), x -> m(x, "pop", 0)));   // both([1, 2, 3], lambda x: x.pop(0))
        fails("IndexError", "pop from empty list", () -> m(list(), "pop"));   // [].pop()
        fails("IndexError", "pop index out of range", () -> m(list(1), "pop", 5));   // [1].pop(5)
        check("[none, [1, 3, [2]]]", both(list(1, list(2), 3, list(2)), x -> m(x, "remove", list(2))));   // both([1, [2], 3, [2]], lambda x: x.remove([2]))
        check("[none, [1]]", both(list(1, 2), x -> m(x, "remove", 2.0)));   // both([1, 2], lambda x: x.remove(2.0))
        fails("ValueError", "list.remove(x): x not in list", () -> m(list(1), "remove", 2));   // [1].remove(2)
        check("[none, [2, 1, 3]]", both(list(3, 1, 2), x -> m(x, "reverse")));   // both([3, 1, 2], lambda x: x.reverse())
        check("[none, []]", both(list(1, 2), x -> m(x, "clear")));   // both([1, 2], lambda x: x.clear())
        fails("TypeError", "'float' object cannot be interpreted as an integer", () -> m(list(1), "insert", 1.0, 2));   // [1].insert(1.0, 2)
    }

    @Test
    void searchAndCopy() {
        check("1", m(list(1, 2, 3, 2), "index", 2));   // [1, 2, 3, 2].index(2)
        check("3", m(list(1, 2, 3, 2), "index", 2, 2));   // [1, 2, 3, 2].index(2, 2)
        check("3", m(list(1, 2, 3, 2), "index", 2, -2));   // [1, 2, 3, 2].index(2, -2)
        fails("ValueError", "1 is not in list", () -> m(list(1), "index", 1, 0, 0));   // [1].index(1, 0, 0)
        fails("ValueError", "'b' is not in list", () -> m(list("a"), "index", "b"));   // ['a'].index('b')
        check("4", m(list(1, 2, 1, 1.0, true), "count", 1));   // [1, 2, 1, 1.0, True].count(1)
        check("2", m(list(list(1), list(1)), "count", list(1)));   // [[1], [1]].count([1])
        check("[1, [2]]", m(list(1, list(2)), "copy"));   // [1, [2]].copy()
    }

    @Test
    void sort() {
        check("[none, [1, 2, 3]]", both(list(3, 1, 2), x -> m(x, "sort")));   // both([3, 1, 2], lambda x: x.sort())
        check("[none, [3, 2, 1]]", both(list(3, 1, 2), x -> m(x, "sort", kw("reverse", true))));   // both([3, 1, 2], lambda x: x.sort(reverse=True))
        check("[none, ['a', 'bb', 'cc']]", both(list("bb", "a", "cc"), x -> m(x, "sort", kw("key", fn(s -> (long) ((String) s).length())))));   // both(['bb', 'a', 'cc'], lambda x: x.sort(key=len))
        check("[none, ['bb', 'cc', 'a']]", both(list("bb", "a", "cc"), x -> m(x, "sort", kw("key", fn(s -> (long) ((String) s).length()), "reverse", true))));   // both(['bb', 'a', 'cc'], lambda x: x.sort(key=len, reverse=True))
        fails("TypeError", "'<' not supported between instances of 'str' and 'int'", () -> m(list(2, "a"), "sort"));   // [2, 'a'].sort()
        // Python: [2, 1].sort(len) -> TypeError: sort() takes no positional arguments (Skein differs on purpose)
        fails("TypeError", "list.sort() takes 1 positional argument but 2 were given", () -> m(list(2, 1), "sort", 1));   // [2, 1].sort(len)
    }

    @Test
    void copyIsIndependent() {
        dev.skein.runtime.SkeinList original = list(1, 2);
        Object copy = m(original, "copy");
        m(copy, "append", 3);
        check("[1, 2]", original);
    }

    @Test
    void keyFunctionsRunOutsideTheListLock() {
        // a key that touches the list being sorted would spin forever if the lock were held
        dev.skein.runtime.SkeinList l = list(3, 1, 2);
        m(l, "sort", kw("key", fn(x -> { ((dev.skein.runtime.SkeinList) l).size(); return x; })));
        check("[1, 2, 3]", l);
        check("1", m(l, "remove", 1) == null ? 1 : 0);
        check("[2, 3]", l);
    }
}
