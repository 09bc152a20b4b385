"""FormatSpecTest.CASES: format(value, spec), with Skein's spellings of bools."""
import skein


def format_with(value, spec):
    return [skein.outcome(format, skein.skein(value), spec)]


FILE = "src/test/java/dev/skein/runtime/FormatSpecTest.java"
TABLES = {"CASES": (2, format_with)}
