package dev.skein.stdlib;

import org.junit.jupiter.api.Test;

/** Conversion builtins: str, repr, ascii, int, float, bool, list, set, dict, bytes, hex, oct, bin, ord, chr. Expected values were computed with Python 3.11 (see the comment on each line). */
class ConversionBuiltinsTest extends StdlibTestSupport {

    @Test
    void strReprAscii() {
        check("''", b("str"));   // str()
        check("'42'", b("str", 42));   // str(42)
        check("'x'", b("str", "x"));   // str('x')
        check("'1.0'", b("str", 1.0));   // str(1.0)
        // Python: str([1, 'a', None, True]) -> "[1, 'a', None, True]" (Skein differs on purpose)
        check("\"[1, 'a', none, true]\"", b("str", list(1, "a", null, true)));   // str([1, 'a', None, True])
        check("'ab'", b("str", bytes("ab"), "ascii"));   // str(b'ab', 'ascii')
        check("'é'", b("str", bytes("\u00c3\u00a9"), kw("encoding", "utf-8")));   // str(b'\xc3\xa9', encoding='utf-8')
        check("'�'", b("str", bytes("\u00ff"), "utf-8", "replace"));   // str(b'\xff', 'utf-8', 'replace')
        fails("TypeError", "decoding str is not supported", () -> b("str", "x", "utf-8"));   // str('x', 'utf-8')
        fails("TypeError", "decoding to str: need a bytes-like object, int found", () -> b("str", 1, "utf-8"));   // str(1, 'utf-8')
        check("'\"it\\'s\"'", b("repr", "it's"));   // repr('it\'s')
        check("'0.30000000000000004'", b("repr", 0.1 + 0.2));   // repr(0.1 + 0.2)
        check("\"'caf\\\\xe9 \\\\u2603'\"", b("ascii", "café ☃"));   // ascii('café ☃')
    }

    @Test
    void intConversion() {
        check("0", b("int"));   // int()
        check("-1000", b("int", " -1_000 "));   // int(' -1_000 ')
        check("31", b("int", "0x_1f", 0));   // int('0x_1f', 0)
        check("255", b("int", "ff", 16));   // int('ff', 16)
        check("5", b("int", "0b101", 2));   // int('0b101', 2)
        check("35", b("int", "z", 36));   // int('z', 36)
        check("12", b("int", "١٢"));   // int('١٢')
        check("123456789012345678901234567890", b("int", "123456789012345678901234567890"));   // int('123456789012345678901234567890')
        check("-3", b("int", -3.9));   // int(-3.9)
        check("100000000000000000000", b("int", 1e20));   // int(1e20)
        check("1", b("int", true));   // int(True)
        check("12", b("int", bytes(" 12 ")));   // int(b' 12 ')
        check("100000000000000000000", b("int", new java.math.BigInteger("100000000000000000000")));   // int(100000000000000000000)
        check("10", b("int", "12", kw("base", 8)));   // int('12', base=8)
        fails("ValueError", "invalid literal for int() with base 10: ' x '", () -> b("int", " x "));   // int(' x ')
        fails("ValueError", "invalid literal for int() with base 10: '1__0'", () -> b("int", "1__0"));   // int('1__0')
        fails("ValueError", "invalid literal for int() with base 0: '010'", () -> b("int", "010", 0));   // int('010', 0)
        fails("ValueError", "int() base must be >= 2 and <= 36, or 0", () -> b("int", "12", 1));   // int('12', 1)
        fails("TypeError", "int() can't convert non-string with explicit base", () -> b("int", 12, 10));   // int(12, 10)
        fails("TypeError", "'float' object cannot be interpreted as an integer", () -> b("int", "10", 2.0));   // int('10', 2.0)
        fails("TypeError", "int() argument must be a string, a bytes-like object or a real number, not 'list'", () -> b("int", list(1)));   // int([1])
        fails("ValueError", "cannot convert float NaN to integer", () -> b("int", Double.NaN));   // int(float('nan'))
        fails("OverflowError", "cannot convert float infinity to integer", () -> b("int", Double.POSITIVE_INFINITY));   // int(float('inf'))
        fails("ValueError", "invalid literal for int() with base 10: b'x'", () -> b("int", bytes("x")));   // int(b'x')
    }

    @Test
    void floatAndBool() {
        check("0.0", b("float"));   // float()
        check("105.0", b("float", " 1_0.5e1 "));   // float(' 1_0.5e1 ')
        check("-inf", b("float", "-Infinity"));   // float('-Infinity')
        check("nan", b("float", "nan"));   // float('nan')
        check("0.5", b("float", ".5"));   // float('.5')
        check("5.0", b("float", "5."));   // float('5.')
        check("7.0", b("float", 7));   // float(7)
        check("1.0", b("float", true));   // float(True)
        fails("ValueError", "could not convert string to float: '1e'", () -> b("float", "1e"));   // float('1e')
        fails("ValueError", "could not convert string to float: '0x10'", () -> b("float", "0x10"));   // float('0x10')
        fails("ValueError", "could not convert string to float: '1d'", () -> b("float", "1d"));   // float('1d')
        fails("TypeError", "float() argument must be a string or a real number, not 'list'", () -> b("float", list(1)));   // float([1])
        fails("OverflowError", "int too large to convert to float", () -> b("float", java.math.BigInteger.TEN.pow(400)));   // float(10**400)
        check("false", b("bool"));   // bool()
        check("false", b("bool", 0));   // bool(0)
        check("true", b("bool", "x"));   // bool('x')
        check("false", b("bool", list()));   // bool([])
        check("false", b("bool", (Object) null));   // bool(None)
    }

    @Test
    void containers() {
        check("[]", b("list"));   // list()
        check("['a', 'b', 'c']", b("list", "abc"));   // list('abc')
        check("[0, 1, 2]", b("list", b("range", 3)));   // list(range(3))
        check("['a', 'b']", b("list", dict("a", 1, "b", 2)));   // list({'a': 1, 'b': 2})
        fails("TypeError", "'int' object is not iterable", () -> b("list", 1));   // list(1)
        check("set()", b("set"));   // set()
        check("{1, 2}", b("set", list(1, 2, 1)));   // set([1, 2, 1])
        fails("TypeError", "unhashable type: 'list'", () -> b("set", list(list(1))));   // set([[1]])
        check("{}", b("dict"));   // dict()
        check("{'a': 1, 'b': 2}", b("dict", list(list("a", 1), list("b", 2))));   // dict([('a', 1), ('b', 2)])
        check("{'a': 1, 'b': 2}", b("dict", dict("a", 1), kw("b", 2)));   // dict({'a': 1}, b=2)
        check("{'x': 1}", b("dict", kw("x", 1)));   // dict(x=1)
        check("{'a': 'b'}", b("dict", list("ab")));   // dict(['ab'])
        fails("ValueError", "dictionary update sequence element #0 has length 3; 2 is required", () -> b("dict", list(list(1, 2, 3))));   // dict([(1, 2, 3)])
        fails("TypeError", "cannot convert dictionary update sequence element #0 to a sequence", () -> b("dict", list(1)));   // dict([1])
        fails("TypeError", "dict expected at most 1 argument, got 2", () -> b("dict", list(), list()));   // dict([], [])
        fails("TypeError", "unhashable type: 'list'", () -> b("dict", list(list(list(1), 2))));   // dict([[[1], 2]])
    }

    @Test
    void bytesBuiltin() {
        check("b''", b("bytes"));   // bytes()
        check("b'\\x00\\x00\\x00'", b("bytes", 3));   // bytes(3)
        check("b'hi'", b("bytes", list(104, 105)));   // bytes([104, 105])
        check("b'\\x00\\x01\\x02'", b("bytes", b("range", 3)));   // bytes(range(3))
        check("b'\\xc3\\xa9'", b("bytes", "é", "utf-8"));   // bytes('é', 'utf-8')
        check("b'x'", b("bytes", bytes("x")));   // bytes(b'x')
        fails("TypeError", "string argument without an encoding", () -> b("bytes", "a"));   // bytes('a')
        fails("ValueError", "bytes must be in range(0, 256)", () -> b("bytes", list(256)));   // bytes([256])
        fails("TypeError", "'str' object cannot be interpreted as an integer", () -> b("bytes", list("a")));   // bytes(['a'])
        fails("ValueError", "negative count", () -> b("bytes", -1));   // bytes(-1)
        fails("TypeError", "cannot convert 'float' object to bytes", () -> b("bytes", 1.5));   // bytes(1.5)
        fails("TypeError", "encoding without a string argument", () -> b("bytes", list(1), "utf-8"));   // bytes([1], 'utf-8')
    }

    @Test
    void radixOrdChr() {
        check("'-0xff'", b("hex", -255));   // hex(-255)
        check("'0x1'", b("hex", true));   // hex(True)
        check("'0x56bc75e2d63100000'", b("hex", new java.math.BigInteger("100000000000000000000")));   // hex(100000000000000000000)
        check("'0o10'", b("oct", 8));   // oct(8)
        check("'-0b101'", b("bin", -5));   // bin(-5)
        fails("TypeError", "'float' object cannot be interpreted as an integer", () -> b("hex", 1.0));   // hex(1.0)
        check("97", b("ord", "a"));   // ord('a')
        check("128512", b("ord", "😀"));   // ord('😀')
        check("97", b("ord", bytes("a")));   // ord(b'a')
        fails("TypeError", "ord() expected a character, but string of length 2 found", () -> b("ord", "ab"));   // ord('ab')
        fails("TypeError", "ord() expected a character, but string of length 0 found", () -> b("ord", ""));   // ord('')
        fails("TypeError", "ord() expected string of length 1, but int found", () -> b("ord", 1));   // ord(1)
        check("'a'", b("chr", 97));   // chr(97)
        check("'😀'", b("chr", 0x1F600));   // chr(0x1F600)
        fails("ValueError", "chr() arg not in range(0x110000)", () -> b("chr", -1));   // chr(-1)
        fails("ValueError", "chr() arg not in range(0x110000)", () -> b("chr", 0x110000));   // chr(0x110000)
        fails("TypeError", "'str' object cannot be interpreted as an integer", () -> b("chr", "a"));   // chr('a')
    }
}
