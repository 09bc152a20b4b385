"""Eight CPU-bound tasks (trial-division factorization of 2,500 consecutive numbers each) run in
sequence and over a ThreadPoolExecutor of 2 threads: issue 13's thread speed-up row. CPython's
threads share the GIL, so thread2 is no faster than seq here; the Skein twin runs them in
parallel.  Metrics: cold_s (the first sequential run in the process), seq_s and thread2_s
(medians of BENCH_REPS interleaved runs, default 5), thread2_speedup_x = seq_s / thread2_s.
Twin of bench/cpu_tasks.skein.
"""
from concurrent.futures import ThreadPoolExecutor

from benchutil_local import Bench, WARM_REPS

TASKS = 8
PER_TASK = 2500
START = 10 ** 9


def factorize_naive(n):
    if n < 2:
        return []
    factors = []
    p = 2
    while True:
        if n == 1:
            return factors
        if n % p == 0:
            factors.append(p)
            n //= p
        elif p * p >= n:
            factors.append(n)
            return factors
        elif p > 2:
            p += 2
        else:
            p += 1


def task(k):
    total = 0
    for n in range(START + k * PER_TASK, START + (k + 1) * PER_TASK):
        total += len(factorize_naive(n))
    return total


def main():
    b = Bench("cpu_tasks")
    _, cold = b.measure("cold_s", lambda: sum(task(k) for k in range(TASKS)), reps=1)
    with ThreadPoolExecutor(2) as ex:
        results = b.measure_group([
            ("seq_s", lambda: sum(task(k) for k in range(TASKS))),
            ("thread2_s", lambda: sum(ex.map(task, range(TASKS)))),
        ], reps=WARM_REPS)
    b.derive("thread2_speedup_x", b.metrics["seq_s"] / b.metrics["thread2_s"])
    b.check("factors", cold)
    b.emit()


if __name__ == "__main__":
    main()
