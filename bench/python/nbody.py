"""pyperformance nbody: the Computer Language Benchmarks Game's n-body simulation of the Sun
and the four gas giants, float arithmetic on small lists.

As pyperformance's bm_nbody: offset the Sun's momentum, then report_energy(), advance(0.01,
ITERATIONS), report_energy().  pyperformance mutates one global system across its loops; here
every call builds a fresh system, so every call does the same work and returns the same
energies (the check values).  ITERATIONS (env NBODY_ITERATIONS, default 150000; pyperformance
uses 20000) gives CPython 3.11 about half a second per call.  Metrics: cold_s (the first call
in the process), warm_s (median of the next BENCH_REPS calls, default 5).  Twin of
bench/nbody.skein.
"""
import os

from benchutil_local import Bench, cold_and_warm

ITERATIONS = int(os.environ.get("NBODY_ITERATIONS", "150000"))

PI = 3.14159265358979323
SOLAR_MASS = 4 * PI * PI
DAYS_PER_YEAR = 365.24


def make_system():
    """[position, velocity, mass] of the Sun, Jupiter, Saturn, Uranus and Neptune (fresh lists)."""
    return [
        [[0.0, 0.0, 0.0], [0.0, 0.0, 0.0], SOLAR_MASS],
        [[4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01],
         [1.66007664274403694e-03 * DAYS_PER_YEAR, 7.69901118419740425e-03 * DAYS_PER_YEAR,
          -6.90460016972063023e-05 * DAYS_PER_YEAR],
         9.54791938424326609e-04 * SOLAR_MASS],
        [[8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01],
         [-2.76742510726862411e-03 * DAYS_PER_YEAR, 4.99852801234917238e-03 * DAYS_PER_YEAR,
          2.30417297573763929e-05 * DAYS_PER_YEAR],
         2.85885980666130812e-04 * SOLAR_MASS],
        [[1.28943695621391310e+01, -1.51111514016986312e+01, -2.23307578892655734e-01],
         [2.96460137564761618e-03 * DAYS_PER_YEAR, 2.37847173959480950e-03 * DAYS_PER_YEAR,
          -2.96589568540237556e-05 * DAYS_PER_YEAR],
         4.36624404335156298e-05 * SOLAR_MASS],
        [[1.53796971148509165e+01, -2.59193146099879641e+01, 1.79258772950371181e-01],
         [2.68067772490389322e-03 * DAYS_PER_YEAR, 1.62824170038242295e-03 * DAYS_PER_YEAR,
          -9.51592254519715870e-05 * DAYS_PER_YEAR],
         5.15138902046611451e-05 * SOLAR_MASS],
    ]


def pairs_of(bodies):
    """Every unordered pair of bodies, as itertools.combinations(bodies, 2) (written out, as
    pyperformance does)."""
    pairs = []
    for i in range(len(bodies) - 1):
        for other in bodies[i + 1:]:
            pairs.append((bodies[i], other))
    return pairs


def advance(dt, n, bodies, pairs):
    for _ in range(n):
        for ([x1, y1, z1], v1, m1), ([x2, y2, z2], v2, m2) in pairs:
            dx = x1 - x2
            dy = y1 - y2
            dz = z1 - z2
            mag = dt * ((dx * dx + dy * dy + dz * dz) ** (-1.5))
            b1m = m1 * mag
            b2m = m2 * mag
            v1[0] -= dx * b2m
            v1[1] -= dy * b2m
            v1[2] -= dz * b2m
            v2[0] += dx * b1m
            v2[1] += dy * b1m
            v2[2] += dz * b1m
        for r, [vx, vy, vz], m in bodies:
            r[0] += dt * vx
            r[1] += dt * vy
            r[2] += dt * vz


def report_energy(bodies, pairs):
    e = 0.0
    for ([x1, y1, z1], v1, m1), ([x2, y2, z2], v2, m2) in pairs:
        dx = x1 - x2
        dy = y1 - y2
        dz = z1 - z2
        e -= (m1 * m2) / ((dx * dx + dy * dy + dz * dz) ** 0.5)
    for r, [vx, vy, vz], m in bodies:
        e += m * (vx * vx + vy * vy + vz * vz) / 2.
    return e


def offset_momentum(ref, bodies):
    px = py = pz = 0.0
    for r, [vx, vy, vz], m in bodies:
        px -= vx * m
        py -= vy * m
        pz -= vz * m
    r, v, m = ref
    v[0] = px / m
    v[1] = py / m
    v[2] = pz / m


def run():
    bodies = make_system()
    pairs = pairs_of(bodies)
    offset_momentum(bodies[0], bodies)
    before = report_energy(bodies, pairs)
    advance(0.01, ITERATIONS, bodies, pairs)
    after = report_energy(bodies, pairs)
    return [before, after]


def main():
    b = Bench("nbody")
    before, after = cold_and_warm(b, run)
    b.check("iterations", ITERATIONS)
    # Both sides must print the same digits: 12 significant digits of each energy.
    b.check("energy_before", f"{before:.12g}")
    b.check("energy_after", f"{after:.12g}")
    b.note(f"energy_after repr {after!r}")
    b.emit()


if __name__ == "__main__":
    main()
