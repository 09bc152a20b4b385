package dev.skein.stdlib.modules;

import dev.skein.runtime.Arith;
import dev.skein.runtime.Containers;
import dev.skein.runtime.Errors;
import dev.skein.runtime.Interpreter;
import dev.skein.runtime.NativeModule;
import dev.skein.runtime.SkeinIterator;
import dev.skein.runtime.SkeinList;

import java.util.function.DoubleUnaryOperator;

import static dev.skein.stdlib.modules.FloatMath.real;

/**
 * {@code import math}: Python's math module. Ints stay exact where Python keeps them exact
 * (factorial, comb, gcd, isqrt, floor of huge floats); float functions raise ValueError
 * "math domain error" and OverflowError "math range error" where CPython does.
 */
public final class MathModule {
    private MathModule() {}

    public static NativeModule create(Interpreter interp) {
        NativeModule m = new NativeModule("math");
        m.constant("pi", Math.PI).constant("e", Math.E).constant("tau", 2 * Math.PI)
                .constant("inf", Double.POSITIVE_INFINITY).constant("nan", Double.NaN);

        unary(m, "sqrt", Math::sqrt, false);
        unary(m, "exp", Math::exp, true);
        unary(m, "expm1", Math::expm1, true);
        unary(m, "log1p", Math::log1p, false);
        unary(m, "fabs", Math::abs, false);
        unary(m, "sin", Math::sin, false);
        unary(m, "cos", Math::cos, false);
        unary(m, "tan", Math::tan, false);
        unary(m, "asin", Math::asin, false);
        unary(m, "acos", Math::acos, false);
        unary(m, "atan", Math::atan, false);
        unary(m, "sinh", Math::sinh, true);
        unary(m, "cosh", Math::cosh, true);
        unary(m, "tanh", Math::tanh, false);
        m.def("degrees", "x", (ts, a) -> Math.toDegrees(real(a[0])));
        m.def("radians", "x", (ts, a) -> Math.toRadians(real(a[0])));

        m.def("floor", "x", (ts, a) -> FloatMath.rounding(a[0], Math::floor));
        m.def("ceil", "x", (ts, a) -> FloatMath.rounding(a[0], Math::ceil));
        m.def("trunc", "x", (ts, a) -> FloatMath.rounding(a[0], d -> d < 0 ? Math.ceil(d) : Math.floor(d)));

        m.def("log", "x, base=?", (ts, a) -> {
            double num = FloatMath.log(a[0], Math::log);
            if (Args.absent(a[1])) return num;
            double den = FloatMath.log(a[1], Math::log);
            if (den == 0.0) throw Errors.zeroDivision("float division by zero");
            return num / den;
        });
        m.def("log2", "x", (ts, a) -> FloatMath.log(a[0], FloatMath::log2));
        m.def("log10", "x", (ts, a) -> FloatMath.log(a[0], Math::log10));
        m.def("pow", "x, y", (ts, a) -> FloatMath.pow(real(a[0]), real(a[1])));
        m.def("fmod", "x, y", (ts, a) -> FloatMath.fmod(real(a[0]), real(a[1])));
        m.def("atan2", "y, x", (ts, a) -> Math.atan2(real(a[0]), real(a[1])));
        m.def("hypot", "*coordinates", (ts, a) -> FloatMath.hypot((Object[]) a[0]));
        m.def("copysign", "x, y", (ts, a) -> Math.copySign(real(a[0]), real(a[1])));
        m.def("modf", "x", (ts, a) -> modf(real(a[0])));
        m.def("isclose", "a, b, *, rel_tol=?, abs_tol=?", (ts, a) -> FloatMath.isclose(real(a[0]), real(a[1]),
                Args.absent(a[2]) ? 1e-09 : real(a[2]), Args.absent(a[3]) ? 0.0 : real(a[3])));
        m.def("isfinite", "x", (ts, a) -> Double.isFinite(real(a[0])));
        m.def("isinf", "x", (ts, a) -> Double.isInfinite(real(a[0])));
        m.def("isnan", "x", (ts, a) -> Double.isNaN(real(a[0])));
        m.def("fsum", "iterable", (ts, a) -> FloatMath.fsum(ts, a[0]));

        m.def("isqrt", "n", (ts, a) -> IntMath.isqrt(a[0]));
        m.def("factorial", "n", (ts, a) -> IntMath.factorial(ts, a[0]));
        m.def("comb", "n, k", (ts, a) -> IntMath.comb(ts, a[0], a[1]));
        m.def("perm", "n, k=?", (ts, a) -> IntMath.perm(ts, a[0], a[1]));
        m.def("gcd", "*integers", (ts, a) -> IntMath.gcd((Object[]) a[0]));
        m.def("lcm", "*integers", (ts, a) -> IntMath.lcm((Object[]) a[0]));
        m.def("prod", "iterable, *, start=?", (ts, a) -> {
            Object acc = Args.absent(a[1]) ? (Object) 1L : a[1];
            SkeinIterator it = Containers.iter(a[0]);
            for (Object v = it.next(); v != SkeinIterator.DONE; v = it.next()) {
                ts.poll();
                acc = Arith.mul(acc, v, ts);
            }
            return acc;
        });
        return m;
    }

    private static void unary(NativeModule m, String name, DoubleUnaryOperator f, boolean canOverflow) {
        m.def(name, "x", (ts, a) -> FloatMath.apply(real(a[0]), f, canOverflow));
    }

    /** [fractional part, integral part], both floats carrying the sign of x (Python's tuple as a list). */
    private static SkeinList modf(double x) {
        if (Double.isInfinite(x)) return SkeinList.of(Math.copySign(0.0, x), x);
        if (Double.isNaN(x)) return SkeinList.of(x, x);
        double ip = x < 0 ? Math.ceil(x) : Math.floor(x);
        return SkeinList.of(Math.copySign(x - ip, x), ip);
    }
}
