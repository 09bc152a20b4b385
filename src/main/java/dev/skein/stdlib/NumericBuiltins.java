package dev.skein.stdlib;

import dev.skein.runtime.Arith;
import dev.skein.runtime.Convert;
import dev.skein.runtime.Errors;
import dev.skein.runtime.Interpreter;
import dev.skein.runtime.SkeinList;
import dev.skein.runtime.Values;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

import static dev.skein.stdlib.Builtins.def1;
import static dev.skein.stdlib.Builtins.def2;
import static dev.skein.stdlib.Builtins.def3;

/** Arithmetic builtins: abs, round, pow, divmod. */
final class NumericBuiltins {
    private NumericBuiltins() {}

    static void install(Interpreter.Builder b) {
        def1(b, "abs", "x", (ts, a0) -> abs(a0));
        def2(b, "round", "number, ndigits=?", (ts, a0, a1) -> round(a0, a1));
        def3(b, "pow", "base, exp, mod=?", (ts, a0, a1, a2) -> Args.present(a2) ? modPow(a0, a1, a2) : Arith.pow(a0, a1, ts));
        def2(b, "divmod", "a, b", (ts, a0, a1) -> divmod(a0, a1));
    }

    static Object abs(Object x) {
        if (x instanceof Long l) return l == Long.MIN_VALUE ? BigInteger.valueOf(l).negate() : (Object) Math.abs(l);
        if (x instanceof Double d) return Math.abs(d);
        if (x instanceof BigInteger big) return big.abs();
        if (x instanceof Boolean bool) return bool ? 1L : 0L;
        throw Errors.type("bad operand type for abs(): '" + Values.typeName(x) + "'");
    }

    /** Python's round: halves go to the even neighbour; exact on the double's true decimal value. */
    static Object round(Object x, Object ndigitsSlot) {
        boolean withDigits = Args.present(ndigitsSlot);
        if (x instanceof Double d) {
            if (!withDigits) return ConversionBuiltins.truncate(Math.rint(d));
            long n = Args.index(ndigitsSlot);
            if (Double.isNaN(d) || Double.isInfinite(d) || d == 0 || n > 340) return d;
            if (n < -340) return Math.copySign(0.0, d);
            double r = roundFast(d, n);
            if (Double.isNaN(r)) r = new BigDecimal(d).setScale((int) n, RoundingMode.HALF_EVEN).doubleValue();
            if (Double.isInfinite(r)) throw Errors.overflow("rounded value too large to represent");
            return r == 0 ? Math.copySign(0.0, d) : r;
        }
        if (Arith.isInt(x)) {
            BigInteger v = Arith.big(x);
            if (!withDigits) return Arith.norm(v);
            long n = Args.index(ndigitsSlot);
            if (n >= 0) return Arith.norm(v);
            if (n < -100_000) return 0L;
            BigInteger unit = BigInteger.TEN.pow((int) -n);
            BigInteger[] qr = v.divideAndRemainder(unit);
            BigInteger q = qr[0], r = qr[1];
            if (r.signum() < 0) { q = q.subtract(BigInteger.ONE); r = r.add(unit); }   // floor division
            int c = r.shiftLeft(1).compareTo(unit);
            if (c > 0 || (c == 0 && q.testBit(0))) q = q.add(BigInteger.ONE);
            return Arith.norm(q.multiply(unit));
        }
        throw Errors.type("type " + Values.typeName(x) + " doesn't define __round__ method");
    }

    /** 10^0 … 10^22: every one exactly a double. */
    private static final double[] POWERS_OF_TEN = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    };

    /**
     * {@code round(d, n)} without BigDecimal when plain doubles decide it. Below 2^52 every
     * halfway point k + ½ is a double, and rounding d × 10^n to the double y is monotonic, so the
     * exact product lies on the same side of every halfway point as y does — unless y is one,
     * when it may lie on either side. Otherwise it rounds to the same integer k as y, and
     * k / 10^n (both exact, the division correctly rounded) is the double nearest the decimal
     * result, which is what Python returns. NaN when it cannot tell (y on a halfway point, n
     * outside 0..22, or a product of 2^52 or more).
     */
    static double roundFast(double d, long n) {
        if (n < 0 || n >= POWERS_OF_TEN.length) return Double.NaN;
        double p = POWERS_OF_TEN[(int) n];
        double y = d * p;
        if (!(Math.abs(y) < 0x1p52) || y - Math.floor(y) == 0.5) return Double.NaN;
        return Math.rint(y) / p;
    }

    private static Object modPow(Object base, Object exp, Object mod) {
        if (!Arith.isInt(base) || !Arith.isInt(exp) || !Arith.isInt(mod)) {
            throw Errors.type("pow() 3rd argument not allowed unless all arguments are integers");
        }
        BigInteger m = Arith.big(mod);
        if (m.signum() == 0) throw Errors.value("pow() 3rd argument cannot be 0");
        BigInteger abs = m.abs();
        BigInteger e = Arith.big(exp), b = Arith.big(base);
        BigInteger r;
        if (abs.equals(BigInteger.ONE)) {
            r = BigInteger.ZERO;
        } else if (e.signum() < 0) {
            try {
                r = b.modInverse(abs).modPow(e.negate(), abs);
            } catch (ArithmeticException notInvertible) {
                throw Errors.value("base is not invertible for the given modulus");
            }
        } else {
            r = b.modPow(e, abs);
        }
        if (m.signum() < 0 && r.signum() != 0) r = r.add(m);   // the result takes the modulus' sign
        return Arith.norm(r);
    }

    static SkeinList divmod(Object a, Object b) {
        if (!Arith.isNumber(a) || !Arith.isNumber(b)) {
            throw Errors.type("unsupported operand type(s) for divmod(): '" + Values.typeName(a) + "' and '" + Values.typeName(b) + "'");
        }
        if ((a instanceof Double || b instanceof Double) && Convert.toDouble(b, "divisor") == 0.0) {
            throw Errors.zeroDivision("float divmod()");
        }
        return SkeinList.of(Arith.floordiv(a, b), Arith.mod(a, b));
    }
}
