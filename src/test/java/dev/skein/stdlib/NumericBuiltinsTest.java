package dev.skein.stdlib;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** abs, round, pow, divmod and the int/float methods. Expected values were computed with Python 3.11 (see the comment on each line). */
class NumericBuiltinsTest extends StdlibTestSupport {

    @Test
    void absolute() {
        check("5", b("abs", -5));   // abs(-5)
        check("2.5", b("abs", -2.5));   // abs(-2.5)
        check("9223372036854775808", b("abs", Long.MIN_VALUE));   // abs(-9223372036854775808)
        check("100000000000000000000", b("abs", new java.math.BigInteger("-100000000000000000000")));   // abs(-10**20)
        check("1", b("abs", true));   // abs(True)
        fails("TypeError", "bad operand type for abs(): 'str'", () -> b("abs", "a"));   // abs('a')
    }

    /** round(float, n)'s double-only path agrees with the exact one wherever it answers. */
    @Test
    void roundingWithoutBigDecimalAgreesWithTheExactRounding() {
        java.util.Random rnd = new java.util.Random(7);
        int answered = 0;
        for (int i = 0; i < 200_000; i++) {
            double d = switch (i % 4) {
                case 0 -> rnd.nextDouble() * Math.pow(10, rnd.nextInt(30) - 10) * (rnd.nextBoolean() ? 1 : -1);
                case 1 -> (rnd.nextInt(2_000_001) - 1_000_000) / 1000.0 + 0.0005;          // decimal ties as written
                case 2 -> Math.scalb((double) rnd.nextLong(1L << 53), -rnd.nextInt(60));  // exact binary fractions
                default -> Double.longBitsToDouble(rnd.nextLong());
            };
            if (Double.isNaN(d) || Double.isInfinite(d) || d == 0) continue;
            int n = i % 4 == 1 ? 3 : rnd.nextInt(23);   // the written ties are ties at 3 digits
            double fast = NumericBuiltins.roundFast(d, n);
            if (Double.isNaN(fast)) continue;
            answered++;
            double exact = new java.math.BigDecimal(d).setScale(n, java.math.RoundingMode.HALF_EVEN).doubleValue();
            assertEquals(exact, fast, 0.0, "round(" + d + ", " + n + ")");
        }
        assertTrue(answered > 50_000, "the fast path answered only " + answered);
    }

    @Test
    void rounding() {
        check("2", b("round", 2.5));   // round(2.5)
        check("4", b("round", 3.5));   // round(3.5)
        check("-2", b("round", -2.5));   // round(-2.5)
        check("2.67", b("round", 2.675, 2));   // round(2.675, 2)
        check("0.12", b("round", 0.125, 2));   // round(0.125, 2)
        check("20", b("round", 15, -1));   // round(15, -1)
        check("20", b("round", 25, -1));   // round(25, -1)
        check("-20", b("round", -25, -1));   // round(-25, -1)
        check("-30", b("round", -26, -1));   // round(-26, -1)
        check("1200.0", b("round", 1234.5678, -2));   // round(1234.5678, -2)
        check("-0.0", b("round", -0.4, 0));   // round(-0.4, 0)
        check("5", b("round", 5, 2));   // round(5, 2)
        check("1", b("round", true));   // round(True)
        check("1e+300", b("round", 1e300, -299));   // round(1e300, -299)
        check("100000000000000000000", b("round", 1e20));   // round(1e20)
        check("2", b("round", 1.5, null));   // round(1.5, None)
        check("123.456", b("round", 123.456, 400));   // round(123.456, 400)
        check("0.0", b("round", 123.456, -400));   // round(123.456, -400)
        check("inf", b("round", Double.POSITIVE_INFINITY, 2));   // round(float('inf'), 2)
        fails("TypeError", "type str doesn't define __round__ method", () -> b("round", "a"));   // round('a')
        fails("TypeError", "'float' object cannot be interpreted as an integer", () -> b("round", 1.5, 1.0));   // round(1.5, 1.0)
        fails("ValueError", "cannot convert float NaN to integer", () -> b("round", Double.NaN));   // round(float('nan'))
        fails("OverflowError", "cannot convert float infinity to integer", () -> b("round", Double.POSITIVE_INFINITY));   // round(float('inf'))
        fails("OverflowError", "rounded value too large to represent", () -> b("round", Double.MAX_VALUE, -308));   // round(1.7976931348623157e308, -308)
    }

    @Test
    void powers() {
        check("1024", b("pow", 2, 10));   // pow(2, 10)
        check("0.5", b("pow", 2, -1));   // pow(2, -1)
        check("1.4142135623730951", b("pow", 2.0, 0.5));   // pow(2.0, 0.5)
        check("-1", b("pow", 3, 2, -5));   // pow(3, 2, -5)
        check("5", b("pow", 3, -1, 7));   // pow(3, -1, 7)
        check("28229401484026699374", b("pow", 2, 100, new java.math.BigInteger("100000000000000000001")));   // pow(2, 100, 10**20 + 1)
        check("2", b("pow", -2, 3, 5));   // pow(-2, 3, 5)
        check("0", b("pow", 7, 0, 1));   // pow(7, 0, 1)
        check("8", b("pow", 2, 3, null));   // pow(2, 3, None)
        fails("ValueError", "base is not invertible for the given modulus", () -> b("pow", 2, -1, 4));   // pow(2, -1, 4)
        fails("ValueError", "pow() 3rd argument cannot be 0", () -> b("pow", 2, 3, 0));   // pow(2, 3, 0)
        fails("TypeError", "pow() 3rd argument not allowed unless all arguments are integers", () -> b("pow", 2.0, 3, 5));   // pow(2.0, 3, 5)
    }

    @Test
    void divmodPairs() {
        check("[-4, -1]", b("divmod", 7, -2));   // divmod(7, -2)
        check("[-4.0, 0.5]", b("divmod", -7.5, 2));   // divmod(-7.5, 2)
        check("[393530540239137101141, 1]", b("divmod", new java.math.BigInteger("1180591620717411303424"), 3));   // divmod(2**70, 3)
        fails("ZeroDivisionError", "float divmod()", () -> b("divmod", 1.0, 0));   // divmod(1.0, 0)
        fails("ZeroDivisionError", "integer division or modulo by zero", () -> b("divmod", 1, 0));   // divmod(1, 0)
        fails("TypeError", "unsupported operand type(s) for divmod(): 'str' and 'int'", () -> b("divmod", "a", 1));   // divmod('a', 1)
    }

    @Test
    void numberMethods() {
        check("8", m(255, "bit_length"));   // (255).bit_length()
        check("9", m(-256, "bit_length"));   // (-256).bit_length()
        check("71", m(new java.math.BigInteger("1180591620717411303424"), "bit_length"));   // (2**70).bit_length()
        check("3", m(7, "bit_count"));   // (7).bit_count()
        check("true", m(2.0, "is_integer"));   // (2.0).is_integer()
        check("false", m(2.5, "is_integer"));   // (2.5).is_integer()
        check("false", m(Double.POSITIVE_INFINITY, "is_integer"));   // float('inf').is_integer()
    }
}
