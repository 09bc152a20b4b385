"""pyperformance fannkuch: the Computer Language Benchmarks Game's pancake flipping over every
permutation of range(n): list slices, slice assignment, insert and pop.

As pyperformance's bm_fannkuch (permutations in count order by rotating perm1 with
insert/pop, each flip a reversed-slice assignment), with n (env FANNKUCH_N, default 9, as
pyperformance) giving CPython 3.11 about half a second per call.  The call returns the
maximum number of flips; besides it, the check values are the number of permutations that
were flipped and the sum of their flip counts (which pyperformance does not compute: one
counter increment and one addition per flipped permutation).  Metrics: cold_s (the first
call in the process), warm_s (median of the next BENCH_REPS calls, default 5).  Twin of
bench/fannkuch.skein.
"""
import os

from benchutil_local import Bench, cold_and_warm

N = int(os.environ.get("FANNKUCH_N", "9"))


def fannkuch(n):
    count = list(range(1, n + 1))
    max_flips = 0
    flipped = 0
    total_flips = 0
    m = n - 1
    r = n
    perm1 = list(range(n))
    perm1_ins = perm1.insert
    perm1_pop = perm1.pop
    while True:
        while r != 1:
            count[r - 1] = r
            r -= 1
        if perm1[0] != 0 and perm1[m] != m:
            perm = perm1[:]
            flips = 0
            k = perm[0]
            while k:
                perm[:k + 1] = perm[k::-1]
                flips += 1
                k = perm[0]
            if flips > max_flips:
                max_flips = flips
            flipped += 1
            total_flips += flips
        # The next permutation: rotate the first r + 1 elements until a counter is left.
        while r != n:
            perm1_ins(r, perm1_pop(0))
            count[r] -= 1
            if count[r] > 0:
                break
            r += 1
        else:
            return [max_flips, flipped, total_flips]


def main():
    b = Bench("fannkuch")
    max_flips, flipped, total = cold_and_warm(b, lambda: fannkuch(N))
    b.check("n", N)
    b.check("max_flips", max_flips)
    b.check("flipped_perms", flipped)
    b.check("total_flips", total)
    b.emit()


if __name__ == "__main__":
    main()
