"""The shared Python suite's benchutil, found by path, for the twins kept in this repository.

The anchor scripts live in ../shared/bench/python/ (read-only); twins of workloads that have no
anchor there live in bench/python/ and use the same Bench class, so their JSON line has the
same shape and the same timing rules (quiet gate, interleaving, medians).  The shared folder is
$SKEIN_PY_BENCH if set (as bench/run.sh uses it), else ../shared/bench/python from the
repository root.

Also: cold_and_warm(), the cold/warm convention of these twins (see its docstring).
"""
import os
import sys

_root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
_shared = os.environ.get("SKEIN_PY_BENCH") or os.path.join(_root, "..", "shared", "bench", "python")
_shared = os.path.abspath(_shared if os.path.isabs(_shared) else os.path.join(_root, _shared))
if not os.path.isfile(os.path.join(_shared, "benchutil.py")):
    sys.exit(f"benchutil_local: no benchutil.py in {_shared} (set SKEIN_PY_BENCH)")
sys.path.insert(0, _shared)

import benchutil  # noqa: E402
from benchutil import Bench, log  # noqa: E402,F401

# Warm repetitions: BENCH_REPS if set (as for the shared suite), else 5; the JSON line's "reps"
# says so.
WARM_REPS = int(os.environ.get("BENCH_REPS", "5"))
benchutil.REPS = WARM_REPS


def cold_and_warm(b, fn, reps=WARM_REPS):
    """Time fn() once as the first call of the process (metric cold_s: what a script user
    feels), then reps more times (metric warm_s: their median).  Every call must return the
    same result; returns it."""
    _, cold = b.measure("cold_s", fn, reps=1)
    _, warm = b.measure("warm_s", fn, reps=reps)
    if warm != cold:
        raise AssertionError(f"{b.name}: warm result {warm!r} differs from cold {cold!r}")
    return cold
