#!/usr/bin/env python3
"""Writes the golden scripts under src/test/resources/golden from the *.cases files here,
checking every expectation that Python can also produce against python3.

A .cases file holds many cases:

    === values/floor_division_negative
    print(-7 // 2)          # expect: -4
    print(7 // -2)
    --- py
    <optional Python twin>

- The lines after `=== path` are the Skein script (path without .skein, relative to golden/).
- `--- py` followed by Python code: the twin is run (with PRELUDE, so print() spells
  none/true/false and lists the Skein way). An empty `--- py` section means "the Skein source
  itself, with `let ` removed". A twin line "@@re: REGEX" becomes `# expect-re: REGEX`. If the script has `# expect:` / `# expect-re:` lines, they must
  agree with the twin's output; otherwise the twin's output is appended as `# expect:` lines.
- `=== path [crlf]` writes the script with CRLF line endings.
- Cases named `examples/NAME` are written to the repository's examples/ folder.
- No `--- py` section: the expectations are hand-written (Skein-only behaviour: compile-time
  errors, error locations, insertion-ordered sets, closures per loop iteration, ...).

Usage: python3 gen.py [--check]
  --check: write nothing; fail when an expectation disagrees with Python or a script on disk
  differs from what its case generates (a hand-edited golden file drifted from its case).
  GoldenCasesAgreeTest runs this in `mvn verify`.
"""
import difflib
import os
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

HERE = os.path.dirname(os.path.abspath(__file__))
GOLDEN = os.path.normpath(os.path.join(HERE, "..", "resources", "golden"))
REPO = os.path.normpath(os.path.join(HERE, "..", "..", ".."))

PRELUDE = r'''
import builtins as _b, sys as _sys, dataclasses as _dc
_str = str
_type = type
true, false, none = True, False, None
_sys.set_int_max_str_digits(4300)   # Skein bounds int/text conversion as CPython does by default
def _r(v):
    if v is None: return "none"
    if v is True: return "true"
    if v is False: return "false"
    if isinstance(v, (list, tuple)): return "[" + ", ".join(_r(x) for x in v) + "]"
    if isinstance(v, dict): return "{" + ", ".join(_r(k) + ": " + _r(x) for k, x in v.items()) + "}"
    if isinstance(v, (set, frozenset)):
        if len(v) > 1: _sys.stderr.write("SET-ORDER: check insertion order of " + _b.repr(v) + "\n")
        return "{" + ", ".join(_r(x) for x in v) + "}" if v else "set()"
    if _dc.is_dataclass(v):
        return _type(v).__name__ + "(" + ", ".join(f.name + "=" + _r(getattr(v, f.name)) for f in _dc.fields(v)) + ")"
    if isinstance(v, BaseException):
        return _type(v).__name__ + "(" + _b.repr(_str(v)) + ")"
    return _b.repr(v)
def _s(v):
    if isinstance(v, _str): return v
    if isinstance(v, BaseException): return _str(v)
    return _r(v)
def print(*a, sep=" ", end="\n"):
    _b.print(sep.join(_s(x) for x in a), end=end)
def str(v=""): return _s(v)
def repr(v): return _r(v)
def type(v):
    if v is None: return "none"
    if isinstance(v, bool): return "bool"
    if isinstance(v, (list, tuple)): return "list"
    if isinstance(v, BaseException): return "error"
    if _dc.is_dataclass(v): return _type(v).__name__
    if callable(v) and not isinstance(v, _type): return "function"
    return _type(v).__name__
def record(name, *fields, **defaults):
    fs = [(f, object) for f in fields] + [(k, object, _dc.field(default=v)) for k, v in defaults.items()]
    return _dc.make_dataclass(name, fs, frozen=True)
'''

EXPECT = re.compile(r"#\s*(expect-re|expect):(.*)$")


def parse(text, source):
    cases = []
    cur = None
    section = None
    for lineno, line in enumerate(text.splitlines(), 1):
        if line.startswith("=== "):
            header = line[4:].split()
            cur = {"name": header[0], "flags": set(f.strip("[]") for f in header[1:]),
                   "skein": [], "py": None, "where": f"{source}:{lineno}"}
            cases.append(cur)
            section = "skein"
        elif line.rstrip() == "--- py":
            cur["py"] = []
            section = "py"
        elif cur is not None:
            cur[section].append(line)
    return cases


def strip_blank(lines):
    while lines and not lines[0].strip():
        lines = lines[1:]
    while lines and not lines[-1].strip():
        lines = lines[:-1]
    return lines


def expectations(lines):
    out = []
    for line in lines:
        m = EXPECT.search(line)
        if m:
            raw = m.group(2)
            value = (raw[1:] if raw.startswith(" ") else raw).rstrip()
            out.append((m.group(1), value))
    return out


def expect_line(g):
    # A twin prints "@@re: REGEX" for a line whose value cannot match exactly (timings).
    if g.startswith("@@re: "):
        return "# expect-re: " + g[len("@@re: "):]
    return ("# expect: " + g) if g else "# expect:"


def run_python(code):
    p = subprocess.run([sys.executable, "-c", PRELUDE + "\n" + code], capture_output=True,
                       text=True, timeout=120)
    return p.returncode, p.stdout, p.stderr


def build(case):
    skein = strip_blank(case["skein"])
    problems = []
    if case["py"] is None:
        return skein, problems, False
    py = strip_blank(case["py"])
    if not py:
        py = [re.sub(r"^(\s*)let ", r"\1", l) for l in skein]
    code, out, err = run_python("\n".join(py))
    if code != 0:
        problems.append(f"python exited {code}:\n{err}")
        return skein, problems, True
    if err:
        sys.stderr.write(f"{case['where']} {case['name']}: {err}")
    got = out.split("\n")
    if got and got[-1] == "":
        got.pop()
    for g in got:
        if g != g.rstrip():
            problems.append(f"python output line has trailing spaces: {g!r}")
    want = expectations(skein)
    if want:
        if len(want) != len(got):
            problems.append(f"{len(want)} expectations but python printed {len(got)} lines:\n" + "\n".join(got))
        for (kind, value), g in zip(want, got):
            ok = re.fullmatch(value, g) is not None if kind == "expect-re" else value == g
            if not ok:
                problems.append(f"expect {kind} {value!r} but python printed {g!r}")
    else:
        skein = skein + [expect_line(g) for g in got]
    return skein, problems, True


def target(case):
    # Cases named examples/... are the repository's examples; the rest are golden tests.
    root = REPO if case["name"].startswith("examples/") else GOLDEN
    return os.path.join(root, case["name"] + ".skein")


def drift(path, text):
    """Why the file at path is not text (None when it is): missing, or a short diff."""
    if not os.path.exists(path):
        return "missing (run gen.py to write it)"
    with open(path, encoding="utf-8", newline="") as f:
        on_disk = f.read()
    if on_disk == text:
        return None
    diff = difflib.unified_diff(on_disk.splitlines(True), text.splitlines(True), "on disk", "generated", n=1)
    return "differs from its case (edit the .cases file and run gen.py):\n" + "".join(list(diff)[:20])


def main():
    check = "--check" in sys.argv
    failed = 0
    names = set()
    counts = {}
    verified = 0
    cases = []
    for fn in sorted(os.listdir(HERE)):
        if fn.endswith(".cases"):
            with open(os.path.join(HERE, fn), encoding="utf-8") as f:
                cases += parse(f.read(), fn)
    # Each case with a twin starts a python3; run a few at a time.
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        built = list(pool.map(build, cases))
    for case, (lines, problems, was_verified) in zip(cases, built):
        if case["name"] in names:
            print(f"{case['where']}: duplicate case {case['name']}")
            failed += 1
        names.add(case["name"])
        verified += was_verified
        folder = case["name"].split("/")[0]
        counts[folder] = counts.get(folder, 0) + 1
        newline = "\r\n" if "crlf" in case["flags"] else "\n"
        text = "".join(line + newline for line in lines)
        path = target(case)
        if not problems and check:
            why = drift(path, text)
            if why:
                problems.append(f"{os.path.relpath(path, REPO)} {why}")
        if problems:
            failed += 1
            print(f"{case['where']}: {case['name']}:\n  " + "\n  ".join(problems))
            continue
        if not check:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w", encoding="utf-8", newline="") as f:
                f.write(text)
    # Scripts on disk that no case produces: hand-written ones (helpers under lib/ excepted).
    hand_written = []
    for root, _, files in os.walk(GOLDEN):
        for fn in files:
            rel = os.path.relpath(os.path.join(root, fn), GOLDEN)[:-len(".skein")]
            if fn.endswith(".skein") and rel not in names and "lib" not in rel.split(os.sep)[:-1]:
                hand_written.append(rel)
    if not check:
        for rel in sorted(hand_written):
            print(f"hand-written golden script (no case): {rel}")
    print(f"{len(hand_written)} hand-written golden scripts")
    total = sum(counts.values())
    print(" ".join(f"{k}={v}" for k, v in sorted(counts.items())), f"total={total} python-verified={verified}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
