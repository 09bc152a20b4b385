"""NumberParsingTest: int(s, base), float(s) and int literals (as Python's compiler reads them)."""
import skein


def int_with_base(s, base):
    return [skein.repr_outcome(int, s, base)]


def float_of(s):
    return [skein.repr_outcome(float, s)]


def literal(s):
    def compile_it():
        value = eval(compile(s, "<literal>", "eval"))  # the literal alone, as the tokenizer sees it
        if not isinstance(value, int):
            raise SyntaxError("not an int literal")
        return value

    def message(e):
        # A SyntaxError's str() adds "(<literal>, line 1)"; the test keeps only the message.
        return "!SyntaxError: " + e.msg if isinstance(e, SyntaxError) else skein.error(e)

    try:
        return [skein.repr_(compile_it())]
    except Exception as e:  # noqa: BLE001
        return [message(e)]


FILE = "src/test/java/dev/skein/runtime/NumberParsingTest.java"
TABLES = {"INTS": (2, int_with_base), "FLOATS": (1, float_of), "LITERALS": (1, literal)}
