"""pyperformance spectral_norm: the Computer Language Benchmarks Game's spectral norm of the
infinite matrix A(i, j) = 1 / ((i + j)(i + j + 1) / 2 + i + 1), by ten rounds of power
iteration with A^T A on an N-vector: function calls and list comprehensions.

As pyperformance's bm_spectral_norm (each row's partial sum is a call taking an (i, u) pair,
and each matrix-vector product is a comprehension over those calls), with N (env
SPECTRAL_N, default 250; pyperformance uses 130) giving CPython 3.11 about half a second per
call.  The call returns sqrt(vBv / vv), the spectral norm estimate (the check value, to 12
significant digits).  Metrics: cold_s (the first call in the process), warm_s (median of the
next BENCH_REPS calls, default 5).  Twin of bench/spectral_norm.skein.
"""
import math
import os

from benchutil_local import Bench, cold_and_warm

N = int(os.environ.get("SPECTRAL_N", "250"))


def eval_A(i, j):
    return 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)


def eval_times_u(func, u):
    return [func((i, u)) for i in range(len(list(u)))]


def eval_AtA_times_u(u):
    return eval_times_u(part_At_times_u, eval_times_u(part_A_times_u, u))


def part_A_times_u(i_u):
    i, u = i_u
    partial_sum = 0
    for j, u_j in enumerate(u):
        partial_sum += eval_A(i, j) * u_j
    return partial_sum


def part_At_times_u(i_u):
    i, u = i_u
    partial_sum = 0
    for j, u_j in enumerate(u):
        partial_sum += eval_A(j, i) * u_j
    return partial_sum


def run():
    u = [1] * N
    for _ in range(10):
        v = eval_AtA_times_u(u)
        u = eval_AtA_times_u(v)
    vBv = vv = 0
    for ue, ve in zip(u, v):
        vBv += ue * ve
        vv += ve * ve
    return math.sqrt(vBv / vv)


def main():
    b = Bench("spectral_norm")
    norm = cold_and_warm(b, run)
    b.check("n", N)
    b.check("norm", f"{norm:.12g}")
    b.note(f"norm repr {norm!r}")
    b.emit()


if __name__ == "__main__":
    main()
