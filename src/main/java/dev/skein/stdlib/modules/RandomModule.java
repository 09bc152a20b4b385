package dev.skein.stdlib.modules;

import dev.skein.runtime.Arith;
import dev.skein.runtime.Bytes;
import dev.skein.runtime.Containers;
import dev.skein.runtime.Convert;
import dev.skein.runtime.Errors;
import dev.skein.runtime.Interpreter;
import dev.skein.runtime.NativeModule;
import dev.skein.runtime.SkeinList;
import dev.skein.runtime.SkeinSet;
import dev.skein.runtime.Values;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

import static dev.skein.runtime.Missing.MISSING;

/**
 * {@code import random}: one Mersenne Twister per interpreter, guarded by a lock so tasks on a
 * thread pool can share it. The algorithms are CPython's (seeding, random(), _randbelow,
 * shuffle, sample, choices), so {@code random.seed(n)} with an int, str or bytes seed yields
 * the same values as Python 3.11; gauss and expovariate go through libm functions and may
 * differ from Python in the last digit. Unseeded, the generator starts from SecureRandom.
 */
public final class RandomModule {
    private final MersenneTwister mt = new MersenneTwister();
    private final ReentrantLock lock = new ReentrantLock();
    private double gaussNext = Double.NaN;   // NaN: no cached second normal deviate

    private RandomModule() {
        seedFromEntropy();
    }

    public static NativeModule create(Interpreter interp) {
        RandomModule r = new RandomModule();
        NativeModule m = new NativeModule("random");
        m.def1("seed", "a=?", (ts, a0) -> { r.seed(a0); return null; });
        m.def("random", "", (ts, a) -> r.random());
        m.def1("getrandbits", "k", (ts, a0) -> r.getrandbits(Convert.toInt(a0, "k")));
        m.def3("randrange", "start, stop=?, step=?", (ts, a0, a1, a2) -> r.randrange(a0, a1, a2));
        m.def2("randint", "a, b", (ts, a0, a1) -> r.randrange(a0, a1 instanceof Long b && b < Long.MAX_VALUE ? (Object) (b + 1)
                : Arith.norm(IntMath.integer(a1).add(BigInteger.ONE)), MISSING));
        m.def2("uniform", "a, b", (ts, a0, a1) -> {
            double lo = FloatMath.real(a0), hi = FloatMath.real(a1);
            return lo + (hi - lo) * r.random();
        });
        m.def1("choice", "seq", (ts, a0) -> r.choice(Population.of(a0)));
        m.def("choices", "population, weights=?, *, cum_weights=?, k=?", (ts, a) ->
                r.choices(Population.of(a[0]), a[1], a[2], Args.absent(a[3]) ? 1 : Convert.toInt(a[3], "k")));
        m.def("shuffle", "x", (ts, a) -> {
            if (!(a[0] instanceof SkeinList l)) throw Errors.type("shuffle() argument must be a list, not " + Values.typeName(a[0]));
            l.rewrite(r::shuffled);
            return null;
        });
        m.def("sample", "population, k", (ts, a) -> {
            if (a[0] instanceof SkeinSet || a[0] instanceof dev.skein.runtime.SkeinDict) {
                throw Errors.type("Population must be a sequence.  For dicts or sets, use sorted(d).");
            }
            return r.sample(Population.of(a[0]), Convert.toInt(a[1], "k"));
        });
        m.def2("gauss", "mu=?, sigma=?", (ts, a0, a1) -> r.gauss(Args.absent(a0) ? 0.0 : FloatMath.real(a0),
                Args.absent(a1) ? 1.0 : FloatMath.real(a1)));
        m.def1("expovariate", "lambd", (ts, a0) -> -Math.log(1.0 - r.random()) / FloatMath.real(a0));
        return m;
    }

    private void seedFromEntropy() {
        SecureRandom sr = new SecureRandom();
        int[] key = new int[16];
        for (int i = 0; i < key.length; i++) key[i] = sr.nextInt();
        lock.lock();
        try {
            mt.seed(key);
            gaussNext = Double.NaN;
        } finally { lock.unlock(); }
    }

    /** random.seed(a): CPython's version-2 seeding for int, float, str and bytes seeds. */
    void seed(Object a) {
        if (Args.absent(a)) { seedFromEntropy(); return; }
        BigInteger n;
        if (Arith.isInt(a)) {
            n = Arith.big(a).abs();
        } else if (a instanceof Double d) {
            n = BigInteger.valueOf(PyHash.ofDouble(d)).and(PyHash.UINT64_MASK);   // CPython: (size_t) hash(a)
        } else if (a instanceof String || a instanceof Bytes) {
            byte[] raw = Args.bytesOrStr(a, "seed");
            byte[] all = new byte[raw.length + 64];
            System.arraycopy(raw, 0, all, 0, raw.length);
            System.arraycopy(sha512(raw), 0, all, raw.length, 64);
            n = new BigInteger(1, all);
        } else {
            throw Errors.type("The only supported seed types are: none, int, float, str, and bytes.");
        }
        lock.lock();
        try {
            mt.seed(n);
            gaussNext = Double.NaN;
        } finally { lock.unlock(); }
    }

    private static byte[] sha512(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-512").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-512 is required by every JDK", e);
        }
    }

    double random() {
        lock.lock();
        try { return mt.nextDouble(); } finally { lock.unlock(); }
    }

    long below(long n) {
        lock.lock();
        try { return mt.below(n); } finally { lock.unlock(); }
    }

    private BigInteger below(BigInteger n) {
        lock.lock();
        try { return mt.below(n); } finally { lock.unlock(); }
    }

    private Object getrandbits(int k) {
        if (k < 0) throw Errors.value("number of bits must be non-negative");
        lock.lock();
        try { return Arith.norm(mt.bits(k)); } finally { lock.unlock(); }
    }

    /** randrange(start, stop=None, step=1), following CPython 3.11 (int arguments only). */
    Object randrange(Object startArg, Object stopArg, Object stepArg) {
        if (Args.absent(stepArg) && startArg instanceof Long s) {   // ints that fit: no BigInteger per call
            if (Args.absent(stopArg) && s > 0) return below(s);
            if (stopArg instanceof Long t && t > s && ((t ^ s) & (t ^ (t - s))) >= 0) return s + below(t - s);   // t - s did not overflow
        }
        BigInteger start = IntMath.integer(startArg);
        if (Args.absent(stopArg)) {
            if (!Args.absent(stepArg)) throw Errors.type("Missing a non-None stop argument");
            if (start.signum() > 0) return Arith.norm(below(start));
            throw Errors.value("empty range for randrange()");
        }
        BigInteger stop = IntMath.integer(stopArg);
        BigInteger width = stop.subtract(start);
        BigInteger step = Args.absent(stepArg) ? BigInteger.ONE : IntMath.integer(stepArg);
        if (step.equals(BigInteger.ONE)) {
            if (width.signum() > 0) return Arith.norm(start.add(below(width)));
            throw Errors.value("empty range for randrange() (" + start + ", " + stop + ", " + width + ")");
        }
        BigInteger n;
        if (step.signum() > 0) n = floorDiv(width.add(step).subtract(BigInteger.ONE), step);
        else if (step.signum() < 0) n = floorDiv(width.add(step).add(BigInteger.ONE), step);
        else throw Errors.value("zero step for randrange()");
        if (n.signum() <= 0) throw Errors.value("empty range for randrange()");
        return Arith.norm(start.add(step.multiply(below(n))));
    }

    private static BigInteger floorDiv(BigInteger a, BigInteger b) {
        BigInteger[] qr = a.divideAndRemainder(b);
        return qr[1].signum() != 0 && qr[1].signum() != b.signum() ? qr[0].subtract(BigInteger.ONE) : qr[0];
    }

    Object[] shuffled(Object[] xs) {
        lock.lock();
        try {
            for (int i = xs.length - 1; i > 0; i--) {
                int j = (int) mt.below(i + 1);
                Object t = xs[i];
                xs[i] = xs[j];
                xs[j] = t;
            }
        } finally { lock.unlock(); }
        return xs;
    }

    /** random.choice: {@code seq[randbelow(len(seq))]}, reading one element, never copying the sequence. */
    Object choice(Population pop) {
        while (true) {
            long n = pop.size();
            if (n == 0) throw Errors.index("Cannot choose from an empty sequence");
            Object v = pop.at(below(n));
            if (v != MISSING) return v;   // another thread shrank the list meanwhile: draw again
        }
    }

    /** {@code pop[i]} for an index drawn earlier: IndexError if a list shrank since, as in CPython. */
    private static Object element(Population pop, long i) {
        Object v = pop.at(i);
        if (v == MISSING) throw Errors.index("list index out of range");
        return v;
    }

    /** random.sample: CPython's two strategies (pool for small populations, a set otherwise). */
    SkeinList sample(Population pop, int k) {
        long n = pop.size();
        if (k < 0 || k > n) throw Errors.value("Sample larger than population or is negative");
        Object[] result = new Object[k];
        long setsize = 21;
        if (k > 5) setsize += (long) Math.pow(4, Math.ceil(Math.log(k * 3.0) / Math.log(4)));
        if (n <= setsize) {
            Object[] pool = new Object[(int) n];   // CPython copies here too: n is small
            for (int i = 0; i < pool.length; i++) pool[i] = element(pop, i);
            lock.lock();
            try {
                for (int i = 0; i < k; i++) {
                    int j = (int) mt.below(n - i);
                    result[i] = pool[j];
                    pool[j] = pool[(int) n - i - 1];
                }
            } finally { lock.unlock(); }
        } else {
            long[] picked = new long[k];
            Set<Long> selected = new HashSet<>();
            lock.lock();
            try {
                for (int i = 0; i < k; i++) {
                    long j = mt.below(n);
                    while (!selected.add(j)) j = mt.below(n);
                    picked[i] = j;
                }
            } finally { lock.unlock(); }
            for (int i = 0; i < k; i++) result[i] = element(pop, picked[i]);
        }
        return SkeinList.wrap(result);
    }

    /** random.choices with optional weights or cumulative weights (bisect over the running totals). */
    SkeinList choices(Population pop, Object weights, Object cumWeights, int k) {
        long n = pop.size();
        Object[] out = new Object[Math.max(k, 0)];
        if (Args.absent(cumWeights)) {
            if (Args.absent(weights)) {
                if (n == 0 && k > 0) throw Errors.index("Cannot choose from an empty sequence");
                double dn = n;
                long[] picked = new long[out.length];
                lock.lock();
                try {
                    for (int i = 0; i < picked.length; i++) picked[i] = (long) Math.floor(mt.nextDouble() * dn);
                } finally { lock.unlock(); }
                for (int i = 0; i < out.length; i++) out[i] = element(pop, picked[i]);
                return SkeinList.wrap(out);
            }
            Object[] ws = Containers.toArray(weights);
            Object[] cum = new Object[ws.length];
            Object acc = null;
            for (int i = 0; i < ws.length; i++) cum[i] = acc = i == 0 ? ws[0] : Arith.add(acc, ws[i]);
            cumWeights = SkeinList.wrap(cum);
        } else if (!Args.absent(weights)) {
            throw Errors.type("Cannot specify both weights and cumulative weights");
        }
        Object[] cum = Containers.toArray(cumWeights);
        if (cum.length != n) throw Errors.value("The number of weights does not match the population");
        if (n == 0) throw Errors.index("Cannot choose from an empty sequence");
        double total = FloatMath.real(cum[(int) n - 1]);
        if (total <= 0.0) throw Errors.value("Total of weights must be greater than zero");
        if (!Double.isFinite(total)) throw Errors.value("Total of weights must be finite");
        double[] draws = new double[out.length];
        lock.lock();
        try {
            for (int i = 0; i < draws.length; i++) draws[i] = mt.nextDouble() * total;
        } finally { lock.unlock(); }
        for (int i = 0; i < out.length; i++) out[i] = element(pop, bisectRight(cum, draws[i], (int) n - 1));
        return SkeinList.wrap(out);
    }

    private static int bisectRight(Object[] a, double x, int hi) {
        int lo = 0;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (Values.lt(x, a[mid])) hi = mid;
            else lo = mid + 1;
        }
        return lo;
    }

    /** random.gauss: the Box-Muller pair, caching the second deviate like CPython. */
    double gauss(double mu, double sigma) {
        double z;
        lock.lock();
        try {
            z = gaussNext;
            gaussNext = Double.NaN;
            if (Double.isNaN(z)) {
                double x2pi = mt.nextDouble() * 2 * Math.PI;
                double g2rad = Math.sqrt(-2.0 * Math.log(1.0 - mt.nextDouble()));
                z = Math.cos(x2pi) * g2rad;
                gaussNext = Math.sin(x2pi) * g2rad;
            }
        } finally { lock.unlock(); }
        return mu + z * sigma;
    }
}
