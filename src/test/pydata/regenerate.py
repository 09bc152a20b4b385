#!/usr/bin/env python3
"""Recomputes the expected values in the Python-derived unit tests of src/test/java/dev/skein/runtime.

Each module named below says which file and tables it covers and how Python computes a row's
expected strings from its inputs. Run from the repository root (CPython 3.11):

    python3 src/test/pydata/regenerate.py           rewrites expected values that changed
    python3 src/test/pydata/regenerate.py --check   fails if any differ (PyDataAgreeTest)
"""
import importlib
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import javatables  # noqa: E402

MODULES = ["float_repr", "number_parsing", "ops", "percent_format", "format_spec"]


def main():
    write = "--check" not in sys.argv
    differ, rows = [], 0
    for name in MODULES:
        m = importlib.import_module(name)
        n, d = javatables.regenerate(m.FILE, m.TABLES, write)
        rows, differ = rows + n, differ + d
    for d in differ:
        print(d)
    print(f"{rows} rows, {len(differ)} differ from Python" + (" (rewritten)" if write and differ else ""))
    sys.exit(1 if differ and not write else 0)


if __name__ == "__main__":
    main()
