package dev.skein.stdlib;

import org.junit.jupiter.api.Test;

/** The methods of bytes. Expected values were computed with Python 3.11 (see the comment on each line). */
class BytesMethodsTest extends StdlibTestSupport {

    @Test
    void decode() {
        check("'café'", m(bytes("caf\u00c3\u00a9"), "decode"));   // b'caf\xc3\xa9'.decode()
        check("'café'", m(bytes("caf\u00e9"), "decode", "latin-1"));   // b'caf\xe9'.decode('latin-1')
        fails("ValueError", "'utf-8' codec can't decode byte 0xff in position 0: invalid start byte", () -> m(bytes("\u00ff"), "decode"));   // b'\xff'.decode()
        fails("ValueError", "'utf-8' codec can't decode byte 0xe9 in position 1: invalid continuation byte", () -> m(bytes("a\u00e9b"), "decode"));   // b'a\xe9b'.decode()
        fails("ValueError", "'utf-8' codec can't decode bytes in position 0-1: unexpected end of data", () -> m(bytes("\u00e2\u0082"), "decode"));   // b'\xe2\x82'.decode()
        fails("ValueError", "'utf-8' codec can't decode bytes in position 0-1: invalid continuation byte", () -> m(bytes("\u00e2\u0082a"), "decode"));   // b'\xe2\x82a'.decode()
        fails("ValueError", "'utf-8' codec can't decode bytes in position 0-2: unexpected end of data", () -> m(bytes("\u00f0\u009f\u0098"), "decode"));   // b'\xf0\x9f\x98'.decode()
        fails("ValueError", "'utf-8' codec can't decode byte 0xed in position 0: invalid continuation byte", () -> m(bytes("\u00ed\u00a0\u0080"), "decode"));   // b'\xed\xa0\x80'.decode()
        fails("ValueError", "'utf-8' codec can't decode byte 0xc0 in position 0: invalid start byte", () -> m(bytes("\u00c0\u0080"), "decode"));   // b'\xc0\x80'.decode()
        check("'���'", m(bytes("\u00ed\u00a0\u0080"), "decode", "utf-8", "replace"));   // b'\xed\xa0\x80'.decode('utf-8', 'replace')
        check("'a�'", m(bytes("a\u00e2\u0082"), "decode", kw("errors", "replace")));   // b'a\xe2\x82'.decode(errors='replace')
        check("'ab'", m(bytes("a\u00ffb"), "decode", "utf-8", "ignore"));   // b'a\xffb'.decode('utf-8', 'ignore')
        check("'😀'", m(bytes("\u00f0\u009f\u0098\u0080"), "decode"));   // b'\xf0\x9f\x98\x80'.decode()
        fails("ValueError", "'ascii' codec can't decode byte 0xe9 in position 0: ordinal not in range(128)", () -> m(bytes("\u00e9"), "decode", "ascii"));   // b'\xe9'.decode('ascii')
        check("'a'", m(bytes("\u00ff\u00fea\u0000"), "decode", "utf-16"));   // b'\xff\xfea\x00'.decode('utf-16')
        fails("ValueError", "unknown encoding: nope", () -> m(bytes("a"), "decode", "nope"));   // b'a'.decode('nope')
        check("'a'", m(bytes("a"), "decode", "utf-8", "nope"));   // b'a'.decode('utf-8', 'nope')
        fails("ValueError", "unknown error handler name 'nope'", () -> m(bytes("\u00ff"), "decode", "utf-8", "nope"));   // b'\xff'.decode('utf-8', 'nope')
    }

    @Test
    void hexAndSearch() {
        check("'010203'", m(bytes("\u0001\u0002\u0003"), "hex"));   // b'\x01\x02\x03'.hex()
        check("'01:02:03'", m(bytes("\u0001\u0002\u0003"), "hex", ":"));   // b'\x01\x02\x03'.hex(':')
        check("'01:0203'", m(bytes("\u0001\u0002\u0003"), "hex", ":", 2));   // b'\x01\x02\x03'.hex(':', 2)
        check("'0102-03'", m(bytes("\u0001\u0002\u0003"), "hex", "-", -2));   // b'\x01\x02\x03'.hex('-', -2)
        check("'ab'", m(bytes("\u00ab"), "hex"));   // b'\xab'.hex()
        fails("ValueError", "sep must be length 1.", () -> m(bytes("a"), "hex", "ab"));   // b'a'.hex('ab')
        check("2", m(bytes("abca"), "count", bytes("a")));   // b'abca'.count(b'a')
        check("2", m(bytes("abca"), "count", 97));   // b'abca'.count(97)
        fails("ValueError", "byte must be in range(0, 256)", () -> m(bytes("a"), "count", 256));   // b'a'.count(256)
        check("2", m(bytes("abc"), "find", bytes("c")));   // b'abc'.find(b'c')
        check("2", m(bytes("abc"), "find", 99));   // b'abc'.find(99)
        check("-1", m(bytes("abc"), "find", bytes("x")));   // b'abc'.find(b'x')
        check("3", m(bytes("abcb"), "rfind", bytes("b")));   // b'abcb'.rfind(b'b')
        check("1", m(bytes("abc"), "index", bytes("b")));   // b'abc'.index(b'b')
        fails("ValueError", "subsection not found", () -> m(bytes("abc"), "index", bytes("x")));   // b'abc'.index(b'x')
        fails("TypeError", "argument should be integer or bytes-like object, not 'str'", () -> m(bytes("a"), "find", "a"));   // b'a'.find('a')
        check("true", m(bytes("abc"), "startswith", list(bytes("x"), bytes("a"))));   // b'abc'.startswith((b'x', b'a'))
        check("true", m(bytes("abc"), "startswith", bytes("b"), 1));   // b'abc'.startswith(b'b', 1)
        check("true", m(bytes("abc"), "endswith", bytes("bc")));   // b'abc'.endswith(b'bc')
        // Python: b'a'.startswith('a') -> TypeError: startswith first arg must be bytes or a tuple of bytes, not str (Skein differs on purpose)
        fails("TypeError", "startswith first arg must be bytes or a list of bytes, not str", () -> m(bytes("a"), "startswith", "a"));   // b'a'.startswith('a')
    }

    @Test
    void transform() {
        check("b'Hello, World'", m(bytes("  Hello, World  "), "strip"));   // b'  Hello, World  '.strip()
        check("b'ello, World'", m(bytes("  Hello, World  "), "strip", bytes(" H")));   // b'  Hello, World  '.strip(b' H')
        check("b'\\xa0a\\xa0'", m(bytes("\u00a0a\u00a0"), "strip"));   // b'\xa0a\xa0'.strip()
        check("b'a  '", m(bytes("  a  "), "lstrip"));   // b'  a  '.lstrip()
        check("b'  a'", m(bytes("  a  "), "rstrip"));   // b'  a  '.rstrip()
        fails("TypeError", "a bytes-like object is required, not 'str'", () -> m(bytes("a"), "strip", "a"));   // b'a'.strip('a')
        check("[b'a', b'b']", m(bytes("a,b"), "split", bytes(",")));   // b'a,b'.split(b',')
        check("[b'a', b'b']", m(bytes(" a  b "), "split"));   // b' a  b '.split()
        check("[b'a', b'b c']", m(bytes("a b c"), "split", null, 1));   // b'a b c'.split(None, 1)
        check("[b'a b', b'c']", m(bytes("a b c"), "rsplit", kw("maxsplit", 1)));   // b'a b c'.rsplit(maxsplit=1)
        check("[b'a\\xa0b']", m(bytes("a\u00a0b"), "split"));   // b'a\xa0b'.split()
        fails("ValueError", "empty separator", () -> m(bytes("a"), "split", bytes("")));   // b'a'.split(b'')
        check("b'a-b'", m(bytes("-"), "join", list(bytes("a"), bytes("b"))));   // b'-'.join([b'a', b'b'])
        fails("TypeError", "sequence item 0: expected a bytes-like object, str found", () -> m(bytes("-"), "join", list("a")));   // b'-'.join(['a'])
        check("b'ABC\\xe9'", m(bytes("abc\u00e9"), "upper"));   // b'abc\xe9'.upper()
        check("b'abc\\xc9'", m(bytes("ABC\u00c9"), "lower"));   // b'ABC\xc9'.lower()
        check("b'yyXyy'", m(bytes("aXa"), "replace", bytes("a"), bytes("yy")));   // b'aXa'.replace(b'a', b'yy')
        check("b'bba'", m(bytes("aaa"), "replace", bytes("a"), bytes("b"), 2));   // b'aaa'.replace(b'a', b'b', 2)
        fails("TypeError", "a bytes-like object is required, not 'str'", () -> m(bytes("a"), "replace", "a", bytes("b")));   // b'a'.replace('a', b'b')
    }
}
