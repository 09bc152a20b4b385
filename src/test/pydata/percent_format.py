"""PercentFormatTest.CASES: fmt % args, with L(...) as the args tuple and Skein's spellings."""
import skein


def percent(fmt, args):
    values = tuple(skein.skein(a) for a in args) if isinstance(args, tuple) else skein.skein(args)
    return [skein.outcome(lambda: fmt % values)]


FILE = "src/test/java/dev/skein/runtime/PercentFormatTest.java"
TABLES = {"CASES": (2, percent)}
