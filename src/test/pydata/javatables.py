"""Reads and rewrites the data tables of a Java test: rows like `{I("7"), "//", F("0x1p+1"), "3.0"},`.

A table starts at a line declaring it (`NAME = {` or `NAME() {`) and its rows are the lines
`{a, b, …},` after it. The leading values are inputs; the trailing ones are expected strings,
which regenerate() recomputes with Python. Only rows whose values changed are rewritten, so a
refresh leaves everything else as it was typed.
"""
import re

TABLE = re.compile(r"\b(\w+)(?:\s*=\s*\{|\(\)\s*\{)\s*$")
ROW = re.compile(r"^(\s*)\{(.*)\},\s*$")
TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[A-Za-z_][\w.]*|0[xX][0-9a-fA-F.pP+-]+[lL]?|[-+]?[0-9][\w.+-]*|[(),]')


def parse_row(text):
    """The values of one row, as Python values (I → int, F → float, L → tuple, D → dict)."""
    tokens = TOKEN.findall(text.replace("(Object) ", ""))  # a cast only picks the varargs overload
    pos = 0

    def value():
        nonlocal pos
        t = tokens[pos]
        pos += 1
        if t.startswith('"'):
            return java_string(t)
        if t in ("I", "F", "L", "D") and pos < len(tokens) and tokens[pos] == "(":
            pos += 1
            args = []
            while tokens[pos] != ")":
                args.append(value())
                if tokens[pos] == ",":
                    pos += 1
            pos += 1
            if t == "I":
                return int(args[0])
            if t == "F":
                return float(args[0]) if args[0] in ("inf", "-inf", "nan") else float.fromhex(args[0])
            if t == "L":
                return tuple(args)
            return dict(zip(args[0::2], args[1::2]))
        if t in ("true", "false", "null"):
            return {"true": True, "false": False, "null": None}[t]
        if t.lower().startswith(("0x", "-0x")):
            n = int(t.rstrip("lL"), 16)
            return n - (1 << 64) if t.endswith(("L", "l")) and n >= 1 << 63 else n
        return int(t.rstrip("lL"))

    values = []
    while pos < len(tokens):
        values.append(value())
        if pos < len(tokens) and tokens[pos] == ",":
            pos += 1
    return values


ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f", '"': '"', "'": "'", "\\": "\\"}


def java_string(literal):
    body, out, i = literal[1:-1], [], 0
    while i < len(body):
        c = body[i]
        if c != "\\":
            out.append(c)
            i += 1
            continue
        n = body[i + 1]
        if n == "u":
            out.append(chr(int(body[i + 2:i + 6], 16)))
            i += 6
        elif n in "01234567":
            m = re.match(r"[0-3]?[0-7]{1,2}", body[i + 1:])
            out.append(chr(int(m.group(0), 8)))
            i += 1 + len(m.group(0))
        else:
            out.append(ESCAPES[n])
            i += 2
    # Java strings are UTF-16: join surrogate pairs written as two \u escapes.
    return "".join(out).encode("utf-16", "surrogatepass").decode("utf-16", "surrogatepass")


def java_literal(s):
    """s as a Java string literal: printable ASCII as is, the rest as \\u escapes."""
    out = []
    for unit in utf16_units(s):
        if unit == ord("\\"):
            out.append("\\\\")
        elif unit == ord('"'):
            out.append('\\"')
        elif unit == 10:
            out.append("\\n")
        elif 0x20 <= unit < 0x7F:
            out.append(chr(unit))
        else:
            out.append("\\u%04x" % unit)
    return '"' + "".join(out) + '"'


def utf16_units(s):
    b = s.encode("utf-16-le", "surrogatepass")
    return [b[i] | b[i + 1] << 8 for i in range(0, len(b), 2)]


def regenerate(path, tables, write):
    """Recomputes the expected strings of the named tables; returns (rows read, rows that differ).

    tables maps a table name to (inputs, fn): the first `inputs` values of a row go to fn, which
    returns the expected strings for the rest of the row.
    """
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    current, differ, rows = None, [], 0
    for i, line in enumerate(lines):
        m = TABLE.search(line)
        if m:
            current = m.group(1) if m.group(1) in tables else None
            continue
        m = ROW.match(line)
        if not m or current is None:
            continue
        inputs, fn = tables[current]
        row = parse_row(m.group(2))
        rows += 1
        expected = list(fn(*row[:inputs]))
        if expected != row[inputs:]:
            differ.append(short(f"{path}:{i + 1}: {current} {row[:inputs]!r}: checked in {row[inputs:]!r}, Python gives {expected!r}"))
            if write:
                literals = split_top_level(m.group(2))
                literals[inputs:] = [java_literal(e) for e in expected]
                lines[i] = m.group(1) + "{" + ", ".join(literals) + "},"
    if write and differ:
        with open(path, "w", encoding="utf-8") as f:
            f.write("\n".join(lines))
    return rows, differ


def short(s):
    return s if len(s) <= 400 else s[:400] + "…"


def split_top_level(text):
    """The source text of each value of a row (commas inside calls and strings kept)."""
    parts, depth, start, i = [], 0, 0, 0
    while i < len(text):
        c = text[i]
        if c == '"':
            i += 1
            while text[i] != '"':
                i += 2 if text[i] == "\\" else 1
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "," and depth == 0:
            parts.append(text[start:i].strip())
            start = i + 1
        i += 1
    parts.append(text[start:].strip())
    return parts
