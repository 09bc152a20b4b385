package dev.skein.stdlib;

import dev.skein.runtime.Arith;
import dev.skein.runtime.Builtin;

import java.util.Map;

/** The few methods of int and float that scripts use: bit_length, bit_count, is_integer. */
final class NumberMethods {
    private NumberMethods() {}

    static final Map<String, Builtin> INT = new MethodTable("int")
            .def("bit_length", "", (ts, a) -> (long) Arith.big(a[0]).abs().bitLength())
            .def("bit_count", "", (ts, a) -> (long) Arith.big(a[0]).abs().bitCount())
            .build();

    static final Map<String, Builtin> FLOAT = new MethodTable("float")
            .def("is_integer", "", (ts, a) -> {
                double d = (Double) a[0];
                return !Double.isInfinite(d) && d == Math.rint(d);
            })
            .build();
}
