"""Python values and results spelled the way Skein shows them, for expected test data.

Results are repr'd with Skein's spellings (none, true, false; lists in brackets), and an error
is "!Kind: message". The classes below stand in for Skein values inside Python operations so
that Python's own messages name Skein's types ("not none") and show Skein's spellings.
"""
import builtins
import sys

sys.set_int_max_str_digits(0)  # Skein ints convert to and from text at any length


class none:  # noqa: N801  (named as Skein's type, so Python's messages say 'none')
    def __repr__(self):
        return "none"

    __str__ = __repr__


class bool(int):  # noqa: A001,N801  an int that shows as true/false and is named 'bool'
    def __repr__(self):
        return "true" if self else "false"

    __str__ = __repr__


class list(builtins.list):  # noqa: A001,N801
    def __repr__(self):
        return "[" + ", ".join(repr_(x) for x in self) + "]"

    __str__ = __repr__


class dict(builtins.dict):  # noqa: A001,N801
    def __repr__(self):
        return "{" + ", ".join(repr_(k) + ": " + repr_(v) for k, v in self.items()) + "}"

    __str__ = __repr__


def skein(v):
    """A Python value as the stand-in for the same Skein value (tuples are Skein lists)."""
    if v is None:
        return none()
    if v is True or v is False:
        return bool(v)
    if isinstance(v, (tuple, builtins.list)):
        return list(skein(x) for x in v)
    if isinstance(v, builtins.dict):
        return dict((skein(k), skein(x)) for k, x in v.items())
    return v


def operand(v):
    """v for an operator: none and lists as stand-ins, bools as Python's own."""
    if v is None:
        return none()
    if isinstance(v, tuple):
        return list(operand(x) for x in v)
    return v


def repr_(v):
    if v is None:
        return "none"
    if v is True or v is False:
        return "true" if v else "false"
    if isinstance(v, (tuple, builtins.list)):
        return "[" + ", ".join(repr_(x) for x in v) + "]"
    return builtins.repr(v)


def error(e):
    return "!" + type(e).__name__ + ": " + str(e)


def outcome(fn, *args):
    """What PyData.outcome shows: a str result as is, any other value's repr, or the error."""
    try:
        r = fn(*args)
    except Exception as e:  # noqa: BLE001  every Python error is data here
        return error(e)
    return r if isinstance(r, str) else repr_(r)


def repr_outcome(fn, *args):
    """What PyData.reprOutcome shows: always the repr, or the error."""
    try:
        return repr_(fn(*args))
    except Exception as e:  # noqa: BLE001
        return error(e)
