package dev.skein.embed;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntBinaryOperator;

/** Java classes scripts get as host objects in the host-object tests. */
public final class HostFixtures {
    private HostFixtures() {}

    /** Overloads of every kind, each reporting which one ran. */
    public static final class Overloads {
        public String pick(int x) { return "int " + x; }
        public String pick(long x) { return "long " + x; }
        public String pick(String s) { return "String " + s; }
        public String pick(double d) { return "double " + d; }
        public String pick(List<?> l) { return "List " + l; }
        public String pick(Map<?, ?> m) { return "Map " + m; }
        public String pick(Runnable r) { r.run(); return "Runnable"; }
        public String small(short s) { return "short " + s; }
        public String small(byte b) { return "byte " + b; }
        public String only(int x) { return "int " + x; }
        public String big(BigInteger b) { return "BigInteger " + b; }
        public String letter(char c) { return "char " + c; }
        public String floats(float f) { return "float " + f; }
        public String array(int[] xs) { return "int[] " + java.util.Arrays.toString(xs); }
        public String twice(Object a) { return "Object " + a; }
        public String twice(CharSequence a) { return "CharSequence " + a; }
        public String amb(Integer a, Object b) { return "a"; }
        public String amb(Object a, Integer b) { return "b"; }
        public Object apply(Function<Object, Object> f, Object x) { return f.apply(x); }
        public int combine(IntBinaryOperator op, int a, int b) { return op.applyAsInt(a, b); }
        public List<String> sorted(List<String> xs, Comparator<String> c) { List<String> out = new ArrayList<>(xs); out.sort(c); return out; }
        public TimeUnitLike unit(TimeUnitLike u) { return u; }
    }

    public enum TimeUnitLike { SECONDS, MINUTES }

    /** A bean with fields, getters, setters and a method that throws. */
    public static final class Account {
        public String owner = "ada";
        public final int id = 7;
        private long balance = 100;
        public final List<String> log = new ArrayList<>();
        public long getBalance() { return balance; }
        public void setBalance(long b) { balance = b; }
        public boolean isOpen() { return true; }
        public void deposit(long amount) {
            if (amount <= 0) throw new IllegalStateException("amount must be positive, got " + amount);
            balance += amount;
            log.add("deposit " + amount);
        }
        public long tick() { return ++balance; }
        public Account self() { return this; }
        public Object leakClass() { return String.class; }
        public Object leakThread() { return new Thread(() -> { }); }
        public Object leakLoader() { return getClass().getClassLoader(); }
        public ClassLoader loader() { return getClass().getClassLoader(); }
        public Runtime runtime() { return Runtime.getRuntime(); }
        public List<Object> mixed() { return List.of(1, "two", this, String.class); }
        public Map<String, Integer> counts() { return Map.of("a", 1); }
        public int[] numbers() { return new int[] {3, 1, 2}; }
        @Override public String toString() { return "Account(" + owner + ")"; }
    }

    /** Only the annotated members are exposed under HostAccess.EXPLICIT. */
    public static final class Partly {
        @SkeinExport public String open() { return "open"; }
        public String closed() { return "closed"; }
    }

    /** A class every member of which HostAccess.EXPLICIT exposes. */
    @SkeinExport
    public static final class Whole {
        public String one() { return "one"; }
    }
}
