package dev.skein.stdlib.modules;

import dev.skein.runtime.ErrorKind;
import dev.skein.runtime.SkeinList;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Expected values were computed with CPython 3.11. */
class MathModuleTest extends ModuleTestSupport {
    private Object math(String f, Object... args) { return call("math", f, args); }

    private static BigInteger big(String s) { return new BigInteger(s); }

    @Test void constants() {
        assertEquals(Math.PI, module("math").member("pi"));
        assertEquals(2 * Math.PI, module("math").member("tau"));
        assertEquals(Double.POSITIVE_INFINITY, module("math").member("inf"));
        assertTrue(((Double) module("math").member("nan")).isNaN());
    }

    @Test void factorialDigitCounts() {
        int[] ns = {2500, 2600, 2700, 2800};
        int[] digits = {7412, 7752, 8095, 8439};
        for (int i = 0; i < ns.length; i++) {
            assertEquals(digits[i], math("factorial", (long) ns[i]).toString().length());
        }
        assertEquals(big("15511210043330985984000000"), math("factorial", 25L));
        assertEquals(1L, math("factorial", 0L));
        assertEquals(2432902008176640000L, math("factorial", 20L));
    }

    @Test void seedFactorialSums() {
        // The seed program: sum(factorial(i) for i in range(1, n)) for n in 2500..2800. Its speed
        // is bench/factorial_sum.skein's to measure (a timed test fails on a loaded machine).
        int[] ns = {2500, 2600, 2700, 2800};
        int[] digits = {7408, 7749, 8091, 8435};
        for (int k = 0; k < ns.length; k++) {
            BigInteger sum = BigInteger.ZERO;
            for (long i = 1; i < ns[k]; i++) {
                Object f = math("factorial", i);
                sum = sum.add(f instanceof Long l ? BigInteger.valueOf(l) : (BigInteger) f);
            }
            assertEquals(digits[k], sum.toString().length());
        }
    }

    @Test void factorialMatchesNaiveProduct() {
        long[] order = {30, 31, 100, 99, 2000, 2001, 2600, 1, 25, 700, 1500, 1500, 21, 5000};
        for (long n : order) {
            BigInteger naive = BigInteger.ONE;
            for (long i = 2; i <= n; i++) naive = naive.multiply(BigInteger.valueOf(i));
            assertEquals(dev.skein.runtime.Arith.norm(naive), math("factorial", n), "factorial(" + n + ")");
        }
        assertEquals(big("815915283247897734345611269596115894272000000000"), math("factorial", 40L));
        BigInteger below = (BigInteger) math("factorial", 99_999L);
        assertEquals(below.multiply(BigInteger.valueOf(100_000)), math("factorial", 100_000L));
    }

    @Test void factorialErrors() {
        assertSkeinError(ErrorKind.VALUE, "factorial() not defined for negative values", () -> math("factorial", -1L));
        assertSkeinError(ErrorKind.TYPE, "'float' object cannot be interpreted as an integer", () -> math("factorial", 2.0));
    }

    @Test void combPermGcdLcmIsqrt() {
        assertEquals(big("3420029547493938143902737600"), math("comb", 100L, 37L));
        assertEquals(1860480L, math("perm", 20L, 5L));
        assertEquals(120L, math("perm", 5L));
        assertEquals(0L, math("comb", 3L, 5L));
        assertEquals(big("166666666666666666661666666666666666666700000000000000000000"),
                math("comb", big("100000000000000000000"), 3L));
        assertEquals(6L, math("gcd", 12L, 18L, -30L));
        assertEquals(0L, math("gcd"));
        assertEquals(60L, math("lcm", 4L, 6L, 10L));
        assertEquals(0L, math("lcm", 4L, 0L));
        assertEquals(big("316227766016837933199"), math("isqrt", BigInteger.TEN.pow(41)));
        assertSkeinError(ErrorKind.VALUE, "n must be a non-negative integer", () -> math("comb", -1L, 2L));
        assertSkeinError(ErrorKind.VALUE, "isqrt() argument must be nonnegative", () -> math("isqrt", -4L));
    }

    @Test void logarithmsOfHugeInts() {
        BigInteger tenK = BigInteger.TEN.pow(10000);
        assertEquals(23025.850929940458, math("log", tenK));
        assertEquals(10000.0, math("log10", tenK));
        assertEquals(7924.812503605781, math("log2", BigInteger.valueOf(3).pow(5000)));
        assertEquals(5313.7312474842665, math("log", BigInteger.valueOf(7).pow(3000), 3L));
        assertEquals(709.782712893384, math("log", BigInteger.TWO.pow(1024)));
        assertEquals(709.782712893384, math("log", BigInteger.TWO.pow(1024).subtract(BigInteger.ONE)));
        assertEquals(3.0, math("log2", 8L));
        assertEquals(3.0, math("log10", 1000L));
        assertEquals(3.0, math("log", 8L, 2L));
        assertEquals(1.0, math("log", Math.E));
    }

    @Test void domainAndRangeErrors() {
        assertSkeinError(ErrorKind.VALUE, "math domain error", () -> math("sqrt", -1L));
        assertSkeinError(ErrorKind.VALUE, "math domain error", () -> math("log", 0L));
        assertSkeinError(ErrorKind.VALUE, "math domain error", () -> math("log", -2.5));
        assertSkeinError(ErrorKind.VALUE, "math domain error", () -> math("acos", 2.0));
        assertSkeinError(ErrorKind.VALUE, "math domain error", () -> math("pow", 0.0, -1.0));
        assertSkeinError(ErrorKind.VALUE, "math domain error", () -> math("fmod", 1.0, 0.0));
        assertSkeinError(ErrorKind.OVERFLOW, "math range error", () -> math("exp", 1000L));
        assertSkeinError(ErrorKind.OVERFLOW, "math range error", () -> math("pow", 10.0, 400.0));
        assertSkeinError(ErrorKind.ZERO_DIVISION, "float division by zero", () -> math("log", 10L, 1L));
        assertSkeinError(ErrorKind.TYPE, "must be real number, not str", () -> math("sqrt", "x"));
        assertSkeinError(ErrorKind.OVERFLOW, () -> math("sqrt", BigInteger.TEN.pow(400)));
    }

    @Test void floatFunctions() {
        assertEquals(1.4142135623730951, math("sqrt", 2L));
        assertEquals(5.0, math("hypot", 3L, 4L));
        assertEquals(3.7416573867739413, math("hypot", 1L, 2L, 3L));
        assertEquals(1.4142135623730951, math("pow", 2L, 0.5));
        assertEquals(1.0, math("pow", 1.0, Double.NaN));
        assertEquals(2.718281828459045, math("exp", 1L));
        assertEquals(180.0, math("degrees", Math.PI));
        assertEquals(-3.0, math("copysign", 3L, -0.0));
        assertEquals(SkeinList.of(0.5, 2.0), math("modf", 2.5));
        assertEquals(SkeinList.of(-0.5, -2.0), math("modf", -2.5));
        assertEquals(1.0, math("fsum", SkeinList.of(0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1)));
        assertEquals(1.0000000000000002e+16, math("fsum", SkeinList.of(1e-16, 1L, 1e16)));
        assertEquals(1e-100, math("fsum", SkeinList.of(1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50)));
        assertSkeinError(ErrorKind.VALUE, "-inf + inf in fsum",
                () -> math("fsum", SkeinList.of(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY)));
        assertEquals(720L, math("prod", SkeinList.of(1L, 2L, 3L, 4L, 5L, 6L)));
        assertEquals(12.0, callKw("math", "prod", new Object[]{SkeinList.of(2L, 3L)}, "start", 2.0));
    }

    @Test void roundingReturnsInts() {
        assertEquals(-3L, math("floor", -2.5));
        assertEquals(3L, math("ceil", 2.1));
        assertEquals(-2L, math("trunc", -2.7));
        assertEquals(7L, math("floor", 7L));
        Object huge = math("floor", 1e300);
        assertInstanceOf(BigInteger.class, huge);
        assertTrue(huge.toString().startsWith("100000000000000005250476025520"));
        assertSkeinError(ErrorKind.VALUE, "cannot convert float NaN to integer", () -> math("floor", Double.NaN));
        assertSkeinError(ErrorKind.OVERFLOW, "cannot convert float infinity to integer", () -> math("ceil", Double.POSITIVE_INFINITY));
    }

    @Test void predicatesAndIsclose() {
        assertTrue((Boolean) math("isclose", 1.0, 1.0 + 1e-10));
        assertFalse((Boolean) math("isclose", 1.0, 1.1));
        assertTrue((Boolean) callKw("math", "isclose", new Object[]{1.0, 1.05}, "rel_tol", 0.1));
        assertTrue((Boolean) callKw("math", "isclose", new Object[]{0.0, 1e-12}, "abs_tol", 1e-9));
        assertSkeinError(ErrorKind.VALUE, "tolerances must be non-negative",
                () -> callKw("math", "isclose", new Object[]{1.0, 1.0}, "rel_tol", -1.0));
        assertTrue((Boolean) math("isfinite", 3L));
        assertTrue((Boolean) math("isinf", Double.NEGATIVE_INFINITY));
        assertTrue((Boolean) math("isnan", Double.NaN));
    }
}
