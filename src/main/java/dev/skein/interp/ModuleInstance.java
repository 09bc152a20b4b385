package dev.skein.interp;

import dev.skein.runtime.Missing;
import dev.skein.runtime.ModuleValue;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The globals of one loaded script (or of a REPL session). Global names get fixed indices at
 * compile time; the array grows when later code (REPL input) declares more.
 */
public final class ModuleInstance implements ModuleValue {
    private final String name;
    private final String file;
    private final Map<String, Integer> index = new LinkedHashMap<>();
    private final List<String> names = new ArrayList<>();
    private final ReentrantLock declareLock = new ReentrantLock();
    /** Read on every global access; replaced (never shrunk) when the module grows. */
    volatile Object[] globals = new Object[16];

    public ModuleInstance(String name, String file) {
        this.name = name;
        this.file = file;
        java.util.Arrays.fill(globals, Unset.UNSET);
    }

    public String file() { return file; }

    /** The index of a global, declaring it if new (hosts use it to lay out a module before compiling). */
    public int declare(String global) {
        declareLock.lock();
        try {
            Integer i = index.get(global);
            if (i != null) return i;
            int n = names.size();
            index.put(global, n);
            names.add(global);
            if (n >= globals.length) {
                Object[] bigger = java.util.Arrays.copyOf(globals, globals.length * 2);
                java.util.Arrays.fill(bigger, globals.length, bigger.length, Unset.UNSET);
                globals = bigger;
            }
            return n;
        } finally { declareLock.unlock(); }
    }

    /** How many globals are declared (assigned or not). */
    public int declaredCount() {
        declareLock.lock();
        try { return names.size(); } finally { declareLock.unlock(); }
    }

    /** The names of the globals declared at indices {@code from} and later, in order. */
    public List<String> declaredSince(int from) {
        declareLock.lock();
        try { return new ArrayList<>(names.subList(Math.min(from, names.size()), names.size())); } finally { declareLock.unlock(); }
    }

    /** The index of a declared global, or -1. */
    int indexOf(String global) {
        declareLock.lock();
        try {
            Integer i = index.get(global);
            return i == null ? -1 : i;
        } finally { declareLock.unlock(); }
    }

    String nameAt(int i) {
        declareLock.lock();
        try { return names.get(i); } finally { declareLock.unlock(); }
    }

    /** Every declared global, in index order (assigned or not). */
    public List<String> declaredNames() {
        declareLock.lock();
        try { return List.copyOf(names); } finally { declareLock.unlock(); }
    }

    /** Makes a global unassigned again (it stays declared, so compiled code keeps its index). */
    public void unset(String global) {
        int i = indexOf(global);
        if (i >= 0) globals[i] = Unset.UNSET;
    }

    /** A global's value, or MISSING when undeclared or not yet assigned. */
    public Object get(String global) {
        int i = indexOf(global);
        if (i < 0) return Missing.MISSING;
        Object v = globals[i];
        return v == Unset.UNSET ? Missing.MISSING : v;
    }

    /** Sets (declaring if needed) a global: for hosts and the REPL. */
    public void set(String global, Object value) {
        int i = declare(global);
        globals[i] = value;
    }

    @Override public String moduleName() { return name; }

    @Override public Object member(String n) { return get(n); }

    @Override public Collection<String> memberNames() {
        declareLock.lock();
        try {
            List<String> out = new ArrayList<>();
            for (String n : names) if (globals[index.get(n)] != Unset.UNSET) out.add(n);
            return out;
        } finally { declareLock.unlock(); }
    }

    @Override public String toString() { return "<module " + name + ">"; }
}
