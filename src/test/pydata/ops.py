"""OpsTest: binary operators (arithmetic0..5, DIVISIONS) and str / bytes repr (STRINGS, BYTES)."""
import operator

import skein

OPERATORS = {
    "+": operator.add, "-": operator.sub, "*": operator.mul, "/": operator.truediv,
    "//": operator.floordiv, "%": operator.mod, "**": operator.pow, "<<": operator.lshift,
    ">>": operator.rshift, "&": operator.and_, "|": operator.or_, "^": operator.xor,
    "==": operator.eq, "<": operator.lt, "<=": operator.le, ">": operator.gt, ">=": operator.ge,
}


def binary(a, op, b):
    # Python's bools already act as Skein's (True & True is True); none and lists need stand-ins.
    return [skein.repr_outcome(OPERATORS[op], skein.operand(a), skein.operand(b))]


def divide(a, b):
    return [skein.repr_outcome(operator.truediv, a, b)]


def str_repr_and_ascii(s):
    return [repr(s), ascii(s)]


def bytes_repr(latin1):
    # The test holds the bytes as a Java string of chars 0-255.
    return [repr(latin1.encode("latin-1"))]


FILE = "src/test/java/dev/skein/runtime/OpsTest.java"
TABLES = {f"arithmetic{i}": (3, binary) for i in range(6)}
TABLES.update({"DIVISIONS": (2, divide), "STRINGS": (1, str_repr_and_ascii), "BYTES": (1, bytes_repr)})
