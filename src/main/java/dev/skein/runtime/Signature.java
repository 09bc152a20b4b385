package dev.skein.runtime;

import java.util.ArrayList;
import java.util.List;

/**
 * The parameter list of a builtin, parsed once from a compact spec such as
 * {@code "iterable, *, key=?, reverse=?"} or {@code "*values, sep=?, end=?"}.
 *
 * <ul>
 *   <li>{@code name} — required positional-or-keyword parameter;</li>
 *   <li>{@code name=?} — optional; absent ones arrive as {@link Missing#MISSING};</li>
 *   <li>{@code *name} — collects the remaining positional arguments into an {@code Object[]};</li>
 *   <li>a bare {@code *} — the parameters after it are keyword-only;</li>
 *   <li>{@code **name} — collects unknown keyword arguments into a {@link SkeinDict}.</li>
 * </ul>
 * {@link #bind} produces one slot per parameter, in declaration order.
 */
public final class Signature {
    private final String function;
    private final String[] names;
    private final boolean[] optional;
    private final int positionalCount;   // parameters that may be filled positionally
    private final int varargsIndex;      // -1 when none
    private final int kwargsIndex;       // -1 when none
    /** Positional calls of this many arguments up to {@link #positionalCount} bind by padding alone; -1 when none do. */
    private final int minPlain;

    /** The function's name, as error messages show it. */
    public String function() { return function; }

    /** The parameter list as written for the builtin ({@code "x, key=?, *rest"}): what help() shows. */
    public String spec() { return spec; }

    private final String spec;

    public Signature(String function, String spec) {
        this.function = function;
        this.spec = spec;
        List<String> ns = new ArrayList<>();
        List<Boolean> opt = new ArrayList<>();
        int positional = -1, varargs = -1, kwargs = -1;
        if (!spec.isBlank()) {
            for (String raw : spec.split(",")) {
                String p = raw.trim();
                if (p.equals("*")) { positional = ns.size(); continue; }
                if (p.startsWith("**")) { kwargs = ns.size(); ns.add(p.substring(2)); opt.add(true); continue; }
                if (p.startsWith("*")) { varargs = ns.size(); positional = ns.size(); ns.add(p.substring(1)); opt.add(true); continue; }
                boolean o = p.endsWith("=?");
                ns.add(o ? p.substring(0, p.length() - 2) : p);
                opt.add(o);
            }
        }
        this.names = ns.toArray(new String[0]);
        this.optional = new boolean[names.length];
        for (int i = 0; i < names.length; i++) optional[i] = opt.get(i);
        this.positionalCount = positional < 0 ? (kwargs < 0 ? names.length : kwargs) : positional;
        this.varargsIndex = varargs;
        this.kwargsIndex = kwargs;
        this.minPlain = plainFrom();
    }

    /** The fewest positional arguments that fill every required slot, or -1 when *args, **kwargs or a required keyword-only parameter exist. */
    private int plainFrom() {
        if (varargsIndex >= 0 || kwargsIndex >= 0) return -1;
        int lastRequired = -1;
        for (int i = 0; i < names.length; i++) if (!optional[i]) lastRequired = i;
        return lastRequired < positionalCount ? lastRequired + 1 : -1;
    }

    /**
     * Whether {@code n} positional arguments alone bind to the first {@code n} slots, the others
     * being optional: {@link #bind} then only pads with {@link Missing#MISSING}, and a caller
     * that lays the slots out itself may skip it.
     */
    public boolean fitsPositionally(int n) {
        return minPlain >= 0 && n >= minPlain && n <= positionalCount;
    }

    public int size() { return names.length; }

    public String[] names() { return names.clone(); }

    /** Binds a call's arguments to parameter slots, raising TypeError like Python does. */
    public Object[] bind(Object[] args, String[] kwNames) {
        if (kwNames == null && fitsPositionally(args.length)) {   // the common call: no checks can fail
            Object[] out = java.util.Arrays.copyOf(args, names.length);
            if (args.length < out.length) java.util.Arrays.fill(out, args.length, out.length, Missing.MISSING);
            return out;
        }
        int nkw = kwNames == null ? 0 : kwNames.length;
        int npos = args.length - nkw;
        Object[] out = new Object[names.length];
        java.util.Arrays.fill(out, Missing.MISSING);
        if (npos > positionalCount && varargsIndex < 0) {
            throw Errors.type(function + "() takes " + describeCount() + " positional argument"
                    + (positionalCount == 1 ? "" : "s") + " but " + npos + " were given");
        }
        int direct = Math.min(npos, positionalCount);
        System.arraycopy(args, 0, out, 0, direct);
        if (varargsIndex >= 0) {
            Object[] rest = new Object[Math.max(0, npos - positionalCount)];
            System.arraycopy(args, direct, rest, 0, rest.length);
            out[varargsIndex] = rest;
        }
        SkeinDict extra = kwargsIndex >= 0 ? new SkeinDict() : null;
        for (int k = 0; k < nkw; k++) {
            String kw = kwNames[k];
            int idx = indexOf(kw);
            if (idx < 0 || idx == varargsIndex || idx == kwargsIndex) {
                if (extra != null) { extra.put(kw, args[npos + k]); continue; }
                throw Errors.type(function + "() got an unexpected keyword argument '" + kw + "'");
            }
            if (out[idx] != Missing.MISSING) {
                throw Errors.type(function + "() got multiple values for argument '" + kw + "'");
            }
            out[idx] = args[npos + k];
        }
        if (extra != null) out[kwargsIndex] = extra;
        for (int i = 0; i < names.length; i++) {
            if (out[i] == Missing.MISSING && !optional[i]) {
                throw Errors.type(function + "() missing required argument '" + names[i] + "'");
            }
        }
        return out;
    }

    private String describeCount() {
        int required = 0;
        for (int i = 0; i < positionalCount; i++) if (!optional[i]) required++;
        return required == positionalCount ? String.valueOf(required) : "from " + required + " to " + positionalCount;
    }

    private int indexOf(String name) {
        for (int i = 0; i < names.length; i++) if (names[i].equals(name)) return i;
        return -1;
    }
}
