package dev.skein.stdlib;

import org.junit.jupiter.api.Test;

/** The methods of str. Expected values were computed with Python 3.11 (see the comment on each line). */
class StrMethodsTest extends StdlibTestSupport {

    @Test
    void splitAndJoin() {
        check("['a', 'b', 'c']", m("  a b  c  ", "split"));   // '  a b  c  '.split()
        check("['a', 'b  c  ']", m("  a b  c  ", "split", null, 1));   // '  a b  c  '.split(None, 1)
        check("['a', 'b  c  ']", m("  a b  c  ", "split", kw("maxsplit", 1)));   // '  a b  c  '.split(maxsplit=1)
        check("['  a b', 'c']", m("  a b  c  ", "rsplit", null, 1));   // '  a b  c  '.rsplit(None, 1)
        check("['a', 'b', '', 'c']", m("a,b,,c", "split", ","));   // 'a,b,,c'.split(',')
        check("['a', 'b', ',c']", m("a,b,,c", "split", ",", 2));   // 'a,b,,c'.split(',', 2)
        check("['a,b', '', 'c']", m("a,b,,c", "rsplit", ",", 2));   // 'a,b,,c'.rsplit(',', 2)
        check("['a', 'b', '', 'c']", m("a,b,,c", "rsplit", ","));   // 'a,b,,c'.rsplit(',')
        check("[]", m("", "split"));   // ''.split()
        check("['']", m("", "split", ","));   // ''.split(',')
        check("['a', 'b', 'c']", m("a\u001cb\u00a0c", "split"));   // 'a\x1cb\xa0c'.split()
        check("['a', 'b', '']", m("a::b::", "split", "::"));   // 'a::b::'.split('::')
        check("['a::b', '']", m("a::b::", "rsplit", "::", 1));   // 'a::b::'.rsplit('::', 1)
        fails("ValueError", "empty separator", () -> m("x", "split", ""));   // 'x'.split('')
        // Python: 'x'.split(1) -> TypeError: must be str or None, not int (Skein differs on purpose)
        fails("TypeError", "must be str or none, not int", () -> m("x", "split", 1));   // 'x'.split(1)
        check("['a', 'b', 'c', '', 'd', 'e']", m("a\r\nb\rc\n\nd\u000be", "splitlines"));   // 'a\r\nb\rc\n\nd\x0be'.splitlines()
        check("['a\\r\\n', 'b\\n']", m("a\r\nb\n", "splitlines", true));   // 'a\r\nb\n'.splitlines(True)
        check("[]", m("", "splitlines"));   // ''.splitlines()
        check("'a-b-c'", m("-", "join", list("a", "b", "c")));   // '-'.join(['a', 'b', 'c'])
        check("'x-y-z'", m("-", "join", "xyz"));   // '-'.join('xyz')
        fails("TypeError", "sequence item 1: expected str instance, int found", () -> m("-", "join", list("a", 1)));   // '-'.join(['a', 1])
        check("''", m("", "join", list()));   // ''.join([])
        check("['a', '=', 'b=c']", m("a=b=c", "partition", "="));   // 'a=b=c'.partition('=')
        check("['a=b', '=', 'c']", m("a=b=c", "rpartition", "="));   // 'a=b=c'.rpartition('=')
        check("['abc', '', '']", m("abc", "partition", "="));   // 'abc'.partition('=')
        check("['', '', 'abc']", m("abc", "rpartition", "="));   // 'abc'.rpartition('=')
        fails("ValueError", "empty separator", () -> m("abc", "partition", ""));   // 'abc'.partition('')
    }

    @Test
    void stripAndPad() {
        check("'hi'", m("  hi\t\n", "strip"));   // '  hi\t\n'.strip()
        check("'hi'", m("xxhixx", "strip", "x"));   // 'xxhixx'.strip('x')
        check("'hi  '", m("  hi  ", "lstrip"));   // '  hi  '.lstrip()
        check("'  hi'", m("  hi  ", "rstrip"));   // '  hi  '.rstrip()
        check("'hi'", m("  hi  ", "strip", (Object) null));   // '  hi  '.strip(None)
        check("'c'", m("abcba", "strip", "ab"));   // 'abcba'.strip('ab')
        // Python: 'a'.strip(1) -> TypeError: strip arg must be None or str (Skein differs on purpose)
        fails("TypeError", "strip arg must be none or str", () -> m("a", "strip", 1));   // 'a'.strip(1)
        check("'00042'", m("42", "zfill", 5));   // '42'.zfill(5)
        check("'-0042'", m("-42", "zfill", 5));   // '-42'.zfill(5)
        check("'+00x'", m("+x", "zfill", 4));   // '+x'.zfill(4)
        check("'abc'", m("abc", "zfill", 2));   // 'abc'.zfill(2)
        check("'abc***'", m("abc", "ljust", 6, "*"));   // 'abc'.ljust(6, '*')
        check("'   abc'", m("abc", "rjust", 6));   // 'abc'.rjust(6)
        check("'*abc**'", m("abc", "center", 6, "*"));   // 'abc'.center(6, '*')
        check("'**abc***'", m("abc", "center", 8, "*"));   // 'abc'.center(8, '*')
        check("'**ab*'", m("ab", "center", 5, "*"));   // 'ab'.center(5, '*')
        check("'abc'", m("abc", "center", 2));   // 'abc'.center(2)
        fails("TypeError", "The fill character must be exactly one character long", () -> m("a", "ljust", 3, "xy"));   // 'a'.ljust(3, 'xy')
        fails("TypeError", "'float' object cannot be interpreted as an integer", () -> m("a", "ljust", 2.0));   // 'a'.ljust(2.0)
        check("'body'", m("prefix-body", "removeprefix", "prefix-"));   // 'prefix-body'.removeprefix('prefix-')
        check("'body'", m("body", "removeprefix", "x"));   // 'body'.removeprefix('x')
        check("'body'", m("body.txt", "removesuffix", ".txt"));   // 'body.txt'.removesuffix('.txt')
        check("'body'", m("body", "removesuffix", ""));   // 'body'.removesuffix('')
        check("'a   bc  d\\ne   f'", m("a\tbc\td\ne\tf", "expandtabs", 4));   // 'a\tbc\td\ne\tf'.expandtabs(4)
        check("'a       b'", m("a\tb", "expandtabs"));   // 'a\tb'.expandtabs()
        check("'ab'", m("a\tb", "expandtabs", 0));   // 'a\tb'.expandtabs(0)
    }

    @Test
    void caseMapping() {
        check("'HELLO SS'", m("Hello ß", "upper"));   // 'Hello ß'.upper()
        check("'hello i̇'", m("HeLLo İ", "lower"));   // 'HeLLo İ'.lower()
        check("'σας'", m("ΣΑΣ", "lower"));   // 'ΣΑΣ'.lower()
        check("'sstrasse'", m("ßtraße", "casefold"));   // 'ßtraße'.casefold()
        check("\"They'Re Bill'S Friends From The Uk\"", m("they're bill's friends from the UK", "title"));   // "they're bill's friends from the UK".title()
        check("'Hello world'", m("hELLO wORLD", "capitalize"));   // 'hELLO wORLD'.capitalize()
        check("''", m("", "capitalize"));   // ''.capitalize()
        check("'Ssa ǅb'", m("ßa ǆb", "title"));   // 'ßa ǆb'.title()
        check("'Ssa'", m("ßA", "capitalize"));   // 'ßA'.capitalize()
        check("'hELLO wORLD'", m("Hello World", "swapcase"));   // 'Hello World'.swapcase()
    }

    @Test
    void searching() {
        check("true", m("abcdef", "startswith", "abc"));   // 'abcdef'.startswith('abc')
        check("true", m("abcdef", "startswith", list("x", "cd"), 2));   // 'abcdef'.startswith(('x', 'cd'), 2)
        check("false", m("abcdef", "startswith", "", 7));   // 'abcdef'.startswith('', 7)
        check("true", m("abcdef", "endswith", "ef"));   // 'abcdef'.endswith('ef')
        check("true", m("abcdef", "endswith", "cd", 0, 4));   // 'abcdef'.endswith('cd', 0, 4)
        check("false", m("abcdef", "endswith", list("x", "y")));   // 'abcdef'.endswith(('x', 'y'))
        // Python: 'abc'.startswith(1) -> TypeError: startswith first arg must be str or a tuple of str, not int (Skein differs on purpose)
        fails("TypeError", "startswith first arg must be str or a list of str, not int", () -> m("abc", "startswith", 1));   // 'abc'.startswith(1)
        check("2", m("abcabc", "find", "c"));   // 'abcabc'.find('c')
        check("5", m("abcabc", "find", "c", 3));   // 'abcabc'.find('c', 3)
        check("5", m("abcabc", "find", "c", -2));   // 'abcabc'.find('c', -2)
        check("-1", m("abcabc", "find", "c", 0, 2));   // 'abcabc'.find('c', 0, 2)
        check("-1", m("abcabc", "find", "x"));   // 'abcabc'.find('x')
        check("3", m("abc", "find", "", 3));   // 'abc'.find('', 3)
        check("-1", m("abc", "find", "", 4));   // 'abc'.find('', 4)
        fails("TypeError", "must be str, not int", () -> m("abc", "find", 1));   // 'abc'.find(1)
        check("4", m("abcabc", "rfind", "b"));   // 'abcabc'.rfind('b')
        check("1", m("abcabc", "rfind", "b", 0, 4));   // 'abcabc'.rfind('b', 0, 4)
        check("6", m("abcabc", "rfind", ""));   // 'abcabc'.rfind('')
        check("1", m("abcabc", "index", "b"));   // 'abcabc'.index('b')
        fails("ValueError", "substring not found", () -> m("abcabc", "index", "x"));   // 'abcabc'.index('x')
        check("5", m("abcabc", "rindex", "c"));   // 'abcabc'.rindex('c')
        fails("ValueError", "substring not found", () -> m("abc", "rindex", "x"));   // 'abc'.rindex('x')
        check("2", m("aaaa", "count", "aa"));   // 'aaaa'.count('aa')
        check("4", m("abc", "count", ""));   // 'abc'.count('')
        check("1", m("abcabc", "count", "b", 2));   // 'abcabc'.count('b', 2)
        check("0", m("abc", "count", "", 4));   // 'abc'.count('', 4)
        check("'a--b--c'", m("aXbXc", "replace", "X", "--"));   // 'aXbXc'.replace('X', '--')
        check("'abXc'", m("aXbXc", "replace", "X", "", 1));   // 'aXbXc'.replace('X', '', 1)
        check("'-a-b-'", m("ab", "replace", "", "-"));   // 'ab'.replace('', '-')
        check("'-a-b'", m("ab", "replace", "", "-", 2));   // 'ab'.replace('', '-', 2)
        check("'ab'", m("ab", "replace", "a", "b", 0));   // 'ab'.replace('a', 'b', 0)
    }

    @Test
    void classification() {
        check("true", m("123", "isdigit"));   // '123'.isdigit()
        check("false", m("12a", "isdigit"));   // '12a'.isdigit()
        check("true", m("²", "isdigit"));   // '²'.isdigit()
        check("false", m("", "isdigit"));   // ''.isdigit()
        check("true", m("½", "isnumeric"));   // '½'.isnumeric()
        check("false", m("½", "isdigit"));   // '½'.isdigit()
        check("true", m("٣", "isdecimal"));   // '٣'.isdecimal()
        check("false", m("²", "isdecimal"));   // '²'.isdecimal()
        check("true", m("abc", "isalpha"));   // 'abc'.isalpha()
        check("false", m("ab1", "isalpha"));   // 'ab1'.isalpha()
        check("true", m("ab1", "isalnum"));   // 'ab1'.isalnum()
        check("false", m("ab 1", "isalnum"));   // 'ab 1'.isalnum()
        check("true", m(" \t\n\u00a0", "isspace"));   // ' \t\n\xa0'.isspace()
        check("false", m(" x", "isspace"));   // ' x'.isspace()
        check("false", m("", "isspace"));   // ''.isspace()
        check("true", m("ABC1", "isupper"));   // 'ABC1'.isupper()
        check("false", m("AbC", "isupper"));   // 'AbC'.isupper()
        check("false", m("1", "isupper"));   // '1'.isupper()
        check("true", m("abc1", "islower"));   // 'abc1'.islower()
        check("false", m("aBc", "islower"));   // 'aBc'.islower()
        check("true", m("Title Case", "istitle"));   // 'Title Case'.istitle()
        check("false", m("Title case", "istitle"));   // 'Title case'.istitle()
        check("true", m("abc", "isascii"));   // 'abc'.isascii()
        check("false", m("é", "isascii"));   // 'é'.isascii()
    }

    @Test
    void encode() {
        check("b'caf\\xc3\\xa9'", m("café", "encode"));   // 'café'.encode()
        check("b'caf\\xe9'", m("café", "encode", "latin-1"));   // 'café'.encode('latin-1')
        check("b'caf\\xc3\\xa9'", m("café", "encode", "UTF_8"));   // 'café'.encode('UTF_8')
        fails("ValueError", "'ascii' codec can't encode character '\\xe9' in position 3: ordinal not in range(128)", () -> m("café", "encode", "ascii"));   // 'café'.encode('ascii')
        fails("ValueError", "'latin-1' codec can't encode character '\\u20ac' in position 0: ordinal not in range(256)", () -> m("€", "encode", "latin-1"));   // '€'.encode('latin-1')
        fails("ValueError", "'utf-8' codec can't encode character '\\ud800' in position 0: surrogates not allowed", () -> m("\ud800", "encode"));   // '\ud800'.encode()
        check("b'caf?'", m("café", "encode", "ascii", "replace"));   // 'café'.encode('ascii', 'replace')
        check("b'caf'", m("café", "encode", "ascii", kw("errors", "ignore")));   // 'café'.encode('ascii', errors='ignore')
        check("b'\\xff\\xfea\\x00b\\x00'", m("ab", "encode", "utf-16"));   // 'ab'.encode('utf-16')
        check("b'\\x00a\\x00b'", m("ab", "encode", "utf-16-be"));   // 'ab'.encode('utf-16-be')
        check("b'\\xf0\\x9f\\x98\\x80'", m("😀", "encode"));   // '😀'.encode()
        fails("ValueError", "unknown encoding: nope", () -> m("x", "encode", "nope"));   // 'x'.encode('nope')
    }

    @Test
    void everyStrMethodIsFound() {
        for (String name : new String[] {"split", "rsplit", "splitlines", "join", "strip", "lstrip", "rstrip", "upper", "lower",
                "title", "capitalize", "swapcase", "startswith", "endswith", "find", "rfind", "index", "rindex", "count",
                "replace", "isdigit", "isalpha", "isalnum", "isspace", "isupper", "islower", "isdecimal", "isnumeric",
                "zfill", "ljust", "rjust", "center", "partition", "rpartition", "format", "encode", "removeprefix",
                "removesuffix", "expandtabs", "casefold"}) {
            org.junit.jupiter.api.Assertions.assertNotNull(TypeMethods.find("x", name), name);
        }
        org.junit.jupiter.api.Assertions.assertNull(TypeMethods.find("x", "nope"));
    }

    @Test
    void wrongArgumentCountIsATypeError() {
        fails("TypeError", "str.upper() takes 1 positional argument but 2 were given", () -> m("a", "upper", 1));
    }
}
