package dev.skein.runtime;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * The protocol every Skein value follows: its type name, truthiness, equality, ordering and
 * hashing, attributes, and calls (functions, methods of built-in types, methods of runtime
 * objects of later layers).
 */
public final class Values {
    private Values() {}

    public static String typeName(Object o) {
        if (o == null) return "none";
        if (o instanceof Boolean) return "bool";
        if (o instanceof Long || o instanceof BigInteger) return "int";
        if (o instanceof Double) return "float";
        if (o instanceof String) return "str";
        if (o instanceof Bytes) return "bytes";
        if (o instanceof SkeinList) return "list";
        if (o instanceof SkeinDict) return "dict";
        if (o instanceof SkeinSet) return "set";
        if (o instanceof RangeValue) return "range";
        if (o instanceof RecordValue r) return r.type().name();
        if (o instanceof RecordType) return "record";
        if (o instanceof ErrorValue) return "error";
        if (o instanceof ErrorKind) return "error_kind";
        if (o instanceof ModuleValue) return "module";
        if (o instanceof SkeinIterator) return "iterator";
        if (o instanceof SliceValue) return "slice";
        if (o instanceof Named n) return n.typeName();
        if (o instanceof Callable) return "function";
        return o.getClass().getSimpleName();
    }

    /** Implemented by runtime values of later layers (futures, pools, locks) to name their type. */
    public interface Named {
        String typeName();
    }

    public static boolean truthy(Object o) {
        if (o instanceof Boolean b) return b;
        if (o == null) return false;
        if (o instanceof Long l) return l != 0;
        if (o instanceof String s) return !s.isEmpty();
        if (o instanceof Double d) return d != 0.0;
        if (o instanceof BigInteger) return true;  // canonical form: never zero
        if (o instanceof SkeinList l) return l.size() != 0;
        if (o instanceof SkeinDict d) return d.size() != 0;
        if (o instanceof SkeinSet s) return s.size() != 0;
        if (o instanceof Bytes b) return b.length() != 0;
        if (o instanceof RangeValue r) return !r.isEmpty();
        if (o instanceof HostContainer h) return h.isTrue();
        return true;
    }

    /** Deep equality, {@code ==}. Numbers compare by value across int, float and bool. */
    public static boolean eq(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) return x.longValue() == y.longValue();
        if (a == b) return !(a instanceof Double d && d.isNaN());
        if (a == null || b == null) return false;
        if (a instanceof String x && b instanceof String y) return x.equals(y);
        if (a instanceof Double x && b instanceof Double y) return x.doubleValue() == y.doubleValue();
        if (Arith.isNumber(a) && Arith.isNumber(b)) return compareNumbers(a, b) == 0;
        try {
            return containersEq(a, b);
        } catch (StackOverflowError deep) {   // each level has this handler: the innermost one with room reports it
            throw Errors.tooDeep("comparison");
        }
    }

    private static boolean containersEq(Object a, Object b) {
        if (a instanceof SkeinList x && b instanceof SkeinList y) return x.size() == y.size() && listCompare(x, y, EQ);
        if (a instanceof SkeinDict x && b instanceof SkeinDict y) {
            if (x.size() != y.size()) return false;   // before copying anything
            Object[] kv = x.entriesSnapshot();
            if (kv.length / 2 != y.size()) return false;
            for (int i = 0; i < kv.length; i += 2) {
                Object other = y.getOr(kv[i], Missing.MISSING);
                if (other == Missing.MISSING || !eq(kv[i + 1], other)) return false;
            }
            return true;
        }
        if (a instanceof SkeinSet x && b instanceof SkeinSet y) {
            if (x.size() != y.size()) return false;
            Object[] xs = x.snapshot();
            if (xs.length != y.size()) return false;
            for (Object v : xs) if (!y.contains(v)) return false;
            return true;
        }
        if (a instanceof SkeinList || a instanceof SkeinDict || a instanceof SkeinSet) return false;
        return a.equals(b);
    }

    /**
     * Exact three-way comparison of two numbers of any numeric type: -1, 0 or 1, or 2 when a
     * NaN makes them unordered. Never rounds: {@code 2**53 + 1 > 2.0**53} holds.
     */
    static int compareNumbers(Object a, Object b) {
        if (a instanceof Boolean x) a = x ? 1L : 0L;
        if (b instanceof Boolean y) b = y ? 1L : 0L;
        if (a instanceof Long x && b instanceof Long y) return Long.compare(x, y);
        if (a instanceof Double x && b instanceof Double y) {
            double p = x, q = y;
            return p < q ? -1 : p > q ? 1 : p == q ? 0 : 2;
        }
        if (a instanceof Double x) {
            int c = compareIntFloat(b, x);
            return c == 2 ? 2 : -c;
        }
        if (b instanceof Double y) return compareIntFloat(a, y);
        return Arith.big(a).compareTo(Arith.big(b));
    }

    /** An int (Long or BigInteger) against a double, exactly. */
    static int compareIntFloat(Object i, double d) {
        if (d != d) return 2;
        if (i instanceof Long l) {
            if (d >= 0x1p63) return -1;
            if (d < -0x1p63) return 1;
            long t = (long) d;                    // exact truncation: |d| < 2^63
            if (l != t) return l < t ? -1 : 1;
            double frac = d - t;                  // exact: the fractional part of a double
            return frac > 0 ? -1 : frac < 0 ? 1 : 0;
        }
        BigInteger b = (BigInteger) i;           // canonical: |b| >= 2^63
        if (Double.isInfinite(d)) return d > 0 ? -1 : 1;
        if (Math.abs(d) < 0x1p63) return b.signum();
        return b.compareTo(new BigDecimal(d).toBigInteger());   // such doubles are integral
    }

    /** Ordering for sorting: {@code <} decides, as in Python's sort. */
    public static int compare(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) return Long.compare(x, y);
        if (a instanceof String x && b instanceof String y) return compareStrings(x, y);
        if (Arith.isNumber(a) && Arith.isNumber(b)) {
            int c = compareNumbers(a, b);
            return c == 2 ? 0 : c;
        }
        if (richCompare(a, b, LT)) return -1;
        if (richCompare(b, a, LT)) return 1;
        return 0;
    }

    /** Strings order by code point, as in Python (String.compareTo orders UTF-16 units). */
    static int compareStrings(String x, String y) {
        int n = Math.min(x.length(), y.length());
        for (int i = 0; i < n; i++) {
            char c = x.charAt(i), d = y.charAt(i);
            if (c != d) {
                if (c >= 0xD800 && d >= 0xD800) {
                    // surrogates (D800-DFFF) encode code points above every BMP char (E000-FFFF)
                    c = fixUp(c);
                    d = fixUp(d);
                }
                return c < d ? -1 : 1;
            }
        }
        return Integer.compare(x.length(), y.length());
    }

    static char fixUp(char c) {
        return (char) (c >= 0xE000 ? c - 0x800 : c + 0x2000);
    }

    static final int LT = 0, LE = 1, GT = 2, GE = 3;

    static final String[] OP_NAMES = {"<", "<=", ">", ">="};

    static boolean outcome(int c, int op) {
        return switch (op) {
            case LT -> c < 0;
            case LE -> c <= 0;
            case GT -> c > 0;
            default -> c >= 0;
        };
    }

    /**
     * {@code a op b} for the orderings, as Python does it: numbers by value (NaN: always
     * false), strings and bytes lexicographically, lists and same-type records by their first
     * differing element, sets by inclusion.
     */
    static boolean richCompare(Object a, Object b, int op) {
        try {
            return ordered(a, b, op);
        } catch (StackOverflowError deep) {
            throw Errors.tooDeep("comparison");
        }
    }

    private static boolean ordered(Object a, Object b, int op) {
        if (Arith.isNumber(a) && Arith.isNumber(b)) {
            int c = compareNumbers(a, b);
            return c != 2 && outcome(c, op);
        }
        if (a instanceof String x && b instanceof String y) return outcome(compareStrings(x, y), op);
        if (a instanceof SkeinList x && b instanceof SkeinList y) return listCompare(x, y, op);
        if (a instanceof Bytes x && b instanceof Bytes y) return outcome(x.compareTo(y), op);
        if (a instanceof RecordValue x && b instanceof RecordValue y && x.type() == y.type()) {
            Object[] xs = new Object[x.size()], ys = new Object[y.size()];
            for (int i = 0; i < xs.length; i++) xs[i] = x.get(i);
            for (int i = 0; i < ys.length; i++) ys[i] = y.get(i);
            return sequenceCompare(xs, ys, op);
        }
        if (a instanceof SkeinSet x && b instanceof SkeinSet y) {
            return switch (op) {
                case LT -> x.size() < y.size() && subset(x, y);
                case LE -> subset(x, y);
                case GT -> y.size() < x.size() && subset(y, x);
                default -> subset(y, x);
            };
        }
        throw Errors.type("'" + OP_NAMES[op] + "' not supported between instances of '" + typeName(a) + "' and '" + typeName(b) + "'");
    }

    static boolean sequenceCompare(Object[] xs, Object[] ys, int op) {
        int n = Math.min(xs.length, ys.length);
        for (int i = 0; i < n; i++) {
            if (!eq(xs[i], ys[i])) return richCompare(xs[i], ys[i], op);
        }
        return outcome(Integer.compare(xs.length, ys.length), op);
    }

    /** Pseudo-op for {@link #listCompare}: equality of lists already known to be the same length. */
    private static final int EQ = -1;

    /**
     * {@code x op y} for lists, as CPython's list_richcompare: element by element without
     * copying either list, up to the first unequal pair; the lengths decide when one runs out
     * (re-read at that point, since the lists may change while elements are compared).
     */
    static boolean listCompare(SkeinList x, SkeinList y, int op) {
        for (int i = 0; ; i++) {
            Object p = x.getOr(i, Missing.MISSING), q = y.getOr(i, Missing.MISSING);
            if (p == Missing.MISSING || q == Missing.MISSING) {
                int c = Integer.compare(x.size(), y.size());
                return op == EQ ? c == 0 : outcome(c, op);
            }
            if (!eq(p, q)) return op != EQ && richCompare(p, q, op);
        }
    }

    static boolean subset(SkeinSet x, SkeinSet y) {
        for (Object v : x.snapshot()) if (!y.contains(v)) return false;
        return true;
    }

    public static boolean lt(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) return x < y;
        if (a instanceof Double x && b instanceof Double y) return x < y;
        return richCompare(a, b, LT);
    }

    public static boolean le(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) return x <= y;
        if (a instanceof Double x && b instanceof Double y) return x <= y;
        return richCompare(a, b, LE);
    }

    public static boolean gt(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) return x > y;
        if (a instanceof Double x && b instanceof Double y) return x > y;
        return richCompare(a, b, GT);
    }

    public static boolean ge(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) return x >= y;
        if (a instanceof Double x && b instanceof Double y) return x >= y;
        return richCompare(a, b, GE);
    }

    /**
     * A hash consistent with {@link #eq} for numbers: equal ints, floats and bools hash alike
     * ({@code hash(1) == hash(1.0) == hash(true)}).
     */
    public static int hash(Object o) {
        if (o == null) return 0;
        if (o instanceof Long l) return Long.hashCode(l);
        if (o instanceof Double d) {
            double v = d;
            if (v == Math.rint(v) && !Double.isInfinite(v)) {
                if (Math.abs(v) < 0x1p63) return Long.hashCode((long) v);
                return new BigDecimal(v).toBigInteger().hashCode();
            }
            return Double.hashCode(v);
        }
        if (o instanceof Boolean b) return b ? 1 : 0;
        try {
            return o.hashCode();   // a record's hash is its fields' hashes
        } catch (StackOverflowError deep) {
            throw Errors.tooDeep("hash");
        }
    }

    /**
     * The canonical dict/set key for a value: bools and integral floats become the equal int
     * (Long or BigInteger), so that {@code d[1]}, {@code d[1.0]} and {@code d[true]} find the
     * same entry. Everything else is returned unchanged; Long and String keys cost one check each.
     */
    public static Object canonicalKey(Object k) {
        if (k instanceof Long || k instanceof String) return k;
        if (k instanceof Boolean b) return b ? 1L : 0L;
        if (k instanceof Double d) {
            double v = d;
            if (v == Math.rint(v) && !Double.isInfinite(v)) {
                if (Math.abs(v) < 0x1p63) return (long) v;
                return Arith.norm(new BigDecimal(v).toBigInteger());
            }
        }
        return k;
    }

    public static Object call(ThreadState ts, Object callee, Object[] args, String[] kwNames) {
        if (callee instanceof Callable c) return c.call(ts, args, kwNames);
        throw Errors.type("'" + typeName(callee) + "' object is not callable");
    }

    /**
     * {@code recv.name(args…)}: a method of a built-in type (from the engine's {@link TypeMethodTable}),
     * a method of a runtime object ({@link MethodHost}), or a callable field or module member.
     */
    public static Object callMethod(ThreadState ts, Object recv, String name, Object[] args, String[] kwNames) {
        if (recv instanceof MethodHost h) {
            Callable m = h.method(name);
            if (m != null) return m.call(ts, args, kwNames);
        }
        if (recv instanceof RecordValue r && name.equals("with")) {
            int npos = args.length - (kwNames == null ? 0 : kwNames.length);
            if (npos > 0) throw Errors.type("with() takes only keyword arguments, like p.with(x=1)");
            Object[] values = java.util.Arrays.copyOfRange(args, npos, args.length);
            return r.with(kwNames == null ? new String[0] : kwNames, values);
        }
        Builtin m = ts.interp().typeMethods().find(recv, name);
        if (m != null) return m.callWithSelf(ts, recv, args, kwNames);
        return call(ts, getAttr(recv, name), args, kwNames);
    }

    /** Implemented by runtime objects of later layers (futures, pools) that have methods. */
    public interface MethodHost {
        /** The method bound to this object, or null when it has none by that name. */
        Callable method(String name);

        /** The names {@link #method} answers to: what {@code dir} lists. */
        default java.util.Collection<String> methodNames() { return java.util.List.of(); }
    }

    /** {@code obj.name} for fields, module members and error attributes (not methods). */
    public static Object getAttr(Object o, String name) {
        Object v = field(o, name);
        if (v != Missing.MISSING) return v;
        throw noAttribute(o, name);
    }

    /**
     * {@code obj.name} as an expression: a field, member or attribute as {@link #getAttr(Object, String)},
     * else the method of that name bound to obj ({@link BoundMethod}: one kind of value for the
     * methods of built-in types, of runtime objects and a record's {@code with}).
     */
    public static Object getAttr(ThreadState ts, Object o, String name) {
        Object v = field(o, name);
        if (v != Missing.MISSING) return v;
        if (hasMethod(ts, o, name)) return new BoundMethod(o, name);
        throw noAttribute(o, name);
    }

    /** Whether {@code recv.name(…)} would find a method (not a field) through {@link #callMethod}. */
    public static boolean hasMethod(ThreadState ts, Object recv, String name) {
        if (recv instanceof MethodHost h && h.method(name) != null) return true;
        if (recv instanceof RecordValue && name.equals("with")) return true;
        return !(recv instanceof ModuleValue) && ts.interp().typeMethods().find(recv, name) != null;
    }

    private static SkeinError noAttribute(Object o, String name) {
        return Errors.attribute("'" + typeName(o) + "' object has no attribute '" + name + "'");
    }

    /** A field, module member or attribute of o, or {@link Missing#MISSING}; a module's missing member raises. */
    private static Object field(Object o, String name) {
        if (o instanceof RecordValue r) {
            Object v = r.field(name);
            if (v != Missing.MISSING) return v;
        } else if (o instanceof ModuleValue m) {
            Object v = m.member(name);
            if (v != Missing.MISSING) return v;
            throw Errors.attribute("module '" + m.moduleName() + "' has no member '" + name + "'");
        } else if (o instanceof ErrorValue e) {
            switch (name) {
                case "kind": return e.kind().name();
                case "message": return e.message();
                case "cause": return e.cause();
                case "trace": {
                    SkeinList out = new SkeinList();
                    for (TraceEntry t : e.trace()) out.append(t.toString());
                    return out;
                }
                default: break;
            }
        } else if (o instanceof Attributes a) {
            return a.attribute(name);
        } else if (o instanceof Callable c && name.equals("name")) {
            return c.name();
        } else if (o instanceof RangeValue r) {
            switch (name) {
                case "start": return r.start();
                case "stop": return r.stop();
                case "step": return r.step();
                default: break;
            }
        }
        return Missing.MISSING;
    }

    /** Implemented by runtime values with read-only attributes ({@code pool.size}). */
    public interface Attributes {
        /** The attribute's value, or {@link Missing#MISSING}. */
        Object attribute(String name);
    }
}
